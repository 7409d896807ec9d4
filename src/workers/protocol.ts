import type { BalanceReport } from '../analysis/balance.ts';
import type { GateReport, SeedPart } from '../analysis/gates.ts';
import type { ScenarioDef } from '../sim/index.ts';
import type { MarketCensus } from './fair-score.ts';

// The one protocol between the pages and the census worker (census.worker.ts), for every
// page that plays a market's strategies: the game's fair score, the workshop's dashboard
// and balance report, HR's verify and assign pages and the SCORM adapter. Every message
// names its request's id. Cancelling is the service's job (census-service.ts): a census
// runs to its end without yielding, so a worker could not read a "cancel" message before
// it was done; the service stops the worker instead and starts a fresh one.

/** What a worker can be asked to work out. */
export type CensusJob =
  /** every strategy of one market (scenario and seed) and its par lines */
  | { kind: 'market'; scenario: ScenarioDef; seed: string }
  /** the workshop's balance report on the first `seeds` seeds (its gates come apart) */
  | { kind: 'balance'; scenario: ScenarioDef; seeds: number }
  /**
   * the balance gates' part of these seeds (gates.ts, seedPart), `first` being the first
   * one's place among all the report's seeds: the workshop splits its seeds over workers
   */
  | { kind: 'gates'; scenario: ScenarioDef; seeds: string[]; first: number };

/** What the workshop's balance page is given: the report and its gates. */
export interface BalanceResult {
  report: BalanceReport;
  /** null where the tree is too large to walk whole (GATE_TREE_LIMIT) */
  gates: GateReport | null;
}

/** The answer each kind of job gets. */
export interface JobResults {
  market: MarketCensus;
  balance: BalanceReport;
  gates: SeedPart[];
}

export type JobKind = CensusJob['kind'];

/** Page → worker. */
export interface CensusRequest {
  type: 'request';
  id: number;
  job: CensusJob;
}

/** Worker → page: progress (0 to 1) on the way, then a result or an error. */
export type CensusReply =
  | { type: 'progress'; id: number; done: number }
  | { [K in JobKind]: { type: 'result'; id: number; kind: K; result: JobResults[K] } }[JobKind]
  | { type: 'error'; id: number; message: string };
