import { census, type ScenarioDef, type StrategyCensus } from '../../sim/index.ts';
import { marketKey } from '../../workers/fair-score.ts';
import type { CensusRequest } from './census.worker.ts';

// One census per workshop (everyone plays the same seed), computed in a worker and kept.
// Where workers are unavailable it runs on the page after the first paint.

const cache = new Map<string, Promise<StrategyCensus>>();
let worker: Worker | null | undefined;
let nextId = 0;
const waiting = new Map<
  number,
  { resolve: (c: StrategyCensus) => void; reject: (e: Error) => void }
>();

function getWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./census.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (
      e: MessageEvent<{ id: number; census?: StrategyCensus; error?: string }>,
    ) => {
      const w = waiting.get(e.data.id);
      waiting.delete(e.data.id);
      if (e.data.census) w?.resolve(e.data.census);
      else w?.reject(new Error(e.data.error ?? 'the census failed'));
    };
  } catch {
    worker = null;
  }
  return worker;
}

export function censusFor(
  scenario: ScenarioDef,
  hash: string,
  seed: string,
): Promise<StrategyCensus> {
  const key = marketKey(hash, seed);
  const known = cache.get(key);
  if (known) return known;
  const w = getWorker();
  const job = w
    ? new Promise<StrategyCensus>((resolve, reject) => {
        const id = ++nextId;
        waiting.set(id, { resolve, reject });
        w.postMessage({ id, scenario, seed } satisfies CensusRequest);
      })
    : new Promise<StrategyCensus>((resolve) =>
        setTimeout(() => resolve(census(scenario, seed)), 50),
      );
  cache.set(key, job);
  return job;
}
