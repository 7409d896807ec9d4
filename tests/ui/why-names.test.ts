import { describe, expect, it } from 'vitest';
import { loadScenarioFile, SCENARIO_DIR } from '../../src/scenario/bundled.ts';
import { playChoices } from '../../src/sim/index.ts';
import { figureWhy, firstClause } from '../../src/ui/why.ts';

// A reviewer read "your Q1 firm call wearing off" after a reply the outcome had shown as
// ◆ hands-off ("Give Jake and Amira the playbook…", which tells a little as it hands over).
// The relaxing alignment is named by the reply that set it, in the player's own words.

const { scenario } = loadScenarioFile(`${SCENARIO_DIR}scripts-or-judgement.yaml`);
const LATER = 'make-good,rep-choice,honest-call,whole-kitchen,shield,cost-review,pods'.split(',');

function alignmentLines(first: string): string[] {
  const state = playChoices(scenario, '7311', [first, ...LATER]);
  return figureWhy(scenario, state, 2, 'alignment')!.lines.map((l) => l.label);
}

describe('what a forced alignment relaxing is called', () => {
  it('names the hands-off reply that set it, not a "firm call"', () => {
    const lines = alignmentLines('veterans-free');
    expect(lines).toContain(
      'the direction you set in Q1 (“Give Jake and Amira the playbook…”) wearing off',
    );
    expect(lines.join(' ')).not.toMatch(/firm call/);
  });

  it('names a directive reply the same way, by its own words', () => {
    expect(alignmentLines('roll-out')).toContain(
      'the direction you set in Q1 (“Roll the playbook out as written…”) wearing off',
    );
  });

  it('keeps a short reply whole and cuts a long one at a word', () => {
    expect(firstClause('Call the leads together')).toBe('Call the leads together');
    expect(firstClause('Hold the line: no discount')).toBe('Hold the line…');
  });
});

// A reviewer read "Brand strength 31 → 29, −2: the brand following the share" in a quarter
// the share rose (distrustful-account, market 328983, Q1): the brand heads for the share
// times the team's alignment, which stood below it. The line names where it is heading.
describe('what the brand follows', () => {
  it('names where the brand is heading, so a fall beside a rising share reads true', () => {
    const da = loadScenarioFile(`${SCENARIO_DIR}distrustful-account.yaml`).scenario;
    const state = playChoices(da, '328983', ['plan-approach']);
    const before = state.start;
    const after = state.history[0]!.metrics;
    expect(after.share).toBeGreaterThan(before.share);
    expect(after.brand).toBeLessThan(before.brand);
    const line = figureWhy(da, state, 1, 'brand')!.lines.find((l) =>
      l.label.startsWith('the brand drifting towards'),
    );
    const heading = Math.round(after.alignment * after.share * 100);
    expect(line?.label).toBe(
      `the brand drifting towards ${heading}/100: your ${Math.round(after.share * 100)}% share, as far as the team pulls as one`,
    );
    expect(heading).toBeLessThan(Math.round(after.brand * 100));
  });
});
