import type { Explanation, SimState, WhatIf } from '../sim/index.ts';
import type { FairScore } from '../workers/fair-score.ts';

// The debrief's own state: the fair score on its way from the worker, the causal
// explanation, the what-if line and where the timeline stands. It belongs to one
// finished game (its `key`); a different game starts a fresh one.

export interface FairProgress {
  status: 'computing' | 'done' | 'failed';
  /** 0..1 while computing */
  progress: number;
  result: FairScore | null;
  error: string | null;
}

export interface WhatIfView {
  quarter: number;
  optionId: string;
  result: WhatIf;
}

export interface DebriefState {
  /** scenario hash | seed | choices of the game this debrief is about */
  key: string;
  fair: FairProgress;
  explanation: Explanation | null;
  explainError: string | null;
  whatIf: WhatIfView | null;
  /** every state along the player's line, from the start (index = quarters played) */
  actual: SimState[];
  /** the same along the what-if line, while one is open */
  alternative: SimState[] | null;
  /** the quarter the timeline shows (0 = the start, actual.length - 1 = the end) */
  timeline: number;
  /** goes up by one each time the timeline moves, so the rope view animates the move */
  timelineMoves: number;
  /** where the timeline was before its last move, for the rope view's animation */
  timelineFrom: number | null;
  /**
   * the trainee has handed in this game's result (copied its code, downloaded its file, or
   * the LMS has received it): in an assessed session the answer key opens only then
   */
  handedIn: boolean;
}
