import { MODEL_VERSION, UNSTAMPED_MODEL } from '../sim/index.ts';

// The saved game in progress, format 2. Like a session record it holds only what cannot
// be recomputed: the model and the scenario (id and content hash) it was played on, the
// seed, the choices so far and the context the game was started in, and whether the last
// quarter's outcome was on show. Loading replays the choices, so a resumed game is the same
// game, quarter for quarter, and reopens on the screen it was left on: that outcome (worked
// out again from the replay) or the next decision.
//
// Key: tow.save.v2.m<model>.<scenario>.<hash>.<seed>[.<session>] (each part URI-encoded).
// One key per market, so saves of other markets are never touched when one is written or
// dropped. The scenario's content hash is part of the key because an id alone does not
// name a scenario: a facilitator's edited copy of a bundled scenario keeps its id, and its
// games must not overwrite (or be mistaken for) games of the bundled one. The model is part
// of the key for the same reason: a game of an earlier model stays where it is, for the
// player to see and remove, while the same market is played afresh on this model.
//
// Format 1 (tow.save.v1.<scenario>.<seed>[.<session>], no model: all were model 1) is still
// read, and moved to its format-2 key (src/save/saves.ts). Keys of any later format belong
// to a later version of the game, which may share this browser (an old tab, an old offline
// copy): they are never read, written or removed here.

export const SAVE_FORMAT = 'tow.save';
export const SAVE_VERSION = 2;
export const SAVE_PREFIX = `${SAVE_FORMAT}.`;
/** the format of the first saves, still read */
const LEGACY_VERSION = 1;

export type GameContext =
  /**
   * `passMark`: the assessment's, where the practice replays an assessed market;
   * `answersClosed`: started from an assessed debrief while an attempt that counts
   * remained, so its debrief keeps the answer key closed (src/store/answer-key.ts)
   */
  | { kind: 'practice'; passMark?: number; answersClosed?: true }
  | { kind: 'workshop'; name: string; session: string }
  | {
      kind: 'assignment';
      session: string;
      trainee: string;
      passMark: number;
      attempts: number;
      /** which attempt this game is, counted on this device */
      attempt: number;
      due?: string;
      /** the day this attempt was finished (YYYY-MM-DD) by this device's clock */
      finished?: string;
    };

export interface SaveData {
  format: typeof SAVE_FORMAT;
  v: typeof SAVE_VERSION;
  /** the model version that played it (MODEL_VERSION) */
  model: number;
  scenario: string;
  hash: string;
  seed: string;
  choices: string[];
  /** ms since 1970, to list the latest game first */
  updated: number;
  context: GameContext;
  /** the scenario's YAML when it came with a workshop link rather than with the game */
  yaml?: string;
  /**
   * the last quarter's outcome was on show (not yet the next decision or the debrief): a
   * reload opens on it again. Absent in saves made before it was kept, which open on the
   * next decision as they always did
   */
  outcomeOnShow?: true;
}

export type ParsedSave =
  | { ok: true; save: SaveData }
  | { ok: false; problem: 'unreadable' | 'newer'; message: string };

/**
 * One market, as the keys of what is kept about it name it: m<model>.<scenario>.<hash>.<seed>[.<session>]
 * (each part URI-encoded). Saves and the debrief's reflection notes (src/save/reflection.ts) share it.
 */
export function marketPath(
  scenario: string,
  hash: string,
  seed: string,
  session?: string,
  model: number = MODEL_VERSION,
): string {
  const parts = [scenario, hash, seed, ...(session ? [session] : [])].map(encodeURIComponent);
  return `m${model}.${parts.join('.')}`;
}

export function saveKey(
  scenario: string,
  hash: string,
  seed: string,
  session?: string,
  model: number = MODEL_VERSION,
): string {
  return `${SAVE_PREFIX}v${SAVE_VERSION}.${marketPath(scenario, hash, seed, session, model)}`;
}

/** The session a game belongs to, part of its keys; a practice game has none. */
export function sessionOf(context: GameContext): string | undefined {
  return 'session' in context ? context.session : undefined;
}

export function keyOf(save: Omit<SaveData, 'updated'>): string {
  return saveKey(save.scenario, save.hash, save.seed, sessionOf(save.context), save.model);
}

/**
 * Which save format a key under tow.save. belongs to, read from the key alone: 'mine' (this
 * format), 'legacy' (format 1, read and moved), or 'foreign' (a later format, or a layout
 * this version does not know), which is left alone.
 */
