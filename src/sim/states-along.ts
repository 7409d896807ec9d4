import type { SimState } from './state.ts';
import { initialState, step } from './step.ts';
import type { ScenarioDef } from './types.ts';

/** Every state along a line of choices, from the start: for a timeline of the ropes. */
export function statesAlong(
  scenario: ScenarioDef,
  seed: string,
  choices: readonly string[],
): SimState[] {
  const out = [initialState(scenario, seed)];
  for (const c of choices) out.push(step(scenario, out.at(-1)!, c));
  return out;
}
