import { describe, expect, it } from 'vitest';
import { marketsInPage, type PageMarketsDeps } from '../../src/hr/page-markets.ts';
import { KEEP_EVERY_MS } from '../../src/lib/batches.ts';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { MODEL_VERSION, underModel } from '../../src/sim/index.ts';
import type { MarketJob } from '../../src/workers/census-batch.ts';
import { type MarketCensus, marketCensus } from '../../src/workers/fair-score.ts';
import type { KeptMarkets, ModelMarket } from '../../src/workers/kept-markets.ts';

// HR's page keeps the markets it works out as they come, so that a check cancelled or a
// page closed half-way keeps what was finished. Here the browser's parts are stand-ins: a
// store in memory, census workers that answer one market at a time on a clock the test
// moves, and the real census of the tutorial's markets as the answers.

const tutorial = loadBundledScenarios().find((b) => b.scenario.id === 'tutorial')!.scenario;
const needed = new Map<string, MarketJob>(
  ['a', 'b', 'c', 'd', 'e', 'f'].map((seed) => [`m-${seed}`, { scenario: tutorial, seed }]),
);

interface Page {
  deps: PageMarketsDeps;
  /** what the store was given, batch by batch */
  batches: string[][];
  store: Map<string, ModelMarket>;
  controller: AbortController;
}

/**
 * The page's parts. Each market takes `stepMs` on the clock; `failAt` makes that market's
 * census fail; `abortAt` cancels the check when that market is reached; `refuse` makes the
 * store refuse every write.
 */
function page(opts: { stepMs?: number; failAt?: number; abortAt?: number; refuse?: boolean }) {
  let clock = 0;
  const store = new Map<string, ModelMarket>();
  const batches: string[][] = [];
  const controller = new AbortController();
  const kept: KeptMarkets = {
    async get(wanted) {
      // as the browser's store: a market kept under another model is not the one wanted
      const found = [...wanted].filter(([k, model]) => store.get(k)?.model === model);
      return new Map(found.map(([k]) => [k, store.get(k)!.market]));
    },
    async put(entries) {
      // a write takes a moment, as IndexedDB's do
      await new Promise((resolve) => setTimeout(resolve, 5));
      batches.push([...entries.keys()]);
      if (opts.refuse) return false;
      for (const [k, m] of entries) store.set(k, m);
      return true;
    },
  };
  const deps: PageMarketsDeps = {
    openKept: async () => kept,
    now: () => clock,
    async compute(jobs, batch) {
      const out: MarketCensus[] = [];
      for (const [i, job] of jobs.entries()) {
        if (i === opts.abortAt) controller.abort();
        if (batch.signal?.aborted) throw new DOMException('cancelled', 'AbortError');
        if (i === opts.failAt) throw new Error('a census worker failed');
        clock += opts.stepMs ?? 100;
        out.push(marketCensus(job.scenario, job.seed));
        batch.onEach?.(i + 1, i, out[i]!);
      }
      return out;
    },
  };
  return { deps, batches, store, controller } satisfies Page;
}

describe("HR's page keeps the markets it works out", () => {
  it('as they come, every two seconds or so, and the rest at the end', async () => {
    // 900 ms a market: a batch at the third (2.7 s) and the sixth (5.4 s)
    const p = page({ stepMs: 900 });
    expect(KEEP_EVERY_MS).toBe(2000);
    const progress: string[] = [];
    const r = await marketsInPage(
      needed,
      (d, t) => progress.push(`${d}/${t}`),
      p.controller.signal,
      p.deps,
    );
    expect(p.batches).toEqual([
      ['m-a', 'm-b', 'm-c'],
      ['m-d', 'm-e', 'm-f'],
    ]);
    expect(progress).toEqual(['0/6', '1/6', '2/6', '3/6', '4/6', '5/6', '6/6']);
    expect(r.notKept).toBe(false);
    expect(r.markets.get('m-b')).toEqual(marketCensus(tutorial, 'b'));

    // checked again: every market comes from the store, none is worked out
    const again = await marketsInPage(needed, () => {}, undefined, p.deps);
    expect(again.reused).toBe(6);
    expect(p.batches).toHaveLength(2);
  });

  it('keeps what was finished when the check is cancelled or a census fails, before it stops', async () => {
    const cancelled = page({ abortAt: 4 });
    await expect(
      marketsInPage(needed, () => {}, cancelled.controller.signal, cancelled.deps),
    ).rejects.toThrow('cancelled');
    // (the writes are awaited: the store holds them when the rejection arrives)
    expect([...cancelled.store.keys()]).toEqual(['m-a', 'm-b', 'm-c', 'm-d']);

    const failed = page({ failAt: 2 });
    await expect(marketsInPage(needed, () => {}, undefined, failed.deps)).rejects.toThrow(
      'a census worker failed',
    );
    expect([...failed.store.keys()]).toEqual(['m-a', 'm-b']);
  });

  it('says so when the browser refuses to keep them, and asks only once', async () => {
    const p = page({ stepMs: 900, refuse: true });
    const r = await marketsInPage(needed, () => {}, undefined, p.deps);
    expect(r.notKept).toBe(true);
    expect(r.markets.size).toBe(6);
    expect(p.batches).toHaveLength(1);
  });

  it("keeps an earlier model's market under that model, and never serves it for this model's", async () => {
    const p = page({});
    const earlier = underModel(tutorial, 3);
    const asked = new Map<string, MarketJob>([['m-a', { scenario: earlier, seed: 'a' }]]);
    await marketsInPage(asked, () => {}, undefined, p.deps);
    expect(p.store.get('m-a')?.model).toBe(3);
    // the same key asked for this model's market is worked out, not read back
    const now = await marketsInPage(
      new Map([['m-a', needed.get('m-a')!]]),
      () => {},
      undefined,
      p.deps,
    );
    expect(now.reused).toBe(0);
    expect(p.store.get('m-a')?.model).toBe(MODEL_VERSION);
  });
});
