import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { census, countStrategies, type ScenarioDef, type StrategyCensus } from '../sim/index.ts';

// The censuses a batch of results needs, one per market, spread over the machine's cores:
// with a market per trainee, the census is nearly all of the verifier's work.

export interface Market {
  key: string;
  scenario: ScenarioDef;
  seed: string;
}

interface Job {
  markets: { key: string; scenario: ScenarioDef; seed: string }[];
}

const inWorker = process.env.TOW_CENSUS_WORKER === '1';

export async function censuses(markets: readonly Market[]): Promise<Map<string, StrategyCensus>> {
  const out = new Map<string, StrategyCensus>();
  // TOW_VERIFY_THREADS caps the threads (1: none), e.g. to compare timings
  const cap = Number(process.env.TOW_VERIFY_THREADS ?? availableParallelism()) || 1;
  // a thread costs about a second of CPU to start (it loads tsx and the model), about what
  // 100,000 strategies of census cost: below that a thread does not pay for itself
  const counts = new Map<ScenarioDef, number>();
  let work = 0;
  for (const m of markets) {
    if (!counts.has(m.scenario))
      counts.set(m.scenario, Math.min(countStrategies(m.scenario), 2_000_000));
    work += counts.get(m.scenario)!;
  }
  const threads = Math.min(cap, availableParallelism(), Math.floor(work / 100_000));
  if (threads < 2) {
    for (const m of markets) out.set(m.key, census(m.scenario, m.seed));
    return out;
  }
  const shares: Market[][] = Array.from({ length: threads }, () => []);
  for (const [i, m] of markets.entries()) shares[i % threads]!.push(m);
  const results = await Promise.all(
    shares.map(
      (share) =>
        new Promise<[string, StrategyCensus][]>((resolve, reject) => {
          // a worker does not inherit tsx's loader: it registers it, then loads this file
          const boot = `(async () => { (await import('tsx/esm/api')).register(); await import(${JSON.stringify(import.meta.url)}); })()`;
          const worker = new Worker(boot, {
            eval: true,
            workerData: { markets: share } satisfies Job,
            env: { ...process.env, TOW_CENSUS_WORKER: '1' },
          });
          worker.once('message', resolve);
          worker.once('error', reject);
        }),
    ),
  );
  for (const list of results) for (const [k, c] of list) out.set(k, c);
  return out;
}

if (inWorker) {
  const { parentPort, workerData } = await import('node:worker_threads');
  const job = workerData as Job;
  parentPort?.postMessage(job.markets.map((m) => [m.key, census(m.scenario, m.seed)]));
}
