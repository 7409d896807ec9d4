import type { BalanceReport } from '../analysis/balance.ts';
import { seedList } from '../analysis/balance.ts';
import { GATE_TREE_LIMIT, gatesOfParts, gateTree, type SeedPart } from '../analysis/gates.ts';
import { countStrategies, type ScenarioDef } from '../sim/index.ts';
import type { RunOptions } from './census-service.ts';
import type { BalanceResult } from './protocol.ts';

// The workshop's balance report spread over the census workers: the report is one job, and
// the gates, which play every strategy on every seed (nine tenths of the work), are cut
// into runs of seeds that go to whichever worker is free, so a machine with more cores
// gives the report sooner. The gates' parts are added up in the seeds' order
// (gatesOfParts), so the result is the one a single worker gives. Loaded by the service
// only when a balance report is asked for, so the game's pages do not carry its code.

/** The service's way to run one job: its answer, or its AbortError once stopped. */
export interface BalanceJobs {
  report(opts: RunOptions): Promise<BalanceReport>;
  gates(seeds: string[], first: number, opts: RunOptions): Promise<SeedPart[]>;
}

/** The report's share of the progress bar, where the gates are worked out too. */
const REPORT_SHARE = 0.1;

export async function balanceInParts(
  scenario: ScenarioDef,
  seeds: number,
  workers: number,
  opts: RunOptions,
  jobs: BalanceJobs,
): Promise<BalanceResult> {
  const started = performance.now();
  const list = seedList(seeds);
  const walkable = countStrategies(scenario) <= GATE_TREE_LIMIT;
  // twice as many runs as workers, so that a worker slowed by other work takes fewer
  const runs = walkable ? cut(list, Math.min(list.length, 2 * Math.max(1, workers))) : [];
  const shares = [
    walkable ? REPORT_SHARE : 1,
    ...runs.map((r) => ((1 - REPORT_SHARE) * r.seeds.length) / list.length),
  ];
  const done = shares.map(() => 0);
  // every job stops when the caller stops waiting, or when one of them fails
  const stop = new AbortController();
  const stopAll = () => stop.abort();
  opts.signal?.addEventListener('abort', stopAll, { once: true });
  let toldFallback = false;
  const optsFor = (i: number): RunOptions => ({
    signal: stop.signal,
    onProgress: (d) => {
      done[i] = d;
      opts.onProgress?.(done.reduce((sum, x, k) => sum + x * shares[k]!, 0));
    },
    onFallback: (notice) => {
      if (toldFallback) return;
      toldFallback = true;
      opts.onFallback?.(notice);
    },
  });
  try {
    const [report, parts] = await Promise.all([
      jobs.report(optsFor(0)),
      Promise.all(runs.map((r, k) => jobs.gates(r.seeds, r.first, optsFor(k + 1)))),
    ]);
    // the time the facilitator waited, from the ask to the last part, not the report's own
    const elapsedMs = performance.now() - started;
    const gates = walkable
      ? gatesOfParts(scenario, gateTree(scenario), list, parts.flat(), elapsedMs)
      : null;
    return { report: { ...report, elapsedMs }, gates };
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
