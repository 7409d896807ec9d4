import { describe, expect, it } from 'vitest';
import { copiedStrategy, copyingCheck, dealtNextWords } from '../../src/analysis/copying.ts';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { marketIndex } from '../../src/sim/index.ts';

// The copying check grades a copy as HR's tools grade it: the path copied is the one the
// debrief and the solver show as best (the first at the top whole-number score), and the
// copy's fair score is the share of the receiving market's strategies with a lower
// whole-number score. A copy on the next starting situation dealt is what HR's server meets.

const vd = loadBundledScenarios().find((b) => b.scenario.id === 'value-discipline')!.scenario;
const seedOf = (variant: number): string => {
  for (let i = 1; ; i++) if (marketIndex(vd, String(i)) === variant) return String(i);
};

describe('copying a colleague’s replies', () => {
  it('copies the path the game shows as best: the first at the top whole-number score', () => {
    // 70.4 is the raw best, but 69.6 also shows as 70 and comes first
    expect(copiedStrategy(Float64Array.from([10, 69.6, 70.4, 55]))).toBe(1);
    expect(copiedStrategy(Float64Array.from([80, 69.6, 70.4]))).toBe(0);
  });

  it('says where a colleague’s best path lands on the next starting situation the server deals', () => {
    const seeds = [seedOf(0), seedOf(1), seedOf(2)];
    // five strategies; on the first market strategy 1 shows as best (69.6 → 70, before 70.4)
    const scores = [
      Float64Array.from([10, 69.6, 70.4, 20, 30]),
      // on the next market strategy 1 beats three of five: a fair score of 60
      Float64Array.from([10, 50, 5, 20, 60]),
      // the third market's best is strategy 4, as is the second's
      Float64Array.from([1, 2, 3, 4, 90]),
    ];
    const c = copyingCheck(vd, seeds, scores);
    expect(c.dealtNext.map((d) => [d.median, d.worst])).toEqual([
      [60, 60], // seasoned → new team: strategy 1 beats 10, 5 and 20
      [80, 80], // new team → company: strategy 4 beats the other four
      [40, 40], // company → seasoned: strategy 4 (30) beats 10 and 20
    ]);
    expect(c.dealtNext.map((d) => d.passing)).toEqual([0, 1, 0]);
    expect(dealtNextWords(c)).toContain(
      'Seasoned team, Polyform ahead → New team, a customer that trusts us: 60th (median), worst the 60th, 0% at or above 75',
    );
  });

  it('counts the copies that reach the default pass mark', () => {
    const seeds = [seedOf(0), seedOf(1)];
    const scores = [Float64Array.from([90, 10, 20, 30]), Float64Array.from([80, 10, 20, 30])];
    const c = copyingCheck(vd, seeds, scores);
    expect(c.dealtNext[0]).toMatchObject({ worst: 75, passing: 1 });
  });
});
