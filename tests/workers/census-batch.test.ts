import { describe, expect, it } from 'vitest';
import { loadScenarioFile, SCENARIO_DIR } from '../../src/scenario/bundled.ts';
import type { ScenarioDef } from '../../src/sim/index.ts';
import { computeMarkets } from '../../src/workers/census-batch.ts';
import { createCensusService } from '../../src/workers/census-service.ts';
import { marketCensus } from '../../src/workers/fair-score.ts';
import { workerPool } from './fake-worker.ts';

const tutorial = loadScenarioFile(`${SCENARIO_DIR}tutorial.yaml`).scenario;
const jobs = ['1', '2', '3', '4', '5', '6', '7'].map((seed) => ({ scenario: tutorial, seed }));

/** A census service on `workers` stand-in workers, and the workers it made. */
function pool(workers: number, delay = 0) {
  const { made, createWorker } = workerPool(delay);
  return { made, service: createCensusService({ createWorker, workers }) };
}

describe('computeMarkets: many markets on a few census workers', () => {
  it('gives each market its census in order, keeps each worker for many, and lets idle ones go', async () => {
    const { made, service } = pool(3);
    const done: number[] = [];
    const heard = new Map<number, unknown>();
    const answers = await computeMarkets(jobs, {
      service,
      onEach: (n, index, market) => {
        done.push(n);
        heard.set(index, market);
      },
    });
    expect(answers).toEqual(jobs.map((j) => marketCensus(j.scenario, j.seed)));
    // each market is told as it comes, with its place: the page keeps it at once
    expect([...heard.keys()].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    for (const [i, m] of heard) expect(m).toBe(answers[i]);
    expect(made).toHaveLength(3);
    expect(made.reduce((n, w) => n + w.requests, 0)).toBe(7);
    // one stays warm for the next check
    expect(made.filter((w) => !w.terminated)).toHaveLength(1);
    expect(done).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('starts no more workers than there are markets', async () => {
    const { made, service } = pool(8);
    await computeMarkets(jobs.slice(0, 2), { service });
    expect(made).toHaveLength(2);
  });

  it('rejects with the model’s message for a market it cannot play, and frees the workers', async () => {
    const broken: ScenarioDef = {
      ...tutorial,
      situations: tutorial.situations.map((s, i) => (i === 0 ? { ...s, next: 'gone' } : s)),
    };
    const { made, service } = pool(2, 5);
    const run = computeMarkets([{ scenario: broken, seed: '1' }, ...jobs], { service });
    await expect(run).rejects.toThrow('a census could not be worked out: no situation "gone"');
    // the markets still waiting are not worked out for nobody
    await new Promise((r) => setTimeout(r, 50));
    expect(made.reduce((n, w) => n + w.worked, 0)).toBeLessThan(jobs.length);
  });

  it('rejects when a worker itself fails', async () => {
    const { made, service } = pool(2, 200);
    const run = computeMarkets(jobs, { service });
    setTimeout(() => made[1]!.crash('out of memory'), 5);
    await expect(run).rejects.toThrow('the census worker failed: out of memory');
    expect(made.every((w) => w.terminated)).toBe(true);
  });

  it('is cancelled by its signal: AbortError, and the workers are stopped at once', async () => {
    // long enough that the abort comes first on a loaded machine too
    const { made, service } = pool(2, 200);
    const controller = new AbortController();
    const run = computeMarkets(jobs, { service, signal: controller.signal });
    setTimeout(() => controller.abort(), 5);
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(made.every((w) => w.terminated)).toBe(true);
    expect(made.reduce((n, w) => n + w.requests, 0)).toBe(2);
    expect(made.reduce((n, w) => n + w.worked, 0)).toBe(0);
  });
});
