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
