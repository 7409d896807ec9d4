import { describe, expect, it } from 'vitest';
import { loadScenarioFile, SCENARIO_DIR } from '../../src/scenario/bundled.ts';
import { census, percentile, type ScenarioDef } from '../../src/sim/index.ts';
import { computeFairScore } from '../../src/workers/census-client.ts';
import { handleCensus } from '../../src/workers/census-handler.ts';
import { fairScore, marketCensus, rankIn } from '../../src/workers/fair-score.ts';
import type { CensusReply } from '../../src/workers/protocol.ts';
import { FakeWorker } from './fake-worker.ts';

const tutorial = loadScenarioFile(`${SCENARIO_DIR}tutorial.yaml`).scenario;

describe('fair score', () => {
  it('gives the percentile, its bound, the par lines and a plain statement', () => {
    const c = census(tutorial, '8');
    const f = fairScore(tutorial, '8', 55);
    expect(f.percentile).toBe(percentile(c, 55));
    expect(f).toMatchObject({ score: 55, played: 81, strategies: 81, exhaustive: true, margin: 0 });
    expect(f.par.map((p) => p.policy)).toEqual(['directive', 'collaborative', 'best']);
    expect(f.best.score).toBe(c.best.score);
    expect(f.statement).toBe(
      `better than ${f.percentile}% of the 81 possible strategies in this market`,
    );
  });

  it('ranks any number of scores against one census of the market, as if each had its own', () => {
    const market = marketCensus(tutorial, '8');
    for (const value of [0, 31, 55, market.census.best.score, 100]) {
      expect(rankIn(market, value)).toEqual(fairScore(tutorial, '8', value));
    }
    expect(rankIn(market, 100).percentile).toBeGreaterThan(rankIn(market, 0).percentile);
  });
});

describe('census worker handler', () => {
  it('posts progress in order and then the same result as in Node', () => {
    const replies: CensusReply[] = [];
    handleCensus({ type: 'census', id: 7, scenario: tutorial, seed: '8' }, (r) => replies.push(r));
    const progress = replies.filter((r) => r.type === 'progress').map((r) => r.done);
    expect(progress.length).toBeGreaterThan(5);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(progress.at(-1)).toBe(1);
    expect(replies.at(-1)).toEqual({ type: 'result', id: 7, result: marketCensus(tutorial, '8') });
    expect(replies.every((r) => r.id === 7)).toBe(true);
  });

  it('answers a broken scenario with an error message, not a crash', () => {
    const broken: ScenarioDef = {
      ...tutorial,
      situations: [
        {
          ...tutorial.situations[0]!,
          choices: tutorial.situations[0]!.choices.map((c) => ({ ...c, next: 'nowhere' })),
        },
      ],
    };
    const replies: CensusReply[] = [];
    handleCensus({ type: 'census', id: 1, scenario: broken, seed: '1' }, (r) => replies.push(r));
    expect(replies.at(-1)).toMatchObject({
      type: 'error',
      id: 1,
      message: /no situation "nowhere"/,
    });
  });
});

describe('computeFairScore', () => {
  it('resolves with the fair score, reporting progress on the way, and frees the worker', async () => {
    const worker = new FakeWorker();
    const seen: number[] = [];
    const result = await computeFairScore(tutorial, '8', 55, (d) => seen.push(d), {
      createWorker: () => worker,
    });
    expect(result).toEqual(fairScore(tutorial, '8', 55));
    expect(seen.at(-1)).toBe(1);
    expect(worker.terminated).toBe(true);
  });

  it('is cancelled by its signal: rejects with AbortError and terminates the worker', async () => {
    const worker = new FakeWorker(50);
    const controller = new AbortController();
    const pending = computeFairScore(tutorial, '8', 55, undefined, {
      signal: controller.signal,
      createWorker: () => worker,
    });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(worker.terminated).toBe(true);
  });

  it('rejects at once when the signal was already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    let created = false;
    const pending = computeFairScore(tutorial, '8', 55, undefined, {
      signal: controller.signal,
      createWorker: () => {
        created = true;
        return new FakeWorker();
      },
    });
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(created).toBe(false);
  });

  it('rejects with the worker’s error message', async () => {
    const broken: ScenarioDef = {
      ...tutorial,
      situations: [{ ...tutorial.situations[0]!, next: 'gone' }],
    };
    await expect(
      computeFairScore(broken, '1', 0, undefined, { createWorker: () => new FakeWorker() }),
    ).rejects.toThrow(/the fair score could not be computed: no situation "gone"/);
  });
});
