import { describe, expect, it } from 'vitest';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { playPolicy, policiesOf, type ScenarioDef } from '../../src/sim/index.ts';

// A person leaves the team once. In who-owns, Medora may hire Sara away and, in games that
// wear her down, she may also resign; a directive player used to read "Medora hires Sara"
// in one quarter and "Sara resigns" two quarters later, and lose her trust twice.

/** Each event that makes people leave, with the members it takes. */
function leavingEvents(scenario: ScenarioDef): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const e of scenario.events) {
    const ids = Object.entries(e.members ?? {})
      .filter(([, m]) => m.leaves === true)
      .map(([id]) => id);
    if (ids.length > 0) out.set(e.id, ids);
  }
  return out;
}

describe('people leave once', () => {
  const shipped = loadBundledScenarios().filter((b) => leavingEvents(b.scenario).size > 0);

  it('covers the shipped scenarios where someone can leave', () => {
    expect(shipped.map((b) => b.scenario.id)).toEqual(
      expect.arrayContaining(['who-owns', 'distrustful-account']),
    );
  });

  for (const { scenario } of shipped) {
    it(`${scenario.id}: no event takes away someone who has already gone`, () => {
      const leaving = leavingEvents(scenario);
      let departures = 0;
      for (let seed = 1; seed <= 40; seed++) {
        for (const policy of policiesOf(scenario)) {
          const { state } = playPolicy(scenario, String(seed), policy);
          const gone = new Map<string, string>();
          for (const report of state.history) {
            for (const id of report.events) {
              for (const member of leaving.get(id) ?? []) {
                const earlier = gone.get(member);
                expect(
                  earlier,
                  `seed ${seed}, ${policy}: "${id}" in Q${report.quarter} takes ${member}, who already left with ${earlier}`,
                ).toBeUndefined();
                gone.set(member, `"${id}" in Q${report.quarter}`);
                departures++;
              }
            }
          }
        }
      }
      // the games do meet departures: the test is not passing on games where nobody leaves
      expect(departures).toBeGreaterThan(10);
    });
  }
});
