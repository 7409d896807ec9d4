import { anotherTryCounts } from './attempts-left.ts';
import type { GameState } from './types.ts';

// What a finished game's result is for, so the debrief words its verdict to fit:
// - practice: played on one's own, reported to nobody (no workshop, assessment, LMS or
//   live room). Its verdict is feedback: the score against the mark a graded game needs,
//   never a failed test.
// - workshop: a game from a workshop link handed out without a live room. The facilitator
//   talks it through with the room; nobody grades it, so its verdict is feedback against
//   the scenario's pass mark, never "not passed". (A live room's games stay graded: the
//   facilitator's roster marks each against the pass mark.)
// - graded with a try that counts still left: a fail is "not passed yet";
// - final: nothing can change the result, and a fail is "not passed".

export type Stakes = 'practice' | 'workshop' | 'graded' | 'final';

export function stakesOf(s: Pick<GameState, 'context' | 'room'>, now: number): Stakes {
  if (!s.room && s.context.kind === 'practice') return 'practice';
  if (!s.room && s.context.kind === 'workshop') return 'workshop';
  return anotherTryCounts(s, now) ? 'graded' : 'final';
}

/** Whether a result is feedback only (graded by nobody), so a low one is never a fail. */
export const feedbackOnly = (stakes: Stakes): boolean =>
  stakes === 'practice' || stakes === 'workshop';
