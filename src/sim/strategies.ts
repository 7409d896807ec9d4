import { nextSituationId, prepared, preparedSituation, situationById } from './prepared.ts';
import { draw, type RngState, seedRng } from './rng.ts';
import { scoreByTerms, scoreOfBasis } from './score.ts';
import type { SimState } from './state.ts';
import { initialState, type Luck, luckOf, marketOf, stepInto } from './step.ts';
import type { ScenarioDef } from './types.ts';
import { walkEnds } from './walk.ts';

// Every strategy of a scenario played on one seed, so a player's score can be read
// against all the ways the same market could have been played ("better than 87% of
// possible strategies"). The tree of choices is walked depth first, so a prefix shared
// by many strategies is simulated once. Above a limit, a seeded uniform sample of
// strategies stands for the whole tree; it is walked in tree order so that sampled
// strategies still share their prefixes.

export interface StrategyCensus {
  /** strategies played */
  count: number;
  /** strategies that exist */
  total: number;
  /** how many of the played strategies reached each score 0..100 */
  histogram: number[];
  /** highest score, first such strategy in choice order */
  best: { score: number; choices: string[] };
  worst: { score: number; choices: string[] };
  /** true when every strategy was played; false when a seeded sample stands for them */
  exhaustive: boolean;
  /**
   * Points either side of a percentile read off this census within which the true
   * percentile (over every strategy) lies, with 99% confidence: 0 when exhaustive.
   */
  margin: number;
}

export interface CensusOptions {
  /** above this many strategies, a seeded sample is played instead (default 100,000) */
  exhaustiveLimit?: number;
  /** strategies in a sample (default SAMPLE_FOR_ONE_POINT: ±1 point at 99%) */
  sampleSize?: number;
  /** called about a hundred times with the fraction done, for a progress bar */
  onProgress?: (done: number) => void;
}

export const DEFAULT_EXHAUSTIVE_LIMIT = 100_000;

/**
 * Hoeffding's inequality, which needs no assumption about the scores' distribution and
 * holds for sampling without replacement too: P(|p̂ − p| ≥ ε) ≤ 2·exp(−2nε²). For
 * ε = 1 point and 1 − 0.99 confidence, n = ln(200) / (2 · 0.01²) = 26,492.
 */
export const SAMPLE_FOR_ONE_POINT = 26_492;
const CONFIDENCE_FAILURE = 0.01;

/** The bound above, in percentile points with one decimal, rounded up. */
export function sampleMargin(n: number): number {
  if (n <= 0) return 100;
  const eps = Math.sqrt(Math.log(2 / CONFIDENCE_FAILURE) / (2 * n));
  return Math.ceil(eps * 1000 - 1e-9) / 10;
}

/** Strategies from each situation to the end: they depend on the situation alone. */
export function subtreeCounts(
  scenario: ScenarioDef,
  from: string | null = scenario.situations[0]?.id ?? null,
): Map<string, number> {
  const memo = new Map<string, number>();
  const walk = (id: string | null): number => {
    if (id === null) return 1;
    const known = memo.get(id);
    if (known !== undefined) return known;
    memo.set(id, 0); // a loop in the situations adds nothing rather than recursing forever
    const s = situationById(scenario, id);
    let n = 0;
    for (const c of s.choices) n += walk(nextSituationId(scenario, s, c));
    memo.set(id, n);
    return n;
  };
  walk(from);
  return memo;
}

/** Strategies from a situation to the end of the game. */
export function countStrategiesFrom(scenario: ScenarioDef, situationId: string): number {
  return subtreeCounts(scenario, situationId).get(situationId) ?? 1;
}

export function countStrategies(scenario: ScenarioDef): number {
  const first = scenario.situations[0]?.id;
  return first === undefined ? 1 : (subtreeCounts(scenario).get(first) ?? 1);
}

export function emptyCensus(total: number, exhaustive: boolean): StrategyCensus {
  return {
    count: 0,
    total,
    histogram: new Array<number>(101).fill(0),
    best: { score: -1, choices: [] },
    worst: { score: 101, choices: [] },
    exhaustive,
    margin: 0,
  };
}

export function tally(census: StrategyCensus, value: number, choices: readonly string[]): void {
  census.count++;
  census.histogram[value] = (census.histogram[value] ?? 0) + 1;
  if (value > census.best.score) census.best = { score: value, choices: [...choices] };
  if (value < census.worst.score) census.worst = { score: value, choices: [...choices] };
}

