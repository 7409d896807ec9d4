import { describe, expect, it } from 'vitest';
import { loadScenarioFile, SCENARIO_DIR } from '../../src/scenario/bundled.ts';
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

describe('two amounts side by side', () => {
  it('get the digits that tell them apart where they differ by whole thousands', () => {
    const f = moneyFormat(withCurrency);
    // "€1.2M → €1.2M: +€67K" read as if nothing had moved
    expect(f.pair(1153, 1220)).toEqual(['€1.15M', '€1.22M']);
    expect(f.pair(1100, 1063)).toEqual(['€1.10M', '€1.06M']);
    expect(f.pair(1153, 1152)).toEqual(['€1.153M', '€1.152M']);
    // already apart, or the same: shown as any one amount is
    expect(f.pair(160, 154)).toEqual(['€160K', '€154K']);
    expect(f.pair(1100, 1400)).toEqual(['€1.1M', '€1.4M']);
    expect(f.pair(1100, 1100)).toEqual(['€1.1M', '€1.1M']);
    expect(moneyFormat(plain).pair(990, 987)).toEqual(['990k', '987k']);
  });

  it('reads differently before and after wherever the change is not ±0', () => {
    const { scenario } = loadScenarioFile(`${SCENARIO_DIR}value-discipline.yaml`);
    expect(scenario.currency).toBeDefined();
    const choices =
      'choose-together,cost-case,charge-rush,roadmap,take-charge,standard-grade,first-access,focus-plan'.split(
        ',',
      );
    let widened = 0;
    for (const seed of ['68112', '327280', '1', '2']) {
      const state = playChoices(scenario, seed, choices);
      for (const r of state.history) {
        for (const m of metricMoves(scenario, state, r.quarter)) {
          if (m.steps !== 0) expect(m.before).not.toBe(m.after);
          if (/\.\d{2,}M$/.test(m.before)) widened++;
        }
      }
    }
    // the market's revenue sits above a million: some quarters needed the extra digits
    expect(widened).toBeGreaterThan(0);
  });
});
