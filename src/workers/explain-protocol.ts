import type { Explanation, ScenarioDef, SimState } from '../sim/index.ts';

// Messages between the debrief and its explanation worker.

export interface ExplainRequest {
  id: number;
  scenario: ScenarioDef;
  state: SimState;
  /** the best path's choices, from the fair score's census, so it is not searched again */
  best: string[] | null;
}

export type ExplainReply =
  | { id: number; ok: true; explanation: Explanation }
  | { id: number; ok: false; message: string };
