import type { GameContext } from '../../src/save/format.ts';
import type { AssessmentPlay, RoomPlay } from '../../src/store/room-types.ts';

// An assessed game's standing as the store holds it: an assignment link's (or an LMS
// package's) context, and an attempt the server holds.

export const NOW = Date.parse('2026-12-06T12:00:00Z');

export const assignment = (
  attempts: number,
  attempt: number,
  days: { due?: string; finished?: string } = {},
): GameContext => ({
  kind: 'assignment',
  session: 'hr-1',
  trainee: 't1',
  passMark: 50,
  attempts,
  attempt,
  ...days,
});

export function onServer(
  attempt: number,
  attempts: number,
  due?: string,
  skew = 0,
  result: AssessmentPlay['result'] = null,
): RoomPlay {
  const assessment: AssessmentPlay = {
    id: 'A1',
    title: 'Q3 check',
    attempt,
    attempts,
    passMark: 50,
    result,
    rules: null,
    ...(due ? { due } : {}),
  };
  return {
    code: 'A1',
    name: 'ana',
    link: 'live',
    room: null,
    skew,
    pending: null,
    joining: null,
    problem: null,
    waiting: null,
    assessment,
  };
}
