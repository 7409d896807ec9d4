import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { buildSync } from 'esbuild';
import type { ScenarioDef, StrategyCensus } from '../sim/index.ts';
import type { ThreadJob, ThreadSetup } from './sim-thread.ts';

// Threads for the tools' heavy work: a census of every strategy, a cohort's markets. A
// thread is given the model as one JavaScript bundle, built here once with esbuild (a
// devDependency, the version Vite and tsx use): loading the TypeScript sources through tsx
// cost about a second of CPU per thread, the bundle about 50 ms once and 20 ms per thread.

/** Threads to use: TOW_THREADS caps them (1: none), e.g. to compare timings. */
export function threadCount(): number {
  const cap = Number(process.env.TOW_THREADS ?? availableParallelism()) || 1;
  return Math.max(1, Math.min(cap, availableParallelism()));
}

let bundle: string | null = null;

function threadCode(): string {
  if (bundle === null) {
    const built = buildSync({
      entryPoints: [fileURLToPath(new URL('./sim-thread.ts', import.meta.url))],
      bundle: true,
      write: false,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      logLevel: 'silent',
    });
    // a warning here means code the bundle cannot carry (import.meta in CommonJS, say)
    if (built.warnings.length > 0) {
      throw new Error(`the census threads' bundle: ${built.warnings[0]!.text}`);
    }
    bundle = built.outputFiles[0]!.text;
  }
  return bundle;
}

/** Jobs in flight per thread: the next one waits at the thread while it answers the last. */
const IN_FLIGHT = 2;

/**
 * Each job's census, in the jobs' order, worked out on `threads` threads. Jobs go to
 * whichever thread is free, so a thread slowed by other work on the machine takes fewer.
 * Rejects with the thread's error if one fails; the other threads are stopped.
 */
export function onThreads(
  scenarios: readonly ScenarioDef[],
  jobs: readonly ThreadJob[],
  threads: number,
): Promise<StrategyCensus[]> {
  const answers = new Array<StrategyCensus>(jobs.length);
  return new Promise((resolve, reject) => {
    const setup: ThreadSetup = { scenarios: [...scenarios] };
    const workers: Worker[] = [];
    let next = 0;
    let done = 0;
    let failed = false;
    const fail = (err: unknown) => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(err);
    };
    if (jobs.length === 0) {
      resolve(answers);
      return;
    }
    try {
      const givers: (() => void)[] = [];
      for (let t = 0; t < Math.max(1, Math.min(threads, jobs.length)); t++) {
        const worker = new Worker(threadCode(), { eval: true, workerData: { towThread: setup } });
        workers.push(worker);
        // the jobs this thread holds, oldest first: its answers come back in that order
        const held: number[] = [];
        const give = () => {
          if (next >= jobs.length || failed) return;
          held.push(next);
          worker.postMessage(jobs[next++]);
        };
        givers.push(give);
        worker.on('message', (answer: StrategyCensus) => {
          answers[held.shift()!] = answer;
          done++;
          if (done === jobs.length) {
            // a thread waiting for work would keep the process alive
            for (const w of workers) void w.terminate();
            resolve(answers);
          } else give();
        });
        worker.once('error', fail);
        worker.once('exit', (code) => {
          if (held.length > 0) {
            fail(new Error(`a census thread stopped (exit code ${code}) before answering`));
          }
        });
      }
      // every thread gets its first job before any gets a second, so none sits idle
      for (let i = 0; i < IN_FLIGHT; i++) for (const give of givers) give();
    } catch (err) {
      fail(err);
    }
  });
}
