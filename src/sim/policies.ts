import type { RngState } from './rng.ts';
import { seedRng } from './rng.ts';
import { score } from './score.ts';
import type { SimState } from './state.ts';
import { initialState, situationById, step } from './step.ts';
import { randomChoice } from './strategies.ts';
import type { ScenarioDef } from './types.ts';

// Fixed ways of playing, used as par lines beside a player's result and by the CLI.

export type PolicyName = 'directive' | 'collaborative' | 'random';
export const POLICIES: readonly PolicyName[] = ['directive', 'collaborative', 'random'];

export interface PolicyRun {
  policy: string;
  choices: string[];
  score: number;
  state: SimState;
}

/** Always the first choice of the given style; the first choice where there is none. */
function styleChoice(scenario: ScenarioDef, state: SimState, style: string): string {
  const s = situationById(scenario, state.situationId!);
  return (s.choices.find((c) => c.style === style) ?? s.choices[0]!).id;
}

export function playPolicy(scenario: ScenarioDef, seed: string, policy: PolicyName): PolicyRun {
  let state = initialState(scenario, seed);
  let rng: RngState = seedRng(`policy|${seed}`);
  while (state.situationId !== null) {
    let choiceId: string;
    if (policy === 'random') {
      const pick = randomChoice(state, scenario, rng);
      rng = pick.rng;
      choiceId = pick.choiceId;
    } else {
      choiceId = styleChoice(scenario, state, policy);
    }
    state = step(scenario, state, choiceId);
  }
  return { policy, choices: state.choices, score: score(scenario.rubric, state), state };
}
