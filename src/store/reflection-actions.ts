import { sessionOf } from '../save/format.ts';
import {
  NOTE_MAX,
  parseReflection,
  type ReflectionNotes,
  reflectionKey,
} from '../save/reflection.ts';
import type { SaveBook } from '../save/saves.ts';
import type { WriteResult } from '../save/storage.ts';
import { modelOfScenario } from '../sim/index.ts';
import type { GameState, Notice } from './types.ts';

// The debrief's reflection: the trainee's answers and action plan for the market on show,
// read from this device when the debrief opens and written back as they are typed (by the
// save effect, src/app/effects/save.ts, which reports back through reflectionWritten).
// Storage that refuses them (full, switched off) costs a notice, never the text: the page
// keeps it (the storage layer's own fallback, and this state) for printing or copying.

export interface ReflectionState {
  /** the storage key of the market these notes belong to */
  key: string;
  notes: ReflectionNotes;
  /** false once storage has refused them: they last only as long as this page */
  kept: boolean;
}

export interface ReflectionActions {
  /** the reflection notes of the finished market on show, read from this device */
  openReflection(): void;
  /** keeps one answer (or the plan) as typed */
  writeReflection(field: string, text: string): void;
  /** the save effect's report on writing the notes to this device */
  reflectionWritten(result: WriteResult): void;
}

export const REFLECTION_NOT_KEPT =
  'This browser is not keeping your debrief notes (storage is full or switched off). They stay on this page: print them or copy them before you close it.';

type Set = (partial: Partial<GameState>) => void;
type Get = () => GameState & {
  notify(tone: Notice['tone'], text: string, options?: { once?: boolean }): void;
};

/** The key of the notes for the market on show; null before a market is open. */
export function reflectionKeyOf(s: Pick<GameState, 'entry' | 'sim' | 'context'>): string | null {
  if (!s.entry || !s.sim) return null;
  // a game an earlier model played keeps its notes under that model, as its save
  const model = modelOfScenario(s.entry.scenario);
  return reflectionKey(s.entry.scenario.id, s.entry.hash, s.sim.seed, sessionOf(s.context), model);
}

export function reflectionActions(set: Set, get: Get, saves: SaveBook): ReflectionActions {
  /** notes not kept: the section says so; a refusal of storage that works otherwise is a notice too */
  const notKept = (notice: boolean) => {
    const r = get().reflection;
    if (r?.kept) set({ reflection: { ...r, kept: false } });
    if (notice) get().notify('warning', REFLECTION_NOT_KEPT);
  };
  const openReflection = () => {
    const key = reflectionKeyOf(get());
    if (key === null || get().reflection?.key === key) return;
    const parsed = parseReflection(saves.getValue(key));
    set({ reflection: { key, notes: parsed.ok ? parsed.notes : {}, kept: saves.persistent } });
    // the damaged notes are replaced only when the trainee writes new ones
    if (!parsed.ok) get().notify('warning', `${parsed.message}. You can write them again.`);
  };
  return {
    openReflection,
    writeReflection(field, text) {
      openReflection();
      const r = get().reflection;
      if (!r) return;
      const notes = { ...r.notes, [field]: text.slice(0, NOTE_MAX) };
      set({ reflection: { ...r, notes } });
    },
    reflectionWritten(written) {
      const r = get().reflection;
      if (!r) return;
      // storage switched off altogether is already said by the notice about saved games
      if (!written.ok || !saves.persistent) notKept(saves.persistent);
      else if (!r.kept) set({ reflection: { ...r, kept: true } });
    },
  };
}
