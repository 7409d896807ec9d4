import type { GameState } from './types.ts';

// A newcomer is led to the tutorial (the title screen offers it first, the list of
// markets puts it on top with "Start here") until they have played one to its debrief.

/** the bundled scenario Help offers to start again at any time, and a newcomer starts with */
export const TUTORIAL_ID = 'tutorial';

/**
 * Whether this player has finished a tutorial: noted in the settings as its debrief
 * opens, or a finished tutorial among the saved games (one played before the note was
 * kept, or where storage refused the settings but kept the game).
 */
export function tutorialFinished(s: Pick<GameState, 'settings' | 'saves'>): boolean {
  return (
    s.settings.tutorialDone === true ||
    s.saves.some((o) => o.scenarioId === TUTORIAL_ID && o.finished && o.problem === undefined)
  );
}

/** The settings with the tutorial noted as finished, when the game on show is one. */
export function noteTutorialFinished(
  s: Pick<GameState, 'settings' | 'entry'>,
): GameState['settings'] | null {
  if (s.entry?.scenario.id !== TUTORIAL_ID || s.settings.tutorialDone) return null;
  return { ...s.settings, tutorialDone: true };
}
