import { describe, expect, it } from 'vitest';
import { playChoices } from '../../src/sim/index.ts';
import { metricMoves, watchedFor } from '../../src/ui/explain.ts';
import { moneyFormat } from '../../src/ui/money.ts';
import { HOLD, market } from '../helpers/market.ts';

// Money is shown in the scenario's currency, and profit beside revenue where the scenario
// models margins; a scenario without either reads as it always did.

const euro = market({ replies: [HOLD], customer: { margin: 0.3 } });
const withCurrency = { ...euro, currency: 'EUR' };
const plain = market({ replies: [HOLD] });

describe('money on screen', () => {
  it("shows amounts in the scenario's currency, from thousands", () => {
    const f = moneyFormat(withCurrency);
    expect(f.value(2400)).toBe('€2.4M');
    expect(f.value(350)).toBe('€350K');
    expect(f.delta(120)).toBe('+\u2060€120K');
    expect(f.delta(-35)).toBe('−\u2060€35K');
    expect(moneyFormat({ ...plain, currency: 'JPY' }).value(2400)).toBe('¥2.4M');
  });

  it('keeps thousands without a currency, and adds profit only where money is modelled', () => {
    expect(moneyFormat(plain).value(2400)).toBe('2400k');
    expect(watchedFor(plain).some((w) => w.key === 'profit')).toBe(false);
    expect(watchedFor(withCurrency).some((w) => w.key === 'profit')).toBe(true);
    const state = playChoices(withCurrency, '2', ['hold']);
    const profit = metricMoves(withCurrency, state, 1).find((m) => m.key === 'profit')!;
    expect(profit.after).toMatch(/^€\d/);
    const revenue = metricMoves(withCurrency, state, 1).find((m) => m.key === 'revenue')!;
    // shown in the whole thousands its change counts
    const shown = Math.round(state.history[0]!.metrics.revenue);
    expect(revenue.after).toBe(moneyFormat(withCurrency).value(shown));
  });
});
