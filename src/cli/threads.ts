import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { inLanes } from '../lib/lanes.ts';
import type { ScenarioDef } from '../sim/index.ts';
import type { ThreadAnswer, ThreadJob, ThreadSetup } from './sim-thread.ts';
import { threadBundle } from './thread-bundle.ts';

// Threads for the tools' heavy work: a census of every strategy, a cohort's markets. A
// thread is given the model as one JavaScript bundle, built here once with esbuild (a
// devDependency, the version Vite and tsx use): loading the TypeScript sources through tsx
// cost about a second of CPU per thread, the bundle about 20 ms per thread (thread-bundle.ts
// builds it once and keeps it).

/** Threads to use: TOW_THREADS caps them (1: none), e.g. to compare timings. */
export function threadCount(): number {
  const cap = Number(process.env.TOW_THREADS ?? availableParallelism()) || 1;
  return Math.max(1, Math.min(cap, availableParallelism()));
}

let bundle: string | null = null;

function threadCode(): string {
  bundle ??= threadBundle();
  return bundle;
}

/**
 * Each job's answer (a census, or a seed's part of the gates: sim-thread.ts), in the jobs'
 * order, worked out on `threads` threads. Jobs go to
 * whichever thread is free (see inLanes), so a thread slowed by other work on the machine
 * takes fewer; `onAnswer` hears each answer as it comes, with its job's place in the list.
 * Rejects with the thread's error if one fails; every thread is stopped when the work is
 * done or has failed, since a thread left waiting would keep the process alive.
 */
export async function onThreads<A extends ThreadAnswer>(
  scenarios: readonly ScenarioDef[],
  jobs: readonly ThreadJob[],
  threads: number,
  onAnswer?: (index: number, answer: A) => void,
): Promise<A[]> {
  if (jobs.length === 0) return [];
  const setup: ThreadSetup = { scenarios: [...scenarios] };
  const workers: Worker[] = [];
  // each thread's job in flight: its answer settles it
  const waiting: ((answer: A) => void)[] = [];
  let stop: (err: unknown) => void = () => {};
  const stopped = new Promise<never>((_, reject) => {
    stop = reject;
  });
  try {
    for (let t = 0; t < Math.max(1, Math.min(threads, jobs.length)); t++) {
      const worker = new Worker(threadCode(), { eval: true, workerData: { towThread: setup } });
      workers.push(worker);
      worker.on('message', (answer: A) => {
        const answered = waiting[t];
        delete waiting[t];
        answered?.(answer);
      });
      worker.once('error', stop);
      worker.once('exit', (code) => {
        if (waiting[t])
          stop(new Error(`a census thread stopped (exit code ${code}) before answering`));
      });
    }
    const ask = (job: ThreadJob, t: number, index: number) =>
      new Promise<A>((resolve) => {
        waiting[t] = resolve;
        workers[t]!.postMessage(job);
      }).then((answer) => {
        onAnswer?.(index, answer);
        return answer;
      });
    return await Promise.race([inLanes(jobs, workers.length, ask), stopped]);
  } finally {
    for (const w of workers) void w.terminate();
  }
}