export function keyFormat(key: string): 'mine' | 'legacy' | 'foreign' {
  const v = /^tow\.save\.v(\d+)\./.exec(key)?.[1];
  if (v === String(SAVE_VERSION)) return 'mine';
  if (v === String(LEGACY_VERSION)) return 'legacy';
  return 'foreign';
}

export function serialiseSave(save: SaveData): string {
  return JSON.stringify(save);
}

const isText = (v: unknown, max = 200): v is string => typeof v === 'string' && v.length <= max;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function parseContext(value: unknown): GameContext | null {
  if (typeof value !== 'object' || value === null) return null;
  const c = value as Record<string, unknown>;
  if (c.kind === 'practice') {
    return {
      kind: 'practice',
      ...(isCount(c.passMark) && c.passMark <= 100 ? { passMark: c.passMark } : {}),
      ...(c.answersClosed === true ? { answersClosed: true as const } : {}),
    };
  }
  if (c.kind === 'workshop' && isText(c.name) && isText(c.session)) {
    return { kind: 'workshop', name: c.name, session: c.session };
  }
  if (
    c.kind === 'assignment' &&
    isText(c.session) &&
    isText(c.trainee) &&
    typeof c.passMark === 'number' &&
    isCount(c.attempts) &&
    isCount(c.attempt) &&
    (c.due === undefined || isText(c.due, 10)) &&
    (c.finished === undefined || isText(c.finished, 10))
  ) {
    return {
      kind: 'assignment',
      session: c.session,
      trainee: c.trainee,
      passMark: c.passMark,
      attempts: c.attempts,
      attempt: c.attempt,
      ...(c.due !== undefined ? { due: c.due as string } : {}),
      ...(c.finished !== undefined ? { finished: c.finished as string } : {}),
    };
  }
  return null;
}

/**
 * Reads a saved game of format 2 or 1 (read as model 1, the only model then); anything else
 * is refused with a reason. A save of another model reads fine: replaying it is what fails.
 */
export function parseSave(text: string | null): ParsedSave {
  const unreadable = (why: string): ParsedSave => ({
    ok: false,
    problem: 'unreadable',
    message: `the saved game is damaged (${why})`,
  });
  if (text === null) return unreadable('it is empty');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return unreadable('it is not valid JSON');
  }
  if (typeof value !== 'object' || value === null) return unreadable('it holds no game');
  const s = value as Record<string, unknown>;
  if (s.format !== SAVE_FORMAT) return unreadable('it is not a Tug of War save');
  if (typeof s.v !== 'number') return unreadable('it has no format version');
  if (s.v > SAVE_VERSION) {
    return {
      ok: false,
      problem: 'newer',
      message: `the saved game was made by a newer version of the game (save format ${s.v}); it is kept for that version`,
    };
  }
  if (s.v !== SAVE_VERSION && s.v !== LEGACY_VERSION)
    return unreadable(`format ${s.v} is no longer read`);
  const model = s.v === LEGACY_VERSION ? UNSTAMPED_MODEL : s.model;
  if (typeof model !== 'number' || !Number.isInteger(model) || model < 1)
    return unreadable('it does not say which model played it');
  if (!isText(s.scenario, 48) || !isText(s.hash, 128) || !isText(s.seed, 40)) {
    return unreadable('its scenario or seed is missing');
  }
  if (
    !Array.isArray(s.choices) ||
    s.choices.length > 64 ||
    !s.choices.every((c) => isText(c, 64))
  ) {
    return unreadable('its list of choices is broken');
  }
  if (typeof s.updated !== 'number' || !Number.isFinite(s.updated))
    return unreadable('it has no date');
  const context = parseContext(s.context);
  if (!context) return unreadable('its session details are broken');
  if (s.yaml !== undefined && !isText(s.yaml, 512 * 1024))
    return unreadable('its scenario text is broken');
  return {
    ok: true,
    save: {
      format: SAVE_FORMAT,
      v: SAVE_VERSION,
      model,
      scenario: s.scenario,
      hash: s.hash,
      seed: s.seed,
      choices: [...s.choices] as string[],
      updated: s.updated,
      context,
      ...(typeof s.yaml === 'string' ? { yaml: s.yaml } : {}),
      // only with a quarter played: there is no outcome before the first
      ...(s.outcomeOnShow === true && s.choices.length > 0 ? { outcomeOnShow: true as const } : {}),
    },
  };
}
