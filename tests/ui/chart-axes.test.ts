import type uPlot from 'uplot';
import { describe, expect, it } from 'vitest';
import { quarterAxes } from '../../src/ui/chart-kit.ts';

// The debrief's charts label their gridlines. A share that moved half a point drew
// gridlines half a point apart, and whole-number labels read "35%, 35%, 34%" on a phone.

type Values = (u: uPlot, ticks: number[], axis: number, space: number, step: number) => string[];

const yLabels = (ticks: number[], step: number): string[] =>
  (quarterAxes('%', 48)[1]!.values as Values)({} as uPlot, ticks, 1, 0, step);

describe('the charts’ value axis', () => {
  it('labels whole-number gridlines as whole numbers', () => {
    expect(yLabels([30, 32, 34, 36], 2)).toEqual(['30%', '32%', '34%', '36%']);
  });

  it('labels gridlines closer than one apart with a tenth, so no two read the same', () => {
    const labels = yLabels([34, 34.5, 35, 35.5], 0.5);
    expect(labels).toEqual(['34.0%', '34.5%', '35.0%', '35.5%']);
    expect(new Set(labels).size).toBe(labels.length);
  });
});
