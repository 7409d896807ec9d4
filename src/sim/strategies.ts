import { draw, type RngState, seedRng } from './rng.ts';
import { score } from './score.ts';
import type { SimState } from './state.ts';
import { initialState, nextSituationId, situationById, step } from './step.ts';
import type { ScenarioDef } from './types.ts';

// Every strategy of a scenario played on one seed: the tree of choices is walked depth
// first, so a prefix shared by many strategies is simulated once.

export interface StrategyCensus {
  /** strategies played */
  count: number;
  /** how many strategies reached each score 0..100 */
  histogram: number[];
  best: { score: number; choices: string[] };
  worst: { score: number; choices: string[] };
  /** true when every strategy was played; false when a seeded sample stands for them */
  exhaustive: boolean;
  /** half-width of the 95% interval of a percentile read off this census, in points */
  margin: number;
}

export function countStrategies(scenario: ScenarioDef, limit = Number.POSITIVE_INFINITY): number {
  const memo = new Map<string, number>();
  const walk = (id: string | null): number => {
    if (id === null) return 1;
    const known = memo.get(id);
    if (known !== undefined) return known;
    const s = situationById(scenario, id);
    let n = 0;
    for (const c of s.choices) {
      n += walk(nextSituationId(scenario, s, c));
      if (n > limit) break;
    }
    memo.set(id, n);
    return n;
  };
  return walk(scenario.situations[0]?.id ?? null);
}

function emptyCensus(exhaustive: boolean): StrategyCensus {
  return {
    count: 0,
    histogram: new Array<number>(101).fill(0),
    best: { score: -1, choices: [] },
    worst: { score: 101, choices: [] },
    exhaustive,
    margin: 0,
  };
}

function tally(census: StrategyCensus, value: number, choices: readonly string[]): void {
  census.count++;
  census.histogram[value] = (census.histogram[value] ?? 0) + 1;
  if (value > census.best.score) census.best = { score: value, choices: [...choices] };
  if (value < census.worst.score) census.worst = { score: value, choices: [...choices] };
}

export interface CensusOptions {
  /** above this many strategies, a seeded sample is played instead */
  exhaustiveLimit?: number;
  sampleSize?: number;
  /** called now and then with the fraction done, for a progress bar */
  onProgress?: (done: number) => void;
}

export function census(
  scenario: ScenarioDef,
  seed: string,
  opts: CensusOptions = {},
): StrategyCensus {
  const limit = opts.exhaustiveLimit ?? 2_000_000;
  const total = countStrategies(scenario, limit);
  if (total > limit)
    return sampledCensus(scenario, seed, opts.sampleSize ?? 10_000, opts.onProgress);
  const result = emptyCensus(true);
  const path: string[] = [];
  const every = Math.max(1, Math.floor(total / 100));
  const walk = (state: SimState): void => {
    if (state.situationId === null) {
      tally(result, score(scenario.rubric, state), path);
      if (opts.onProgress && result.count % every === 0) opts.onProgress(result.count / total);
      return;
    }
    for (const c of situationById(scenario, state.situationId).choices) {
      path.push(c.id);
      walk(step(scenario, state, c.id));
      path.pop();
    }
  };
  walk(initialState(scenario, seed));
  return result;
}

export function randomChoice(state: SimState, scenario: ScenarioDef, rng: RngState) {
  const s = situationById(scenario, state.situationId!);
  const { values, next } = draw(rng, 1);
  const c = s.choices[Math.floor(values[0]! * s.choices.length)]!;
  return { choiceId: c.id, rng: next };
}

function sampledCensus(
  scenario: ScenarioDef,
  seed: string,
  size: number,
  onProgress?: (done: number) => void,
): StrategyCensus {
  const result = emptyCensus(false);
  let rng = seedRng(`census|${scenario.id}|${seed}`);
  const start = initialState(scenario, seed);
  for (let i = 0; i < size; i++) {
    let state = start;
    while (state.situationId !== null) {
      const pick = randomChoice(state, scenario, rng);
      rng = pick.rng;
      state = step(scenario, state, pick.choiceId);
    }
    tally(result, score(scenario.rubric, state), state.choices);
    if (onProgress && i % 100 === 0) onProgress(i / size);
  }
  // normal approximation at the worst case p = 0.5
  result.margin = Math.round(1.96 * Math.sqrt(0.25 / size) * 1000) / 10;
  return result;
}

/** Share of strategies that scored strictly lower, in per cent with one decimal. */
export function percentile(c: StrategyCensus, value: number): number {
  let below = 0;
  for (let s = 0; s < value && s < c.histogram.length; s++) below += c.histogram[s]!;
  return c.count === 0 ? 0 : Math.round((below / c.count) * 1000) / 10;
}
