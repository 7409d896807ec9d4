import { describe, expect, it } from 'vitest';
import { loadScenarioFile, SCENARIO_DIR } from '../../src/scenario/bundled.ts';
import { FIGURE_NAMES } from '../../src/ui/screens/play.ts';

// The tutorial's debrief tells a trainee who did not pass what to read before each call.
// It once said "what your team can carry", which no screen shows: the advice must name
// figures the player finds under the replies, by the names they have there.

const FIGURE_WORDS = /\b(Share|Trust|Alignment|Morale|Autonomy|Breadth|Brand|Readiness)\b/g;

describe("the tutorial's advice", () => {
  const { scenario: tutorial } = loadScenarioFile(`${SCENARIO_DIR}tutorial.yaml`);
  const advice = tutorial.debrief.bands?.filter((b) => b.min < tutorial.rubric.passMark) ?? [];

  it('names, in every band below the pass, figures shown under the replies', () => {
    expect(advice.length).toBeGreaterThan(0);
    const shown: string[] = Object.values(FIGURE_NAMES);
    for (const band of advice) {
      const named = band.text.match(FIGURE_WORDS) ?? [];
      expect(named.length, band.text).toBeGreaterThan(0);
      for (const figure of named) expect(shown, band.text).toContain(figure);
    }
  });

  it('no longer points at something no screen shows', () => {
    for (const band of advice) expect(band.text).not.toMatch(/what your team can carry/);
  });
});
