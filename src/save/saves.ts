import {
  keyFormat,
  keyOf,
  type ParsedSave,
  parseSave,
  SAVE_PREFIX,
  type SaveData,
  serialiseSave,
} from './format.ts';
import type { KeyValueStore, WriteResult } from './storage.ts';

// The saved games on this device, over a storage that may refuse to keep them. Nothing
// here removes a save on its own: a save goes when the player discards it (remove), or is
// moved whole from format 1 to its format-2 key. Keys under tow.save. of a later format
// belong to a later version of the game and are only counted, never read or touched.

export interface SaveEntry {
  key: string;
  parsed: ParsedSave;
}

export interface SaveBook {
  readonly persistent: boolean;
  write(save: SaveData): WriteResult;
  /** null when there is no save at `key` */
  read(key: string): ParsedSave | null;
  /** every saved game of this format (format-1 ones too), readable or not, the latest first */
  list(): SaveEntry[];
  /** how many keys under tow.save. belong to a later version of the game */
  foreign(): number;
  /** moves each readable format-1 save to its format-2 key; the unreadable stay put */
  upgrade(): void;
  /** only ever on the player's word */
  remove(key: string): void;
  /** small values of the app's own (settings, attempt counts, an outcome on show) */
  getValue(key: string): string | null;
  setValue(key: string, value: string): WriteResult;
  /** a small value no longer true (an outcome the player has moved on from); never a save */
  removeValue(key: string): void;
}

export function saveBook(kv: KeyValueStore): SaveBook {
  const ours = () =>
    kv.keys().filter((k) => k.startsWith(SAVE_PREFIX) && keyFormat(k) !== 'foreign');
  return {
    get persistent() {
      return kv.persistent;
    },
    write: (save) => kv.set(keyOf(save), serialiseSave(save)),
    read(key) {
      const text = kv.get(key);
      return text === null ? null : parseSave(text);
    },
    list() {
      const entries = ours().map((key) => ({ key, parsed: parseSave(kv.get(key)) }));
      const time = (e: SaveEntry) => (e.parsed.ok ? e.parsed.save.updated : 0);
      return entries.sort((a, b) => time(b) - time(a) || a.key.localeCompare(b.key));
    },
    foreign: () =>
      kv.keys().filter((k) => k.startsWith(SAVE_PREFIX) && keyFormat(k) === 'foreign').length,
    upgrade() {
      for (const key of ours()) {
        if (keyFormat(key) !== 'legacy') continue;
        const parsed = parseSave(kv.get(key));
        if (!parsed.ok) continue;
        const to = keyOf(parsed.save);
        // a newer game of the same market already there wins; the old one stays to be seen
        if (kv.get(to) !== null) continue;
        // removed only once the copy is known to be kept
        if (kv.set(to, serialiseSave(parsed.save)).ok && kv.get(to) !== null) kv.remove(key);
      }
    },
    remove: (key) => kv.remove(key),
    getValue: (key) => kv.get(key),
    setValue: (key, value) => kv.set(key, value),
    removeValue(key) {
      if (!key.startsWith(SAVE_PREFIX)) kv.remove(key);
    },
  };
}
