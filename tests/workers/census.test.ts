import { describe, expect, it } from 'vitest';
import { gateReport, gatesOfParts, gateTree } from '../../src/analysis/gates.ts';
import { loadScenarioFile, SCENARIO_DIR } from '../../src/scenario/bundled.ts';
import { census, percentile, type ScenarioDef } from '../../src/sim/index.ts';
import { handleCensus } from '../../src/workers/census-handler.ts';
import { fairScore, marketCensus, rankIn } from '../../src/workers/fair-score.ts';
import type { CensusReply } from '../../src/workers/protocol.ts';

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
    handleCensus(
      { type: 'request', id: 7, job: { kind: 'market', scenario: tutorial, seed: '8' } },
      (r) => replies.push(r),
    );
    const progress = replies.filter((r) => r.type === 'progress').map((r) => r.done);
    expect(progress.length).toBeGreaterThan(5);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(progress.at(-1)).toBe(1);
    expect(replies.at(-1)).toEqual({
      type: 'result',
      id: 7,
      kind: 'market',
      result: marketCensus(tutorial, '8'),
    });
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
    handleCensus(
      { type: 'request', id: 1, job: { kind: 'market', scenario: broken, seed: '1' } },
      (r) => replies.push(r),
    );
    expect(replies.at(-1)).toMatchObject({
      type: 'error',
      id: 1,
      message: /no situation "nowhere"/,
    });
  });

  it('works out the balance report, as the workshop page shows it', () => {
    const replies: CensusReply[] = [];
    const job = { kind: 'balance', scenario: tutorial, seeds: 3 } as const;
    handleCensus({ type: 'request', id: 2, job }, (r) => replies.push(r));
    const last = replies.at(-1)!;
    expect(last).toMatchObject({ type: 'result', id: 2, kind: 'balance' });
    if (last.type !== 'result' || last.kind !== 'balance') throw new Error('no report');
    expect(last.result.seeds).toEqual(['1', '2', '3']);
    const progress = replies.filter((r) => r.type === 'progress').map((r) => r.done);
    expect(progress.at(-1)).toBe(1);
  });

  it("works out the gates' part of a run of seeds, which add up to the gates of all of them", () => {
    const partsOf = (seeds: string[], first: number) => {
      const replies: CensusReply[] = [];
      const job = { kind: 'gates', scenario: tutorial, seeds, first } as const;
      handleCensus({ type: 'request', id: 3, job }, (r) => replies.push(r));
      const last = replies.at(-1)!;
      if (last.type !== 'result' || last.kind !== 'gates') throw new Error('no parts');
      return last.result;
    };
    const seeds = ['1', '2', '3', '4', '5'];
    const parts = [...partsOf(seeds.slice(0, 2), 0), ...partsOf(seeds.slice(2), 2)];
    const { elapsedMs: _split, ...split } = gatesOfParts(
      tutorial,
      gateTree(tutorial),
      seeds,
      parts,
      0,
    );
    const { elapsedMs: _whole, ...whole } = gateReport(tutorial, seeds);
    expect(split).toEqual(whole);
  });
});
