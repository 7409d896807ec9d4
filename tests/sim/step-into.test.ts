import { describe, expect, it } from 'vitest';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { playChoices, SimError, type SimState, step } from '../../src/sim/index.ts';
import { prepared, preparedSituation } from '../../src/sim/prepared.ts';
import { lastQuarterInto, luckOf, marketOf, stepInto } from '../../src/sim/step.ts';

// stepInto is step() for the census: it writes a quarter over a state it returned before.
// Written over a state from another line of play, it must still give what step() gives.

const scenario = loadBundledScenarios().find(
  (b) => b.scenario.id === 'distrustful-account',
)!.scenario;
const prep = prepared(scenario);
const [first, second] = scenario.situations;
const seed = 'into-1';

/**
 * step()'s state as the census keeps it: only the final score reads next year's outlook, so
 * before the last quarter stepInto leaves it unmeasured (NaN), a tenth of a step saved.
 */
function asTheCensusKeepsIt(state: SimState): SimState {
  const copy = structuredClone(state);
  if (copy.situationId !== null) copy.history.at(-1)!.metrics.outlook = Number.NaN;
  return copy;
}

describe('stepInto', () => {
  it('writes a quarter over a state from another line of play as step() would play it', () => {
    const a = playChoices(scenario, seed, [first!.choices[0]!.id]);
    const b = playChoices(scenario, seed, [first!.choices[2]!.id]);
    const situation = preparedSituation(prep, second!.id);
    const [x, y] = [situation.choices[0]!, situation.choices[1]!];
    const pooled = stepInto(prep, a, situation, x, null, marketOf(prep, a, luckOf(scenario, a)));
    expect(pooled).toEqual(asTheCensusKeepsIt(step(scenario, a, x.def.id, { trace: false })));
    // b's first quarter is not the one pooled holds: it must be copied in, not assumed
    const over = stepInto(prep, b, situation, y, pooled, marketOf(prep, b, luckOf(scenario, b)));
    expect(over).toBe(pooled);
    expect(over).toEqual(asTheCensusKeepsIt(step(scenario, b, y.def.id, { trace: false })));
  });

  it("measures next year's outlook at the last quarter, as step() does", () => {
    const before = scenario.situations.slice(0, -1).map((s) => s.choices[1]!.id);
    const a = playChoices(scenario, seed, before);
    const situation = preparedSituation(prep, a.situationId!);
    const last = situation.choices[2]!;
    const end = stepInto(prep, a, situation, last, null, marketOf(prep, a, luckOf(scenario, a)));
    expect(end.situationId).toBeNull();
    expect(end.history.at(-1)!.metrics.outlook).toBeGreaterThan(0);
    expect(end).toEqual(step(scenario, a, last.def.id, { trace: false }));
  });

  it('refuses a state to write over that is not one quarter after the one played from', () => {
    const a = playChoices(scenario, seed, [first!.choices[0]!.id]);
    const situation = preparedSituation(prep, second!.id);
    expect(() =>
      stepInto(
        prep,
        a,
        situation,
        situation.choices[0]!,
        a,
        marketOf(prep, a, luckOf(scenario, a)),
      ),
    ).toThrow(SimError);
  });
});

describe('lastQuarterInto', () => {
  // the census's last quarter: the state and the quarter's figures as step() gives them,
  // without the lists of reports and choices, which the walk keeps for itself
  const lastOf = (picks: number) =>
    playChoices(
      scenario,
      seed,
      scenario.situations.slice(0, -1).map((s) => s.choices[picks]!.id),
    );
  const figures = (state: SimState) => {
    const { history: _h, choices: _c, ...rest } = state;
    return rest;
  };

  it('plays the last quarter as step() does, also written over another line of play', () => {
    const a = lastOf(0);
    const b = lastOf(2);
    const situation = preparedSituation(prep, a.situationId!);
    const [x, y] = [situation.choices[1]!, situation.choices[2]!];
    const end = lastQuarterInto(
      prep,
      a,
      situation,
      x,
      null,
      marketOf(prep, a, luckOf(scenario, a)),
    );
    const played = step(scenario, a, x.def.id, { trace: false });
    expect(end.report).toEqual(played.history.at(-1));
    expect(figures(end.state)).toEqual(figures(played));
    const over = lastQuarterInto(
      prep,
      b,
      situation,
      y,
      end,
      marketOf(prep, b, luckOf(scenario, b)),
    );
    expect(over).toBe(end);
    const playedB = step(scenario, b, y.def.id, { trace: false });
    expect(over.report).toEqual(playedB.history.at(-1));
    expect(figures(over.state)).toEqual(figures(playedB));
  });

  it('refuses a reply that does not end the game', () => {
    const a = playChoices(scenario, seed, []);
    const situation = preparedSituation(prep, a.situationId!);
    const market = marketOf(prep, a, luckOf(scenario, a));
    expect(() => lastQuarterInto(prep, a, situation, situation.choices[0]!, null, market)).toThrow(
      SimError,
    );
  });
});
