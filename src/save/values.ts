import type { GameContext } from './format.ts';

// The app's own small values beside the saved games: the player's settings and the count
// of an assessed session's attempts. The store reads them; the save effect
// (src/app/effects/save.ts) writes them.

export interface Settings {
  /** the player's own choice; null follows the system's prefers-reduced-motion */
  reducedMotion: boolean | null;
  /** the name a workshop's result carries, typed once and offered again in the next game */
  playerName: string;
  /**
   * set once a tutorial has been played to its debrief: until then the title screen and
   * the list of markets lead a newcomer to it (kept only when true, so settings written
   * before it read the same)
   */
  tutorialDone?: true;
}

export const SETTINGS_KEY = 'tow.settings.v1';
/** the name's own key before it joined the settings: read, so no one types it again */
const OLD_NAME_KEY = 'tow.player-name.v1';
/** as long as a result's player may be (src/ui/result.ts recordFor) */
export const PLAYER_NAME_MAX = 60;

/** The settings kept on this device; damaged ones read as the defaults. */
export function readSettings(getValue: (key: string) => string | null): Settings {
  let v: Record<string, unknown> = {};
  try {
    v = JSON.parse(getValue(SETTINGS_KEY) ?? '{}') as Record<string, unknown>;
  } catch {
    // damaged settings: the defaults, and the next change writes them anew
  }
  const name = typeof v.playerName === 'string' ? v.playerName : getValue(OLD_NAME_KEY);
  return {
    reducedMotion: typeof v.reducedMotion === 'boolean' ? v.reducedMotion : null,
    playerName: (name ?? '').slice(0, PLAYER_NAME_MAX),
    ...(v.tutorialDone === true ? { tutorialDone: true as const } : {}),
  };
}

export const serialiseSettings = (settings: Settings): string => JSON.stringify(settings);

/**
 * Where an assessed session's attempts are counted: per trainee, so two trainees sharing
 * a device each get their own.
 */
export function attemptsKey(context: { session: string; trainee: string }): string {
  return `tow.attempts.v1.${encodeURIComponent(context.session)}.${encodeURIComponent(context.trainee)}`;
}

/** How many attempts of this assessed session were started on this device. */
export function attemptsUsed(
  getValue: (key: string) => string | null,
  context: Extract<GameContext, { kind: 'assignment' }>,
): number {
  return Number.parseInt(getValue(attemptsKey(context)) ?? '0', 10) || 0;
}
