import {
  census,
  MODEL_VERSION,
  type ParLine,
  parLines,
  percentile,
  type ScenarioDef,
  type StrategyCensus,
} from '../sim/index.ts';

// The fair score: where a player's score stands among every strategy of the same market
// (same scenario, same seed), with the par lines beside it. The same two functions serve
// both places, so both give the same result: marketCensus runs in the Web Worker in the
// browser (rankIn then runs on the page) and directly in the CLI, through fairScore.

export interface FairScore {
  score: number;
  /** per cent of strategies that scored strictly lower, one decimal */
  percentile: number;
  played: number;
  strategies: number;
  exhaustive: boolean;
  /** ± points around `percentile` (99% confidence); 0 when every strategy was played */
  margin: number;
  best: { score: number; choices: string[] };
  par: ParLine[];
  /** e.g. "better than 87.5% of the 6,561 possible strategies in this market" */
  statement: string;
}

export function statementOf(c: StrategyCensus, value: number): string {
  const share = percentile(c, value);
  const total = c.total.toLocaleString('en');
  return c.exhaustive
    ? `better than ${share}% of the ${total} possible strategies in this market`
    : `better than ${share}% (±${c.margin} points) of the ${total} possible strategies in this market, from a sample of ${c.count.toLocaleString('en')}`;
}

/**
 * A market, one scenario (by its content hash) on one seed, as a key for caches; `model` is
 * the scenario's (ScenarioDef.model), for a result of an earlier model: its census is
 * another, worked out under that model's rules.
 */
export function marketKey(scenarioHash: string, seed: string, model = MODEL_VERSION): string {
  return model === MODEL_VERSION
    ? `${scenarioHash}|${seed}`
    : `${scenarioHash}|${seed}|model ${model}`;
}

/**
 * What a market holds for every player of it: all its strategies' scores and the par
 * lines. It depends on the scenario and the seed alone, so the game can have it worked out
 * while the player is still playing, and HR can rank many scores of one market against it.
 */
export interface MarketCensus {
  census: StrategyCensus;
  par: ParLine[];
}

export function marketCensus(
  scenario: ScenarioDef,
  seed: string,
  onProgress?: (done: number) => void,
): MarketCensus {
  const c = census(scenario, seed, onProgress ? { onProgress } : {});
  return { census: c, par: parLines(scenario, seed, c) };
}

/** Where one score stands in its market: cheap, once the market's census is known. */
export function rankIn(market: MarketCensus, playerScore: number): FairScore {
  const c = market.census;
  const best = market.par.find((p) => p.policy === 'best')!;
  return {
    score: playerScore,
    percentile: percentile(c, playerScore),
    played: c.count,
    strategies: c.total,
    exhaustive: c.exhaustive,
    margin: c.margin,
    best: { score: best.score, choices: best.choices },
    par: market.par,
    statement: statementOf(c, playerScore),
  };
}

export function fairScore(
  scenario: ScenarioDef,
  seed: string,
  playerScore: number,
  onProgress?: (done: number) => void,
): FairScore {
  return rankIn(marketCensus(scenario, seed, onProgress), playerScore);
}
