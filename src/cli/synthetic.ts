import { stringify } from 'yaml';
import type { ChoiceDef, ScenarioDef, SituationDef } from '../sim/index.ts';

// A scenario of any shape, built from a real one's team, customer and events, for the
// bench and the tests: quarters × options strategies exist (options^quarters of them).
// The options cycle through the base scenario's own choices, so the numbers stay those
// of a real market, but every option stays distinct.

const KINDS = ['build', 'routine', 'crisis'] as const;

export function syntheticScenario(
  base: ScenarioDef,
  quarters: number,
  options: number,
): ScenarioDef {
  const pool: ChoiceDef[] = base.situations.flatMap((s) => s.choices);
  const situations: SituationDef[] = [];
  for (let q = 0; q < quarters; q++) {
    const choices: ChoiceDef[] = [];
    for (let o = 0; o < options; o++) {
      const model = pool[(q * options + o) % pool.length]!;
      const { next: _next, ...rest } = model;
      choices.push({ ...rest, id: `q${q + 1}o${o + 1}` });
    }
    situations.push({
      id: `s${q + 1}`,
      title: `Quarter ${q + 1}`,
      text: 'A synthetic decision.',
      kind: KINDS[q % KINDS.length]!,
      choices,
    });
  }
  return { ...base, id: `synthetic-${quarters}x${options}`, quarters, situations };
}

/**
 * The largest shape the tools must cope with (issue 14): 20 quarters of 6 replies, about
 * 3.7e15 strategies, built on a real scenario (silos in the tests and the bench).
 */
export function twentyBySix(base: ScenarioDef): ScenarioDef {
  return { ...syntheticScenario(base, 20, 6), id: 'twenty-by-six' };
}

/** A scenario written out as a file an author could have written: no params.styles. */
export function scenarioFileText(sc: ScenarioDef): string {
  const { styles: _styles, ...params } = sc.params;
  return stringify({ ...sc, params: { noise: params.noise } });
}
