import { describe, expect, it } from 'vitest';
import { gateReport } from '../../src/analysis/gates.ts';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';

// Every shipped scenario must teach judgement: the balance gates of `npm run
// scenario:report`, on as many seeds as a facilitator's report uses by default.

const SEEDS = Array.from({ length: 100 }, (_, i) => String(i + 1));

describe('the balance gates of every shipped scenario', () => {
  for (const { scenario } of loadBundledScenarios()) {
    it(`${scenario.id}: passes every gate`, () => {
      const report = gateReport(scenario, SEEDS);
      const failing = report.gates.filter((g) => !g.pass);
      expect(failing.map((g) => `${g.name}: ${g.why}`)).toEqual([]);
    }, 300_000);
  }
});
