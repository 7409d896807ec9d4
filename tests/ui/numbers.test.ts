import type uPlot from 'uplot';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile, SCENARIO_DIR } from '../../src/scenario/bundled.ts';
import { playChoices } from '../../src/sim/index.ts';
import { quarterAxes, tableCell } from '../../src/ui/chart-kit.ts';
import { metricMoves } from '../../src/ui/explain.ts';
import { shownNumber, signedNumber } from '../../src/ui/numbers.ts';

// A negative figure reads with the game's minus sign "−" wherever it is shown: the charts'
// axes and tables, and the outcome's "All the figures against last quarter". A reviewer
// found "-0.4%", "-1.1" and "-2.5" there, beside "−0.7 pts" in the same table.

type Values = (u: uPlot, ticks: number[], axis: number, space: number, step: number) => string[];
const yLabels = (ticks: number[], step: number): string[] =>
  (quarterAxes('%', 48)[1]!.values as Values)({} as uPlot, ticks, 1, 0, step);

describe('negative numbers on screen', () => {
  it('read with a minus sign, and a value that rounds to nothing has no sign', () => {
    expect(shownNumber(-0.4, 1)).toBe('−0.4');
    expect(shownNumber(-2.46, 1)).toBe('−2.5');
    expect(shownNumber(-0.04, 1)).toBe('0.0');
    expect(shownNumber(3, 0)).toBe('3');
    expect(signedNumber(-1.1, 1)).toBe('−1.1');
    expect(signedNumber(0.02, 1)).toBe('±0.0');
    expect(signedNumber(2, 0)).toBe('+2');
  });

  it('on the charts’ value axis and in their figures tables', () => {
    expect(yLabels([-10, 0, 10], 10)).toEqual(['−10%', '0%', '10%']);
    expect(yLabels([-1, -0.5, 0, 0.5], 0.5)).toEqual(['−1.0%', '−0.5%', '0.0%', '0.5%']);
    expect(tableCell(-1.06)).toBe('−1.1');
    expect(tableCell(-0.01)).toBe('0.0');
    expect(tableCell(Number.NaN)).toBe('–');
  });

  it('in the outcome’s table of all the figures, before and now', () => {
    // value-discipline's first game of the reviewer's: growth on last quarter falls below 0
    const { scenario } = loadScenarioFile(`${SCENARIO_DIR}value-discipline.yaml`);
    const choices =
      'choose-together,cost-case,charge-rush,roadmap,take-charge,standard-grade,first-access,focus-plan'.split(
        ',',
      );
    const state = playChoices(scenario, '68112', choices);
    const shown = state.history.flatMap((r) => metricMoves(scenario, state, r.quarter));
    const growth = shown.filter((m) => m.key === 'growthQoQ');
    expect(growth.some((m) => m.after.startsWith('−'))).toBe(true);
    for (const m of shown) {
      for (const text of [m.before, m.after, m.change]) expect(text).not.toMatch(/-/);
    }
  });
});
