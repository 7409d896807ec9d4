import { marketPath } from './format.ts';

// The trainee's own notes from the debrief: an answer to each reflection question (tied to
// one of their turning points) and the action plan for their own team. Kept per market,
// under the same parts as the market's save (model, scenario, hash, seed, session), so a
// replay of the market finds them again and another market never sees them.
//
// Key: tow.reflection.v1.<market path> (see marketPath). Value: format tow.reflection v1,
// { notes: { [field]: text } }, where a field is "plan" or "q<quarter>.<choice id>": an
// answer stays with the quarter and the reply it was about, so replaying the market with
// other replies shows other questions and keeps the earlier answers for when they return.

export const REFLECTION_FORMAT = 'tow.reflection';
export const REFLECTION_VERSION = 1;
/** the longest answer kept; the page's text boxes stop there too */
export const NOTE_MAX = 4000;
/** fields kept per market: a few questions per replay, and the plan */
const FIELDS_MAX = 60;

export type ReflectionNotes = Record<string, string>;

export const PLAN_FIELD = 'plan';

/** The field of the answer about the reply `choiceId` at `quarter`. */
export function questionField(quarter: number, choiceId: string): string {
  return `q${quarter}.${choiceId}`;
}

export function reflectionKey(
  scenario: string,
  hash: string,
  seed: string,
  session?: string,
  model?: number,
): string {
  return `${REFLECTION_FORMAT}.v${REFLECTION_VERSION}.${marketPath(scenario, hash, seed, session, model)}`;
}

export function serialiseReflection(notes: ReflectionNotes, updated: number): string {
  return JSON.stringify({ format: REFLECTION_FORMAT, v: REFLECTION_VERSION, updated, notes });
}

export type ParsedReflection =
  | { ok: true; notes: ReflectionNotes }
  | { ok: false; message: string };

/** Reads kept notes; nothing kept reads as no notes. */
export function parseReflection(text: string | null): ParsedReflection {
  if (text === null) return { ok: true, notes: {} };
  const damaged = (why: string): ParsedReflection => ({
    ok: false,
    message: `Your notes on this market could not be read (${why})`,
  });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return damaged('they are not valid JSON');
  }
  if (typeof value !== 'object' || value === null) return damaged('they hold nothing');
  const v = value as Record<string, unknown>;
  if (v.format !== REFLECTION_FORMAT) return damaged('they are not Tug of War notes');
  if (v.v !== REFLECTION_VERSION)
    return damaged(`they were written by another version of the game (format ${String(v.v)})`);
  if (typeof v.notes !== 'object' || v.notes === null || Array.isArray(v.notes))
    return damaged('the answers are missing');
  const entries = Object.entries(v.notes as Record<string, unknown>);
  if (entries.length > FIELDS_MAX) return damaged('there are too many answers');
  const notes: ReflectionNotes = {};
  for (const [field, note] of entries) {
    if (!/^(plan|q\d{1,2}\.[\w-]{1,64})$/.test(field) || typeof note !== 'string')
      return damaged('an answer is broken');
    notes[field] = note.slice(0, NOTE_MAX);
  }
  return { ok: true, notes };
}
