import { localDay } from '../record/terms.ts';
import type { GameState } from './types.ts';

// Whether a game that did not pass can still be made good by a try that counts, so the
// debrief says "not passed yet" only when that is true. A live room can always be played
// again (practice and a workshop link's game are never called passed or not passed at all:
// src/store/stakes.ts). An assessed game counts its attempts: the static link and the LMS
// package on this device, the server its own; a due date that has passed closes the
// assessment (the server refuses a new attempt; HR marks a static link's late).

export function anotherTryCounts(s: Pick<GameState, 'context' | 'room'>, now: number): boolean {
  return assessedTryLeft(s, now) ?? true;
}

/**
 * Whether an assessed game (the server's attempt, an assignment link, an LMS package) has
 * an attempt left that counts; null when the game is not assessed. The answer key
 * (src/store/answer-key.ts) stays closed while this is true.
 */
export function assessedTryLeft(
  s: Pick<GameState, 'context' | 'room'>,
  now: number,
): boolean | null {
  const assessment = s.room?.assessment;
  if (assessment) {
    if (assessment.attempts - assessment.attempt <= 0) return false;
    // the due moment by the server's clock (skew: server minus this device)
    return assessment.due === undefined || Date.parse(assessment.due) > now + (s.room?.skew ?? 0);
  }
  if (s.context.kind !== 'assignment') return null;
  if (s.context.attempts - Math.max(1, s.context.attempt) <= 0) return false;
  const { due } = s.context;
  // calendar days (YYYY-MM-DD) compare as text; the day this attempt ended, or today
  return due === undefined || (s.context.finished ?? localDay(now)) <= due;
}
