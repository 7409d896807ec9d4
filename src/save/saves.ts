import {
  keyOf,
  type ParsedSave,
  parseSave,
  SAVE_PREFIX,
  type SaveData,
  serialiseSave,
} from './format.ts';
import type { KeyValueStore, WriteResult } from './storage.ts';

// The saved games on this device, over a storage that may refuse to keep them.

export interface SaveEntry {
  key: string;
  parsed: ParsedSave;
}

export interface SaveBook {
  readonly persistent: boolean;
  write(save: SaveData): WriteResult;
  read(key: string): ParsedSave;
  /** every saved game, readable or not, the latest first */
  list(): SaveEntry[];
  remove(key: string): void;
  /** small values of the app's own (settings, attempt counts) */
  getValue(key: string): string | null;
  setValue(key: string, value: string): WriteResult;
}

export function saveBook(kv: KeyValueStore): SaveBook {
  return {
    get persistent() {
      return kv.persistent;
    },
    write: (save) => kv.set(keyOf(save), serialiseSave(save)),
    read: (key) => parseSave(kv.get(key)),
    list() {
      const entries = kv
        .keys()
        .filter((k) => k.startsWith(SAVE_PREFIX))
        .map((key) => ({ key, parsed: parseSave(kv.get(key)) }));
      const time = (e: SaveEntry) => (e.parsed.ok ? e.parsed.save.updated : 0);
      return entries.sort((a, b) => time(b) - time(a) || a.key.localeCompare(b.key));
    },
    remove: (key) => kv.remove(key),
    getValue: (key) => kv.get(key),
    setValue: (key, value) => kv.set(key, value),
  };
}
