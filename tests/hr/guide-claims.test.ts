import { describe, expect, it } from 'vitest';
import { traineeSeed } from '../../src/hr/binding.ts';
import { playChoices, score } from '../../src/sim/index.ts';
import { marketCensus, rankIn } from '../../src/workers/fair-score.ts';
import { bundled } from './helpers.ts';

// docs/hr.md, "What they cannot guarantee": per-trainee markets do not stop copied
// answers, because one market's best path does about as well on the others. When the
// model changes so that this no longer holds, this test fails and the guide should say
// the new figure.

const long = bundled.filter((b) => b.scenario.quarters >= 8);
const TRAINEES = 4;

describe('the HR guide’s limits', () => {
  it.each(long.map((b) => [b.scenario.id, b] as const))(
    '%s: a colleague’s best path copied onto another trainee’s market scores at the 99.5th percentile or higher',
    (_id, b) => {
      const markets = Array.from({ length: TRAINEES }, (_, t) => {
        const seed = traineeSeed('acme-q3', 's1', `t${t}`);
        return { seed, market: marketCensus(b.scenario, seed) };
      });
      const copied = markets[0]!.market.par.find((p) => p.policy === 'best')!.choices;
      for (const { seed, market } of markets.slice(1)) {
        const raw = score(b.scenario.rubric, playChoices(b.scenario, seed, copied));
        expect(rankIn(market, raw).percentile, seed).toBeGreaterThanOrEqual(99.5);
      }
    },
  );
});
