import { describe, expect, it } from 'vitest';
import {
  loadBundledScenarios,
  loadScenarioFile,
  SCENARIO_DIR,
} from '../../src/scenario/bundled.ts';
import { explainGame, playChoices, playPolicy, policiesOf } from '../../src/sim/index.ts';
import {
  LEAST,
  MOST,
  OF_LARGEST,
  turningPointsThatMattered,
} from '../../src/ui/debrief/turning.ts';
import { TERMS } from '../../src/ui/terms.ts';

// A turning point marks one of the few decisions that mattered most. A reviewer saw all
// 8 quarters of a scripts-or-judgement debrief starred, some at 2 points: a star on every
// quarter tells a trainee nothing. Checked on real games of every shipped scenario, each
// played by every policy on two seeds.

const played = (seeds: string[]) =>
  loadBundledScenarios().flatMap(({ scenario }) =>
    seeds.flatMap((seed) =>
      policiesOf(scenario).map((policy) => {
        const run = playPolicy(scenario, seed, policy);
        const state = playChoices(scenario, seed, run.choices);
        const e = explainGame(scenario, state, { best: run.choices });
        return { name: `${scenario.id} ${seed} ${policy}`, e };
      }),
    ),
  );
const games = played(['7311', '2024']);
// Games where no reply moves the score by 3 points are rare (one in the two seeds above
// until value-discipline's fifth attempt, none since): two more seeds give the tutorial's
// flat games, so the check below never runs on an empty list.
const flatGames = [...games, ...played(['3', '7'])].filter(({ e }) =>
  e.turningPoints.every((t) => t.swing < LEAST),
);

describe('turning points on the shipped scenarios', () => {
  it('stars at most three decisions a game, and fewer than before in most games', () => {
    let fewer = 0;
    for (const { name, e } of games) {
      const starred = turningPointsThatMattered(e);
      expect(starred.length, name).toBeLessThanOrEqual(MOST);
      // the old rule starred every decision another reply moved by 2 points or more
      if (starred.length < e.turningPoints.filter((t) => t.swing >= 2).length) fewer++;
    }
    expect(fewer).toBeGreaterThan(games.length / 2);
  });

  it('stars only decisions that stand out: at least 3 points and half the largest swing, larger than any unstarred one', () => {
    for (const { name, e } of games) {
      const starred = turningPointsThatMattered(e);
      const largest = Math.max(0, ...e.turningPoints.map((t) => t.swing));
      const unstarred = e.turningPoints.filter((t) => !starred.includes(t));
      for (const t of starred) {
        expect(t.swing, name).toBeGreaterThanOrEqual(LEAST);
        expect(t.swing, name).toBeGreaterThanOrEqual(largest * OF_LARGEST);
        for (const u of unstarred)
          expect(t.swing, `${name} Q${t.quarter}`).toBeGreaterThan(u.swing);
      }
      // in the order the decisions were taken
      expect(
        starred.map((t) => t.quarter),
        name,
      ).toEqual(starred.map((t) => t.quarter).sort((a, b) => a - b));
    }
  });

  it('always stars the decision that mattered most when it moved the score by 3 points or more, unless tied beyond three', () => {
    for (const { name, e } of games) {
      const top = e.turningPoints[0];
      if (!top || top.swing < LEAST) continue;
      const tied = e.turningPoints.filter((t) => t.swing === top.swing).length;
      if (tied > MOST) continue;
      expect(
        turningPointsThatMattered(e).map((t) => t.quarter),
        name,
      ).toContain(top.quarter);
    }
  });

  it('stars nothing in a game where no reply would have moved the score by 3 points', () => {
    const flat = flatGames;
    expect(flat.length).toBeGreaterThan(0);
    for (const { name, e } of flat) expect(turningPointsThatMattered(e), name).toEqual([]);
  });

  it('states the rule where the debrief defines the term', () => {
    expect(TERMS.turning.definition).toContain(`at most ${MOST} in a game`);
    expect(TERMS.turning.definition).toContain(`at least ${LEAST} points`);
    expect(TERMS.turning.definition).toContain('half as much as the decision that mattered most');
  });
});

describe('what makes a decision a turning point, in words', () => {
  const { scenario } = loadScenarioFile(`${SCENARIO_DIR}value-discipline.yaml`);
  const choices =
    'choose-together,cost-case,charge-rush,roadmap,take-charge,standard-grade,first-access,focus-plan'.split(
      ',',
    );
  const e = explainGame(scenario, playChoices(scenario, '68100', choices), { best: choices });

  it('names the reply that made a decision a turning point', () => {
    const q2 = e.turningPoints.find((t) => t.quarter === 2)!;
    // matching the rival's price would have cost 3 points: that is the star, not the +2
    expect(q2.sentence).toMatch(
      /^Q2 was a turning point: "Agree to what Ravi .*" instead would have scored 48 rather than 51 \(−3\); ".*" would have scored 53 \(\+2\)\.$/,
    );
    const q1 = e.turningPoints.find((t) => t.quarter === 1)!;
    expect(q1.sentence).toMatch(
      /every other reply would have scored less; ".*" would have scored 1 point less \(50 rather than 51\)\.$/,
    );
    const q6 = e.turningPoints.find((t) => t.quarter === 6)!;
    // one reply would have scored the same: not "every other would have scored less"
    expect(q6.sentence).toMatch(
      /no other reply would have scored more; ".*" would have scored 1 point less/,
    );
  });
});
