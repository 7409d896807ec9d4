import { describe, expect, it } from 'vitest';
import { loadScenarioFile, SCENARIO_DIR } from '../../src/scenario/bundled.ts';
import { explainGame, playChoices } from '../../src/sim/index.ts';
import { MATTERED, turningPointsThatMattered } from '../../src/ui/debrief/turning.ts';
import { TERMS } from '../../src/ui/terms.ts';

// The star on a decision follows one rule, the one its definition states: another reply
// there would have changed the final score by MATTERED points or more, up or down. A
// reviewer saw Q2 starred at "+1" while Q4, also "+1", was not, and Q7 (2 points) unstarred.

const { scenario } = loadScenarioFile(`${SCENARIO_DIR}value-discipline.yaml`);
const choices =
  'choose-together,cost-case,charge-rush,roadmap,take-charge,standard-grade,first-access,focus-plan'.split(
    ',',
  );
const state = playChoices(scenario, '68112', choices);
const e = explainGame(scenario, state, { best: choices });

describe('turning points', () => {
  it('stars every decision where another reply moves the score by the stated points, and no other', () => {
    const starred = turningPointsThatMattered(e).map((t) => t.quarter);
    const expected = e.turningPoints
      .filter((t) => t.alternatives.some((a) => Math.abs(a.change) >= MATTERED))
      .map((t) => t.quarter)
      .sort((a, b) => a - b);
    expect(starred).toEqual(expected);
    expect(starred).toEqual([1, 2, 3, 7]);
    expect(TERMS.turning.definition).toContain(`${MATTERED} points or more, up or down`);
  });

  it('names the reply that made a decision a turning point', () => {
    const q2 = e.turningPoints.find((t) => t.quarter === 2)!;
    // matching the rival's price would have cost 3 points: that is the star, not the +1
    expect(q2.sentence).toMatch(
      /^Q2 was a turning point: "Agree to what Ravi .*" instead would have scored 48 rather than 51 \(−3\); ".*" would have scored 52 \(\+1\)\.$/,
    );
    const q7 = e.turningPoints.find((t) => t.quarter === 7)!;
    expect(q7.sentence).toMatch(
      /every other reply would have scored less; ".*" would have scored 2 points less \(49 rather than 51\)\.$/,
    );
    const q5 = e.turningPoints.find((t) => t.quarter === 5)!;
    // one reply would have scored the same: not "every other would have scored less"
    expect(q5.sentence).toMatch(
      /no other reply would have scored more; ".*" would have scored 1 point less/,
    );
  });
});
