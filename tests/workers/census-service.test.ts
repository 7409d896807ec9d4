import { describe, expect, it } from 'vitest';
import { seedList } from '../../src/analysis/balance.ts';
import { ExactBalanceRun } from '../../src/analysis/balance-exact.ts';
import { gateReport } from '../../src/analysis/gates.ts';
import { loadScenarioFile, SCENARIO_DIR } from '../../src/scenario/bundled.ts';
import type { ScenarioDef } from '../../src/sim/index.ts';
import {
  CACHE_LIMIT,
  createCensusService,
  ON_PAGE_NOTICE,
} from '../../src/workers/census-service.ts';
import { marketCensus, marketKey } from '../../src/workers/fair-score.ts';
import { LruMap } from '../../src/workers/lru.ts';
import { workerPool } from './fake-worker.ts';

const tutorial = loadScenarioFile(`${SCENARIO_DIR}tutorial.yaml`).scenario;
const key = (seed: string) => marketKey('hash-t', seed);
const broken: ScenarioDef = {
  ...tutorial,
  situations: tutorial.situations.map((s, i) => (i === 0 ? { ...s, next: 'gone' } : s)),
};

describe('the census service', () => {
  it('works out a market in a worker, with its progress, and keeps it for the next ask', async () => {
    const { made, createWorker } = workerPool();
    const service = createCensusService({ createWorker });
    const seen: number[] = [];
    const m = await service.market(key('8'), tutorial, '8', { onProgress: (d) => seen.push(d) });
    expect(m).toEqual(marketCensus(tutorial, '8'));
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.at(-1)).toBe(1);
    // asked again: kept, no new request
    expect(await service.market(key('8'), tutorial, '8')).toBe(m);
    expect(made.reduce((n, w) => n + w.requests, 0)).toBe(1);
    service.dispose();
  });

  it('keeps at most its limit of markets, letting go of the least recently used', async () => {
    const { made, createWorker } = workerPool();
    const service = createCensusService({ createWorker, cacheLimit: 2 });
    await service.market(key('1'), tutorial, '1');
    await service.market(key('2'), tutorial, '2');
    service.kept(key('1')); // used again: now '2' is the oldest
    await service.market(key('3'), tutorial, '3');
    expect(service.kept(key('1'))).toBeDefined();
    expect(service.kept(key('2'))).toBeUndefined();
    expect(service.kept(key('3'))).toBeDefined();
    await service.market(key('2'), tutorial, '2');
    expect(made.reduce((n, w) => n + w.requests, 0)).toBe(4);
    expect(CACHE_LIMIT).toBeGreaterThan(1);
    service.dispose();
  });

  it('a market asked for while it is worked out joins that work; one caller leaving does not stop it', async () => {
    const { made, createWorker } = workerPool(20);
    const service = createCensusService({ createWorker });
    const leaving = new AbortController();
    const first = service.market(key('5'), tutorial, '5', { signal: leaving.signal });
    const second = service.market(key('5'), tutorial, '5');
    leaving.abort();
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    expect((await second).census.total).toBe(81);
    expect(made).toHaveLength(1);
    expect(made[0]!.requests).toBe(1);
    expect(made[0]!.terminated).toBe(false);
    service.dispose();
  });

  it('a cancelled long request delivers no result, its work is stopped, and the next request is answered', async () => {
    // a long job: it would answer after 300 ms
    const { made, createWorker } = workerPool(300);
    const service = createCensusService({ createWorker, workers: 1 });
    const controller = new AbortController();
    let delivered = false;
    const long = service.market(key('1'), tutorial, '1', { signal: controller.signal });
    long.then(
      () => {
        delivered = true;
      },
      () => {},
    );
    setTimeout(() => controller.abort(), 10);
    await expect(long).rejects.toMatchObject({ name: 'AbortError' });
    // the worker on it is stopped before it got anywhere
    expect(made[0]!.terminated).toBe(true);
    const next = await service.market(key('2'), tutorial, '2');
    expect(next).toEqual(marketCensus(tutorial, '2'));
    // past the time the cancelled job would have answered
    await new Promise((r) => setTimeout(r, 400));
    expect(delivered).toBe(false);
    expect(made[0]!.worked).toBe(0);
    expect(service.kept(key('1'))).toBeUndefined();
    service.dispose();
  });

  it('a request cancelled while it waits its turn is never sent', async () => {
    const { made, createWorker } = workerPool(10);
    const service = createCensusService({ createWorker, workers: 1 });
    const controller = new AbortController();
    const first = service.market(key('1'), tutorial, '1');
    const waiting = service.market(key('2'), tutorial, '2', { signal: controller.signal });
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    await first;
    expect(made).toHaveLength(1);
    expect(made[0]!.requests).toBe(1);
    service.dispose();
  });

  it('rejects at once when the signal was already aborted', async () => {
    const { made, createWorker } = workerPool();
    const service = createCensusService({ createWorker });
    const controller = new AbortController();
    controller.abort();
    await expect(
      service.market(key('1'), tutorial, '1', { signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(made).toHaveLength(0);
  });

  it('rejects with the model’s message, keeps nothing, and answers the next request', async () => {
    const { createWorker } = workerPool();
    const service = createCensusService({ createWorker });
    await expect(service.market(key('b'), broken, '1')).rejects.toThrow(
      'a census could not be worked out: no situation "gone"',
    );
    expect(service.kept(key('b'))).toBeUndefined();
    expect((await service.market(key('1'), tutorial, '1')).census.total).toBe(81);
    service.dispose();
  });

  it('rejects the job of a worker that fails, and starts a fresh one for the next', async () => {
    const { made, createWorker } = workerPool(200);
    const service = createCensusService({ createWorker, workers: 1 });
    const job = service.market(key('1'), tutorial, '1');
    setTimeout(() => made[0]!.crash('out of memory'), 5);
    await expect(job).rejects.toThrow('the census worker failed: out of memory');
    expect(made[0]!.terminated).toBe(true);
    expect((await service.market(key('2'), tutorial, '2')).census.total).toBe(81);
    expect(made).toHaveLength(2);
    service.dispose();
  });

  it('runs many markets on at most its workers, and lets idle ones go but one', async () => {
    const { made, createWorker } = workerPool(5);
    const service = createCensusService({ createWorker, workers: 3 });
    const seeds = ['1', '2', '3', '4', '5', '6', '7'];
    const all = await Promise.all(seeds.map((s) => service.market(key(s), tutorial, s)));
    expect(all).toEqual(seeds.map((s) => marketCensus(tutorial, s)));
    expect(made).toHaveLength(3);
    expect(made.filter((w) => !w.terminated)).toHaveLength(1);
    service.dispose();
    expect(made.every((w) => w.terminated)).toBe(true);
  });

  it('where there are no workers, works on the page and tells each caller so', async () => {
    const service = createCensusService({ createWorker: () => null });
    const told: string[] = [];
    const m = await service.market(key('3'), tutorial, '3', { onFallback: (n) => told.push(n) });
    expect(m).toEqual(marketCensus(tutorial, '3'));
    expect(told).toEqual([ON_PAGE_NOTICE]);
  });

  it('works out the workshop’s balance report with its gates spread over the workers, with progress', async () => {
    const { made, createWorker } = workerPool();
    const service = createCensusService({ createWorker, workers: 3 });
    const seen: number[] = [];
    const { report, gates } = await service.balance(tutorial, 12, {
      onProgress: (d) => seen.push(d),
    });
    expect(report.seeds).toHaveLength(12);
    // the same gates as one thread gives, though their seeds went to three workers
    const { elapsedMs: _spread, ...spread } = gates!;
    const { elapsedMs: _one, ...one } = gateReport(tutorial, seedList(12));
    expect(spread).toEqual(one);
    // and the report from the same games, as a page without workers makes it
    const alone = new ExactBalanceRun(tutorial);
    for (const seed of seedList(12)) alone.add(seed);
    const { elapsedMs: _r, ...fromWorkers } = report;
    const { elapsedMs: _a, ...fromPage } = alone.result().report;
    expect(fromWorkers).toEqual(fromPage);
    expect(made).toHaveLength(3);
    expect(made.every((w) => w.worked > 1)).toBe(true);
    // the bar only moves forward, and ends full
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBeCloseTo(1, 9);
    service.dispose();
  });

  it('stops every worker on a balance report when the caller stops waiting', async () => {
    const { made, createWorker } = workerPool(30);
    const service = createCensusService({ createWorker, workers: 2 });
    const stop = new AbortController();
    const asked = service.balance(tutorial, 8, { signal: stop.signal });
    await new Promise((r) => setTimeout(r, 10));
    stop.abort();
    await expect(asked).rejects.toMatchObject({ name: 'AbortError' });
    expect(made.length).toBeGreaterThan(0);
    expect(made.every((w) => w.terminated)).toBe(true);
    service.dispose();
  });
});

describe('LruMap', () => {
  it('holds its limit, dropping the entry used longest ago', () => {
    const lru = new LruMap<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1);
    lru.set('c', 3);
    expect([lru.get('a'), lru.get('b'), lru.get('c'), lru.size]).toEqual([1, undefined, 3, 2]);
    expect(() => new LruMap(0)).toThrow(/at least one/);
  });
});
