import { anotherTryCounts } from './attempts-left.ts';
import type { GameState } from './types.ts';

// What a finished game's result is for, so the debrief words its verdict to fit:
// - practice: played on one's own, reported to nobody (no workshop, assessment, LMS or
//   live room). Its verdict is feedback: the score against the mark a graded game needs,
//   never a failed test.
// - graded with a try that counts still left: a fail is "not passed yet";
// - final: nothing can change the result, and a fail is "not passed".

export type Stakes = 'practice' | 'graded' | 'final';

export function stakesOf(s: Pick<GameState, 'context' | 'room'>, now: number): Stakes {
  if (s.context.kind === 'practice' && !s.room) return 'practice';
  return anotherTryCounts(s, now) ? 'graded' : 'final';
}
