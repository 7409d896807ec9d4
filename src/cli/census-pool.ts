import {
  census,
  countStrategies,
  DEFAULT_EXHAUSTIVE_LIMIT,
  mergeCensuses,
  prefixesAt,
  SAMPLE_FOR_ONE_POINT,
  type ScenarioDef,
  type StrategyCensus,
} from '../sim/index.ts';
import { onThreads, threadCount } from './threads.ts';

// Censuses spread over the machine's cores, for the command-line tools: a cohort's markets
// (with a market per trainee the census is nearly all of the verifier's work), or one large
// market's every strategy. Results are the same, to the last figure, as on one thread.

/** A thread costs about 20 ms to start: about as much census as this many strategies. */
const STRATEGIES_PER_THREAD_START = 10_000;
/**
 * One market's tree is cut into at least this many parts per thread: parts go to whichever
 * thread is free, so a thread that a busy machine slows down simply takes fewer of them.
 */
const PARTS_PER_THREAD = 8;

export interface Market {
  key: string;
  scenario: ScenarioDef;
  seed: string;
}

/**
 * Each market's census (as census() gives it) by key. `threads` sets how many threads;
 * left out, as many as the machine has, but none that would cost more to start than its
 * share of the work. `onEach` hears each market's census as soon as it is worked out.
 */
export async function censuses<M extends Market>(
  markets: readonly M[],
  threads?: number,
  onEach?: (market: M, census: StrategyCensus) => void,
): Promise<Map<string, StrategyCensus>> {
  const out = new Map<string, StrategyCensus>();
  const counts = new Map<ScenarioDef, number>();
  let work = 0;
  for (const m of markets) {
    if (!counts.has(m.scenario)) {
      // what census() plays: every strategy, or a sample above its limit
      const total = countStrategies(m.scenario);
      counts.set(m.scenario, total > DEFAULT_EXHAUSTIVE_LIMIT ? SAMPLE_FOR_ONE_POINT : total);
    }
    work += counts.get(m.scenario)!;
  }
  const use = threads ?? worthwhile(work);
  if (use < 2) {
    for (const m of markets) {
      const c = census(m.scenario, m.seed);
      out.set(m.key, c);
      onEach?.(m, c);
    }
    return out;
  }
  // each scenario goes to the threads once; jobs name it by its place in this list
  const scenarios = [...counts.keys()];
  const index = new Map(scenarios.map((sc, i) => [sc, i]));
  const jobs = markets.map((m) => ({
    kind: 'market' as const,
    scenario: index.get(m.scenario)!,
    seed: m.seed,
  }));
  const answers = await onThreads<StrategyCensus>(scenarios, jobs, use, (i, c) =>
    onEach?.(markets[i]!, c),
  );
  for (const [i, m] of markets.entries()) out.set(m.key, answers[i]!);
  return out;
}

/**
 * Every strategy of one market, however many: what census() gives with no exhaustive
 * limit. `threads` as for censuses().
 */
export async function everyStrategy(
  scenario: ScenarioDef,
  seed: string,
  threads?: number,
): Promise<StrategyCensus> {
  const use = threads ?? worthwhile(countStrategies(scenario));
  if (use < 2) return census(scenario, seed, { exhaustiveLimit: Number.POSITIVE_INFINITY });
  let depth = 1;
  let prefixes = prefixesAt(scenario, depth);
  while (prefixes.length < PARTS_PER_THREAD * use && depth < scenario.situations.length) {
    depth++;
    prefixes = prefixesAt(scenario, depth);
  }
  const jobs = prefixes.map((prefix) => ({ kind: 'part' as const, scenario: 0, seed, prefix }));
  return mergeCensuses(await onThreads<StrategyCensus>([scenario], jobs, use));
}

/** The machine's threads, but no more than `strategies` of census keep busy. */
function worthwhile(strategies: number): number {
  return Math.min(threadCount(), Math.floor(strategies / (4 * STRATEGIES_PER_THREAD_START)));
}
