import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import type { RopeViewState } from '../../src/scenes/contract.ts';
import { initialState, type ScenarioDef, type SimState, step } from '../../src/sim/index.ts';

// The tutorial scenario and a few states of it, for the view's pure parts.

export const scenario: ScenarioDef = loadBundledScenarios().find(
  (s) => s.scenario.id === 'tutorial',
)!.scenario;

export function play(choices: string[], seed = '7'): SimState[] {
  const states = [initialState(scenario, seed)];
  for (const c of choices) states.push(step(scenario, states.at(-1)!, c));
  return states;
}

export function viewState(
  state: SimState,
  previous: SimState | null,
  playId: number,
  extra: Partial<RopeViewState> = {},
): RopeViewState {
  return { scenario, state, previous, playId, reducedMotion: false, skipped: false, ...extra };
}
