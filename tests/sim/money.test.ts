import { describe, expect, it } from 'vitest';
import {
  type ChoiceDef,
  DEFAULT_MARGIN,
  outcomes,
  playChoices,
  type ScenarioDef,
  score,
} from '../../src/sim/index.ts';
import { HOLD, market } from '../helpers/market.ts';

// Money in the model, as a facilitator would state it: a discount costs margin on every
// unit and draws the customer while rivals answer it; a leech segment brings revenue that
// costs more to serve than it earns, so dropping it trades revenue for profit; cost to
// serve comes off profit. Small markets built here, each reply doing one money move.

const SEEDS = Array.from({ length: 30 }, (_, i) => String(i + 1));

const DISCOUNT: ChoiceDef = {
  id: 'discount',
  label: 'discount',
  style: 'directive',
  effects: { price: -0.05 },
};
const DROP: ChoiceDef = { id: 'drop', label: 'drop', style: 'directive', effects: { leech: -1 } };
const SERVICE: ChoiceDef = {
  id: 'service',
  label: 'service',
  style: 'collaborative',
  effects: { costToServe: 0.05 },
};

function moneyMarket(weights: ScenarioDef['rubric']['weights'] = { share: 1 }) {
  return market({
    quarters: 4,
    replies: [HOLD, DISCOUNT, DROP, SERVICE],
    customer: { margin: 0.3, costToServe: 0.1, leech: { share: 0.2, costToServe: 0.5 } },
    weights,
  });
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const last = (sc: ScenarioDef, seed: string, line: string[]) =>
  playChoices(sc, seed, line).history.at(-1)!;

describe('money', () => {
  it('a discount draws the customer and every rival answers it, while it costs margin on every unit', () => {
    const sc = moneyMarket();
    const hold = ['hold', 'hold', 'hold', 'hold'];
    const cut = ['discount', 'hold', 'hold', 'hold'];
    const shareGain = mean(
      SEEDS.map((s) => last(sc, s, cut).metrics.share - last(sc, s, hold).metrics.share),
    );
    expect(shareGain).toBeGreaterThan(0.005);
    const after = playChoices(sc, '1', ['discount']);
    expect(after.competitors[0]!.strength).toBeGreaterThan(sc.competitors[0]!.strength);
    const causes = after.history[0]!.causes;
    expect(causes.some((c) => c.metric === 'price' && c.ref === 'discount')).toBe(true);
    expect(causes.some((c) => c.ref === 'price' && c.note?.includes('below list'))).toBe(true);
    // profit per unit of volume: 5% off a 30% margin keeps 25 points of it
    const m = after.history[0]!.metrics;
    const volume = m.share * after.marketSize;
    const core = volume * 0.8;
    const leech = volume * 0.2;
    const expected = (core + leech) * (DEFAULT_MARGIN - 0.05) - core * 0.1 - leech * 0.5;
    expect(m.profit).toBeCloseTo(expected, 3);
    expect(m.revenue).toBeCloseTo(volume * 0.95, 3);
  });

  it('dropping a leech segment loses its revenue and raises profit', () => {
    const sc = moneyMarket();
    for (const seed of SEEDS.slice(0, 10)) {
      const kept = last(sc, seed, ['hold']).metrics;
      const dropped = last(sc, seed, ['drop']).metrics;
      expect(dropped.revenue).toBeLessThan(kept.revenue * 0.85);
      expect(dropped.profit).toBeGreaterThan(kept.profit * 1.2);
    }
  });

  it('a rubric that weighs profit rewards dropping the leech; one that weighs growth does not', () => {
    const byProfit = moneyMarket({ profit: 1 });
    const byGrowth = moneyMarket({ growth: 1 });
    const line = (first: string) => [first, 'hold', 'hold', 'hold'];
    for (const seed of SEEDS.slice(0, 10)) {
      const drop = playChoices(byProfit, seed, line('drop'));
      const keep = playChoices(byProfit, seed, line('hold'));
      expect(outcomes(drop).profit).toBeGreaterThan(outcomes(keep).profit);
      expect(score(byProfit.rubric, drop)).toBeGreaterThan(score(byProfit.rubric, keep));
      const dropG = playChoices(byGrowth, seed, line('drop'));
      const keepG = playChoices(byGrowth, seed, line('hold'));
      expect(score(byGrowth.rubric, dropG)).toBeLessThan(score(byGrowth.rubric, keepG));
    }
  });

  it('a higher cost to serve comes straight off profit, not off revenue', () => {
    const sc = moneyMarket();
    const base = last(sc, '4', ['hold']).metrics;
    const served = last(sc, '4', ['service']).metrics;
    expect(served.revenue).toBe(base.revenue);
    const core = base.share * 1000 * 1.01 * 0.8;
    expect(base.profit - served.profit).toBeCloseTo(core * 0.05, 2);
  });

  it('a market without money fields invoices share × market size, as before money was modelled', () => {
    const sc = market({ quarters: 3, replies: [HOLD] });
    const state = playChoices(sc, '9', ['hold', 'hold', 'hold']);
    for (const r of state.history) {
      const size = 1000 * 1.01 ** r.quarter;
      expect(r.metrics.revenue).toBeCloseTo(r.metrics.share * size, 3);
    }
  });
});
