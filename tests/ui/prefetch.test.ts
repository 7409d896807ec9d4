import { describe, expect, it } from 'vitest';
import { loadScenarioFile, SCENARIO_DIR } from '../../src/scenario/bundled.ts';
import type { ScenarioDef } from '../../src/sim/index.ts';
import { prefetchedMarket, prefetchMarket } from '../../src/ui/debrief/prefetch.ts';
import { type MarketCensus, marketCensus, marketKey } from '../../src/workers/fair-score.ts';

const tutorial = loadScenarioFile(`${SCENARIO_DIR}tutorial.yaml`).scenario;

/**
 * Stands in for the census worker: the real census, answered when the test says so, with
 * the progress it reports and whether its signal was aborted.
 */
function controlledCompute() {
  const calls: {
    seed: string;
    signal: AbortSignal | undefined;
    progress: (done: number) => void;
    answer: () => void;
    fail: (message: string) => void;
  }[] = [];
  const compute = (
    scenario: ScenarioDef,
    seed: string,
    onProgress?: (done: number) => void,
    opts: { signal?: AbortSignal } = {},
  ) =>
    new Promise<MarketCensus>((resolve, reject) => {
      opts.signal?.addEventListener('abort', () =>
        reject(new DOMException('cancelled', 'AbortError')),
      );
      calls.push({
        seed,
        signal: opts.signal,
        progress: (done) => onProgress?.(done),
        answer: () => resolve(marketCensus(scenario, seed)),
        fail: (message) => reject(new Error(message)),
      });
    });
  return { calls, compute };
}

const never = () => new AbortController().signal;

describe('the market census worked out during play', () => {
  it('is started once per market and handed to the debrief with its progress', async () => {
    const { calls, compute } = controlledCompute();
    const key = marketKey('hash-a', '11');
    prefetchMarket(key, tutorial, '11', compute);
    prefetchMarket(key, tutorial, '11', compute); // a redraw of the same quarter
    expect(calls.length).toBe(1);
    calls[0]!.progress(0.4);
    const seen: number[] = [];
    const waiting = prefetchedMarket(key, (d) => seen.push(d), never());
    expect(waiting).not.toBeNull();
    calls[0]!.progress(0.9);
    calls[0]!.answer();
    expect(await waiting).toEqual(marketCensus(tutorial, '11'));
    // what had been done when the debrief asked, then what came after
    expect(seen).toEqual([0.4, 0.9]);
  });

  it('is nothing to a debrief of another market', () => {
    const { compute } = controlledCompute();
    prefetchMarket(marketKey('hash-b', '1'), tutorial, '1', compute);
    expect(prefetchedMarket(marketKey('hash-b', '2'), () => {}, never())).toBeNull();
    expect(prefetchedMarket(marketKey('other', '1'), () => {}, never())).toBeNull();
  });

  it('is cancelled when a new game starts on another market', async () => {
    const { calls, compute } = controlledCompute();
    prefetchMarket(marketKey('hash-c', '1'), tutorial, '1', compute);
    prefetchMarket(marketKey('hash-c', '2'), tutorial, '2', compute);
    expect(calls.map((c) => c.seed)).toEqual(['1', '2']);
    expect(calls[0]!.signal?.aborted).toBe(true);
    expect(calls[1]!.signal?.aborted).toBe(false);
    await Promise.resolve();
    expect(prefetchedMarket(marketKey('hash-c', '1'), () => {}, never())).toBeNull();
  });

  it('keeps running when the debrief that waited for it is left, for the next one', async () => {
    const { calls, compute } = controlledCompute();
    const key = marketKey('hash-d', '5');
    prefetchMarket(key, tutorial, '5', compute);
    const left = new AbortController();
    const first = prefetchedMarket(key, () => {}, left.signal)!;
    left.abort();
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls[0]!.signal?.aborted).toBe(false);
    const second = prefetchedMarket(key, () => {}, never())!;
    calls[0]!.answer();
    expect((await second).census.total).toBe(81);
  });

  it('is forgotten when it fails, so the debrief asks afresh', async () => {
    const { calls, compute } = controlledCompute();
    const key = marketKey('hash-e', '3');
    prefetchMarket(key, tutorial, '3', compute);
    const waiting = prefetchedMarket(key, () => {}, never())!;
    calls[0]!.fail('the worker could not start');
    await expect(waiting).rejects.toThrow('the worker could not start');
    expect(prefetchedMarket(key, () => {}, never())).toBeNull();
  });
});
