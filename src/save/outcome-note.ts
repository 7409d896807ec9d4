// A game the server holds (a live room's, an assessed attempt's) has no save on this
// device: the server keeps its choices, but not which screen the player had open, so a
// reload on a quarter's outcome would skip straight to the next decision. This note says
// that an outcome was on show, naming the game by its seed and the choices that led to it.
// The page opens on that outcome again only when the server's game is exactly this one, and
// works the outcome out anew from the server's choices: the note changes what is shown,
// never what was played.
//
// Key: tow.outcome.v1.<session> (URI-encoded), one per room or assessment on this device;
// written by the effect src/app/effects/room-outcome.ts, read by the store's room actions.

const PREFIX = 'tow.outcome.v1.';

/** the note's key for a session (a room's `room-CODE`, an assessment's `assessment-ID`) */
export const outcomeNoteKey = (session: string): string => PREFIX + encodeURIComponent(session);

export interface OutcomeNote {
  seed: string;
  /** the choices played, the last one the quarter whose outcome was on show */
  choices: string[];
}

export const serialiseOutcomeNote = (note: OutcomeNote): string => JSON.stringify(note);

/**
 * Whether the game `seed` + `choices` had its last quarter's outcome on show when this device
 * last saw it. A missing or damaged note reads as no: the next decision, as before.
 */
export function outcomeWasOnShow(
  getValue: (key: string) => string | null,
  session: string,
  seed: string,
  choices: readonly string[],
): boolean {
  const text = getValue(outcomeNoteKey(session));
  if (text === null) return false;
  let note: Partial<Record<keyof OutcomeNote, unknown>>;
  try {
    note = JSON.parse(text) ?? {};
  } catch {
    return false;
  }
  // checked by hand: the store is in the page's first bundle, where zod is not (it loads
  // later, told first to stay clear of the eval the page's CSP forbids: src/app/url.ts)
  const kept = note.choices;
  return (
    note.seed === seed &&
    Array.isArray(kept) &&
    kept.length > 0 &&
    kept.length === choices.length &&
    kept.every((c, i) => c === choices[i])
  );
}
