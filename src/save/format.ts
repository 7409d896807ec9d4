// The saved game in progress, format 1. Like a session record it holds only what cannot
// be recomputed: the scenario (id and content hash), the seed, the choices so far and the
// context the game was started in. Loading replays the choices, so a resumed game is the
// same game, quarter for quarter.
//
// Key: tow.save.v1.<scenario>.<seed>[.<session>] (each part URI-encoded). One key per
// market, so saves of other markets are never touched when one is written or dropped.

export const SAVE_FORMAT = 'tow.save';
export const SAVE_VERSION = 1;
export const SAVE_PREFIX = `${SAVE_FORMAT}.`;

export type GameContext =
  | { kind: 'practice' }
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
  scenario: string;
  hash: string;
  seed: string;
  choices: string[];
  /** ms since 1970, to list the latest game first */
  updated: number;
  context: GameContext;
  /** the scenario's YAML when it came with a workshop link rather than with the game */
  yaml?: string;
}

export type ParsedSave =
  | { ok: true; save: SaveData }
  | { ok: false; problem: 'unreadable' | 'newer'; message: string };

export function saveKey(scenario: string, seed: string, session?: string): string {
  const parts = [scenario, seed, ...(session ? [session] : [])].map(encodeURIComponent);
  return `${SAVE_PREFIX}v${SAVE_VERSION}.${parts.join('.')}`;
}

export function keyOf(save: SaveData): string {
  return saveKey(
    save.scenario,
    save.seed,
    'session' in save.context ? save.context.session : undefined,
  );
}

export function serialiseSave(save: SaveData): string {
  return JSON.stringify(save);
}

const isText = (v: unknown, max = 200): v is string => typeof v === 'string' && v.length <= max;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function parseContext(value: unknown): GameContext | null {
  if (typeof value !== 'object' || value === null) return null;
  const c = value as Record<string, unknown>;
  if (c.kind === 'practice') return { kind: 'practice' };
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

/** Reads a saved game; anything that is not exactly a format-1 save is refused with a reason. */
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
  if (s.v !== SAVE_VERSION) return unreadable(`format ${s.v} is no longer read`);
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
      scenario: s.scenario,
      hash: s.hash,
      seed: s.seed,
      choices: [...s.choices] as string[],
      updated: s.updated,
      context,
      ...(typeof s.yaml === 'string' ? { yaml: s.yaml } : {}),
    },
  };
}
