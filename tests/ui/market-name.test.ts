import { describe, expect, it } from 'vitest';
import { copyingHint } from '../../src/hr/scenario-field.ts';
import { marketNumber } from '../../src/lib/market-number.ts';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { initialState, marketIndex, marketName } from '../../src/sim/index.ts';
import { marketId, marketLabel } from '../../src/ui/market-brief.ts';

// A market variant is named on screen by the name its scenario gives it ("Chloé seasoned,
// Ben new"), accent and all, and by its id in words only where it has none: on the
// briefing's and the debrief's kicker, and in HR's line under the scenario picker.

const whoOwns = loadBundledScenarios().find((b) => b.scenario.id === 'who-owns')!.scenario;

/** The first seed (1, 2, ...) dealt the variant at `index`. */
function seedDealt(index: number): string {
  let n = 1;
  while (marketIndex(whoOwns, String(n)) !== index) n++;
  return String(n);
}

describe('a market variant’s name on screen', () => {
  it('is the scenario’s name where it gives one, else the id in words', () => {
    expect(marketName({ id: 'chloe-seasoned', name: 'Chloé seasoned, Ben new' })).toBe(
      'Chloé seasoned, Ben new',
    );
    expect(marketName({ id: 'chloe-seasoned' })).toBe('chloe seasoned');
  });

  it('labels the briefing and the debrief with the market dealt', () => {
    const seed = seedDealt(whoOwns.markets!.findIndex((m) => m.id === 'chloe-seasoned'));
    expect(marketLabel(whoOwns, initialState(whoOwns, seed))).toBe(
      `market #${seed} · Chloé seasoned, Ben new`,
    );
    const other = seedDealt(whoOwns.markets!.findIndex((m) => m.id === 'ben-seasoned'));
    expect(marketLabel(whoOwns, initialState(whoOwns, other))).toBe(
      `market #${other} · Ben seasoned, Chloé new`,
    );
  });

  it('shows a trainee a short market number they can read out, and keeps the whole seed', () => {
    // an assignment's per-trainee seed is a code no trainee can quote
    const seed = 'mnasyai7~d2d78c4b11';
    const sim = initialState(whoOwns, seed);
    expect(marketLabel(whoOwns, sim)).toMatch(/^market #…4b11 · /);
    expect(marketId(sim)).toBe(`market ${seed}`);
    expect(marketNumber('77')).toBe('77');
  });

  it('lists every variant by name in HR’s scenario hint, one apart from the next', () => {
    expect(copyingHint(whoOwns)).toContain(
      'one per market (“Chloé seasoned, Ben new”; “Ben seasoned, Chloé new”)',
    );
    const unnamed = {
      ...whoOwns,
      markets: whoOwns.markets!.map(({ name: _name, ...m }) => m),
    };
    expect(copyingHint(unnamed)).toContain('(“chloe seasoned”; “ben seasoned”)');
  });
});
