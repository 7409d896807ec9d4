import { type OutcomeNote, outcomeNoteKey, serialiseOutcomeNote } from '../../save/outcome-note.ts';
import type { SaveBook } from '../../save/saves.ts';
import type { GameStore } from '../../store/game-store.ts';
import type { GameState } from '../../store/types.ts';

// A game the server holds (a live room's, an assessed attempt's) is kept by the server; this
// keeps only which screen it was on: the note of src/save/outcome-note.ts while a quarter's
// outcome is on show, removed once the player moves on, so a reload opens where they were.

type Place = Pick<GameState, 'room' | 'sim' | 'context' | 'screen' | 'phase'>;

/** The note this state calls for (null: none), or undefined outside a server's game. */
function noteOf(s: Place): { key: string; note: OutcomeNote | null } | undefined {
  const { room, sim, context } = s;
  if (!room || !sim || context.kind === 'practice') return undefined;
  const onShow = s.screen === 'play' && s.phase === 'outcome' && sim.choices.length > 0;
  return {
    key: outcomeNoteKey(context.session),
    note: onShow ? { seed: sim.seed, choices: [...sim.choices] } : null,
  };
}

export function keepRoomOutcome(store: GameStore, saves: SaveBook): () => void {
  let last: string | null = null;
  return store.subscribe((s) => {
    const place = noteOf(s);
    // before the server's game arrives (a reload, a rejoin) nothing is known: the note waits
    if (!place) return;
    const signature = JSON.stringify(place);
    if (signature === last) return;
    last = signature;
    // refused storage costs nothing here: a reload then opens on the next decision
    if (place.note) saves.setValue(place.key, serialiseOutcomeNote(place.note));
    else saves.removeValue(place.key);
  });
}