export function census(
  scenario: ScenarioDef,
  seed: string,
  opts: CensusOptions = {},
): StrategyCensus {
  const limit = opts.exhaustiveLimit ?? DEFAULT_EXHAUSTIVE_LIMIT;
  const size = opts.sampleSize ?? SAMPLE_FOR_ONE_POINT;
  const counts = subtreeCounts(scenario);
  const total = countStrategies(scenario);
  if (total > limit && total > size) {
    return sampledCensus(scenario, seed, counts, total, size, opts.onProgress);
  }
  const result = everyStrategyFrom(scenario, initialState(scenario, seed), total, opts.onProgress);
  opts.onProgress?.(1);
  return result;
}

/**
 * Every strategy that continues the game `start` (a state with its choices so far), as a
 * census of the strategies that begin with those choices: `total` of them, walked depth
 * first (walkEnds).
 */
export function everyStrategyFrom(
  scenario: ScenarioDef,
  start: SimState,
  total: number,
  onProgress?: (done: number) => void,
): StrategyCensus {
  const result = emptyCensus(total, true);
  const every = Math.max(1, Math.floor(total / 100));
  const terms = prepared(scenario).terms;
  walkEnds(scenario, start, (basis, _end, choices) => {
    tally(result, scoreOfBasis(terms, basis), choices);
    if (onProgress && result.count % every === 0) onProgress(result.count / total);
  });
  return result;
}

/** The strategy numbered `index` (0 ≤ index < total), in the tree's choice order. */
export function strategyAt(
  scenario: ScenarioDef,
  counts: ReadonlyMap<string, number>,
  index: number,
): number[] {
  const picks: number[] = [];
  let id = scenario.situations[0]?.id ?? null;
  let rest = index;
  while (id !== null) {
    const s = situationById(scenario, id);
    let chosen = s.choices.length - 1;
    for (let i = 0; i < s.choices.length; i++) {
      const next = nextSituationId(scenario, s, s.choices[i]!);
      const n = next === null ? 1 : (counts.get(next) ?? 1);
      if (rest < n) {
        chosen = i;
        break;
      }
      rest -= n;
    }
    picks.push(chosen);
    id = nextSituationId(scenario, s, s.choices[chosen]!);
  }
  return picks;
}

/** `size` distinct numbers below `total`, drawn from a seeded generator, in order. */
function sampleIndices(total: number, size: number, seed: string): number[] {
  let rng = seedRng(seed);
  const picked = new Set<number>();
  while (picked.size < size) {
    const { values, next } = draw(rng, 2);
    rng = next;
    // two draws make 2^64 levels, enough for any tree this game can have
    picked.add(Math.floor((values[0]! + values[1]! / 2 ** 32) * total) % total);
  }
  return [...picked].sort((a, b) => a - b);
}

function sampledCensus(
  scenario: ScenarioDef,
  seed: string,
  counts: ReadonlyMap<string, number>,
  total: number,
  size: number,
  onProgress?: (done: number) => void,
): StrategyCensus {
  const result = emptyCensus(total, false);
  const indices = sampleIndices(total, size, `census|${scenario.id}|${seed}`);
  const prep = prepared(scenario);
  // states[d] is the state after the first d choices of the previous strategy; the states
  // past the prefix two strategies share are written over (see stepInto). lucks[d] is
  // drawn once, at the first strategy to reach depth d.
  const states: SimState[] = [initialState(scenario, seed)];
  const lucks: Luck[] = [];
  let previous: number[] = [];
  const every = Math.max(1, Math.floor(size / 100));
  indices.forEach((index, n) => {
    const picks = strategyAt(scenario, counts, index);
    let shared = 0;
    while (shared < picks.length && picks[shared] === previous[shared]) shared++;
    for (let d = shared; d < picks.length; d++) {
      const state = states[d]!;
      const situation = preparedSituation(prep, state.situationId!);
      lucks[d] ??= luckOf(scenario, state);
      const choice = situation.choices[picks[d]!]!;
      const market = marketOf(prep, state, lucks[d]!);
      states[d + 1] = stepInto(prep, state, situation, choice, states[d + 1] ?? null, market);
    }
    const end = states[picks.length]!;
    tally(result, scoreByTerms(prep.terms, end), end.choices);
    previous = picks;
    if (onProgress && (n + 1) % every === 0) onProgress((n + 1) / size);
  });
  result.margin = sampleMargin(result.count);
  onProgress?.(1);
  return result;
}

export function randomChoice(state: SimState, scenario: ScenarioDef, rng: RngState) {
  const s = situationById(scenario, state.situationId!);
  const { values, next } = draw(rng, 1);
  const c = s.choices[Math.floor(values[0]! * s.choices.length)]!;
  return { choiceId: c.id, rng: next };
}

/** Share of strategies that scored strictly lower, in per cent with one decimal. */
export function percentile(c: StrategyCensus, value: number): number {
  let below = 0;
  for (let s = 0; s < value && s < c.histogram.length; s++) below += c.histogram[s]!;
  return c.count === 0 ? 0 : Math.round((below / c.count) * 1000) / 10;
}
