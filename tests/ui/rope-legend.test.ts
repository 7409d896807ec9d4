import { describe, expect, it } from 'vitest';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { SIDE_STYLES } from '../../src/scenes/palette.ts';
import { initialState, pullBasis, type SimState, sharePercent } from '../../src/sim/index.ts';
import { legendEntries } from '../../src/ui/rope-legend.ts';

// The legend explains every mark the rope view draws, with the figures of the market shown.

const { scenario } = loadBundledScenarios().find((b) => b.scenario.id === 'distrustful-account')!;

describe('the rope view legend', () => {
  const start = initialState(scenario, '7');

  it('has an entry for every mark: each side, the scale, arrow, friction, slack, ghost and gusts', () => {
    const marks = legendEntries(scenario, start).map(([m]) => m);
    for (const s of Object.keys(SIDE_STYLES)) expect(marks).toContain(s);
    for (const m of ['scale', 'usual', 'friction', 'arrow', 'slack', 'ghost', 'gust'])
      expect(marks).toContain(m);
    expect(new Set(marks).size).toBe(marks.length);
  });

  it("states the market's own figures: share, usual share, what distrust takes", () => {
    const text = (s: SimState) => new Map(legendEntries(scenario, s));
    const shown = text(start);
    expect(shown.get('scale')).toContain(`our share: ${sharePercent(start.position)}% now`);
    expect(shown.get('usual')).toContain(`(${sharePercent(start.home)}%)`);
    const friction = pullBasis(
      start,
      scenario.params,
      scenario.customer.departments.length,
    ).friction;
    expect(shown.get('friction')).toContain(`Distrust takes ${Math.round((1 - friction) * 100)}%`);
    // a customer that trusts us fully loses nothing to friction, and the legend says so
    expect(text({ ...start, trust: 1 }).get('friction')).toContain('trusts us fully');
    // the side's name comes from the scenario: one rival names its side
    expect(shown.get('scale')).toMatch(
      scenario.competitors.length === 1 ? /'s side/ : /their side/,
    );
  });
});
