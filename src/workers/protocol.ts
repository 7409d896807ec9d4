import type { ScenarioDef } from '../sim/index.ts';
import type { MarketCensus } from './fair-score.ts';

// Messages between the page and the census worker.

export interface CensusRequest {
  type: 'census';
  id: number;
  scenario: ScenarioDef;
  seed: string;
}

export type CensusReply =
  | { type: 'progress'; id: number; done: number }
  | { type: 'result'; id: number; result: MarketCensus }
  | { type: 'error'; id: number; message: string };
