import type { BalanceReport } from '../analysis/balance.ts';
import { seedList } from '../analysis/balance.ts';
import { reportsOfParts } from '../analysis/balance-exact.ts';
import { GATE_TREE_LIMIT, gateTree, type SeedPart } from '../analysis/gates.ts';
import { countStrategies, type ScenarioDef } from '../sim/index.ts';
import type { RunOptions } from './census-service.ts';
import type { BalanceResult } from './protocol.ts';

// The workshop's balance report spread over the census workers. Where the gates can walk
// the tree (every shipped scenario), the seeds are cut into runs that go to whichever
// worker is free, each answering with the gates' parts of its seeds; the report and the
// gates are both made from those parts in the seeds' order (balance-exact.ts), so they
// come from the same games, and the result is the one a single worker gives. A tree too
// large for the gates gets the beam-searched report in one job. Loaded by the service only
// when a balance report is asked for, so the game's pages do not carry its code.

/** The service's way to run one job: its answer, or its AbortError once stopped. */
export interface BalanceJobs {
  report(opts: RunOptions): Promise<BalanceReport>;
  gates(seeds: string[], first: number, opts: RunOptions): Promise<SeedPart[]>;
}

export async function balanceInParts(
  scenario: ScenarioDef,
  seeds: number,
  workers: number,
  opts: RunOptions,
  jobs: BalanceJobs,
): Promise<BalanceResult> {
  const started = performance.now();
  const list = seedList(seeds);
  // a tree too large for the gates: the report's beam search alone, in one job
  if (countStrategies(scenario) > GATE_TREE_LIMIT) {
    return { report: await jobs.report(opts), gates: null };
  }
  // twice as many runs as workers, so that a worker slowed by other work takes fewer
  const runs = cut(list, Math.min(list.length, 2 * Math.max(1, workers)));
  const done = runs.map(() => 0);
  // every job stops when the caller stops waiting, or when one of them fails
  const stop = new AbortController();
  const stopAll = () => stop.abort();
  opts.signal?.addEventListener('abort', stopAll, { once: true });
  let toldFallback = false;
  const optsFor = (k: number): RunOptions => ({
    signal: stop.signal,
    onProgress: (d) => {
      done[k] = d;
      opts.onProgress?.(
        done.reduce((sum, x, j) => sum + (x * runs[j]!.seeds.length) / list.length, 0),
      );
    },
    onFallback: (notice) => {
      if (toldFallback) return;
      toldFallback = true;
      opts.onFallback?.(notice);
    },
  });
  try {
    const parts = await Promise.all(runs.map((r, k) => jobs.gates(r.seeds, r.first, optsFor(k))));
    // the time the facilitator waited, from the ask to the last part
    const elapsedMs = performance.now() - started;
    return reportsOfParts(scenario, gateTree(scenario), list, parts.flat(), elapsedMs);
  } catch (err) {
    stopAll();
    throw err;
  } finally {
    opts.signal?.removeEventListener('abort', stopAll);
  }
}

/** The list cut into `n` runs of nearly equal length, each with its first one's place. */
function cut(list: readonly string[], n: number): { seeds: string[]; first: number }[] {
  const out: { seeds: string[]; first: number }[] = [];
  for (let k = 0; k < n; k++) {
    const first = Math.floor((k * list.length) / n);
    const end = Math.floor(((k + 1) * list.length) / n);
    if (end > first) out.push({ seeds: list.slice(first, end), first });
  }
  return out;
}
