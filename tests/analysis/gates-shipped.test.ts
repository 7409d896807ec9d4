import { describe, expect, it } from 'vitest';
import { gateReport } from '../../src/analysis/gates.ts';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';

// Every shipped scenario must teach judgement: the balance gates of `npm run
// scenario:report`, on as many seeds as a facilitator's report uses by default.
// A scenario still being reworked for model 2 is named here with the gates it fails
// today, so that the list can only shrink: when one of them starts to pass, the test
// says so and the name must come off the list.

const SEEDS = Array.from({ length: 100 }, (_, i) => String(i + 1));

const UNDER_REWORK: Record<string, string[]> = {
  'who-owns': ['judgement matters', 'label-reading policies lose'],
  'distrustful-account': ['judgement matters', 'label-reading policies lose'],
};

describe('the balance gates of every shipped scenario', () => {
  for (const { scenario } of loadBundledScenarios()) {
    const known = UNDER_REWORK[scenario.id];
    it(known
      ? `${scenario.id}: still fails exactly the gates it is being reworked for (${known.join(', ')})`
      : `${scenario.id}: passes every gate`, () => {
      const report = gateReport(scenario, SEEDS);
      const failing = report.gates.filter((g) => !g.pass);
      if (known) {
        expect(failing.map((g) => g.name).sort()).toEqual([...known].sort());
      } else {
        expect(failing.map((g) => `${g.name}: ${g.why}`)).toEqual([]);
      }
    }, 300_000);
  }
});
