import { SimError, situationById } from './prepared.ts';
import type { RngState } from './rng.ts';
import { seedRng } from './rng.ts';
import { rawScoreByTerms, score, termsOf } from './score.ts';
import { shownOrder } from './shown-order.ts';
import type { SimState } from './state.ts';
import { initialState, playChoices, type StepOptions, step } from './step.ts';
import { census, randomChoice, type StrategyCensus } from './strategies.ts';
import type { ScenarioDef } from './types.ts';

// Fixed ways of playing: par lines beside a player's result, the CLI's --policy, and the
// balance gates, which check that no way of playing that reads labels, positions or only
// the next quarter comes near the best path.

/** Policies by name; any style id of the scenario is a policy too ("always that style"). */
export const NAMED_POLICIES = ['first-shown', 'crisis-rule', 'greedy', 'random'] as const;
export type PolicyName = string;
/** Kept for callers that list the policies every scenario has. */
export const POLICIES: readonly string[] = ['directive', 'collaborative', ...NAMED_POLICIES];

export interface PolicyRun {
  policy: string;
  choices: string[];
  score: number;
  state: SimState;
}

/** The policies a scenario can be played with: the named ones and one per style. */
export function policiesOf(scenario: ScenarioDef): string[] {
  return [...NAMED_POLICIES, ...scenario.styles];
}

/**
 * The first reply of the given style in the order the player sees them; the first reply
 * shown where there is none. A trainee who plays by a label takes the first button that
 * carries it, so the order of the scenario file must not decide which one that is.
 */
export function styleChoice(scenario: ScenarioDef, state: SimState, style: string): string {
  const shown = shownChoices(scenario, state);
  return (shown.find((x) => x.style === style) ?? shown[0]!).id;
}

function firstShown(scenario: ScenarioDef, state: SimState): string {
  return shownChoices(scenario, state)[0]!.id;
}

function shownChoices(scenario: ScenarioDef, state: SimState) {
  const s = situationById(scenario, state.situationId!);
  return shownOrder(scenario.id, state.seed, s.id, s.choices);
}

/** The reply after which the game, were it to end there, would score highest. */
function greedyChoice(scenario: ScenarioDef, state: SimState): string {
  const s = situationById(scenario, state.situationId!);
  const terms = termsOf(scenario.rubric);
  let best = s.choices[0]!.id;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const c of s.choices) {
    const value = rawScoreByTerms(terms, step(scenario, state, c.id, { trace: false }));
    if (value > bestScore) {
      bestScore = value;
      best = c.id;
    }
  }
  return best;
}

/** Collaborative, unless the situation is a crisis: then directive. The label-reader's rule. */
function crisisRuleChoice(scenario: ScenarioDef, state: SimState): string {
  const s = situationById(scenario, state.situationId!);
  return styleChoice(scenario, state, s.kind === 'crisis' ? 'directive' : 'collaborative');
}

/**
 * A rule that changes style once: `first` for the first `quarters` decisions, then `then`
 * ("collaborative-for-2-then-hands-off"). A trainee can follow it without reading a word,
 * so it must not come near the best path either; the balance report watches these rules.
 */
export interface SwitchRule {
  first: string;
  quarters: number;
  then: string;
}

const SWITCH_NAME = /^(.+)-for-(\d+)-then-(.+)$/;

export const switchPolicyName = (r: SwitchRule): string =>
  `${r.first}-for-${r.quarters}-then-${r.then}`;

/** The switching rule a policy name spells, whatever the scenario; null for another name. */
export function switchRuleNamed(policy: string): SwitchRule | null {
  const m = SWITCH_NAME.exec(policy);
  if (!m) return null;
  const [, first, quarters, then] = m as unknown as [string, string, string, string];
  return { first, quarters: Number(quarters), then };
}

/** The switching rule a policy name spells, where it names two styles of the scenario. */
export function switchRuleOf(scenario: ScenarioDef, policy: string): SwitchRule | null {
  const rule = switchRuleNamed(policy);
  if (rule === null) return null;
  const { first, quarters, then } = rule;
  const styles = scenario.styles;
  if (!styles.includes(first) || !styles.includes(then) || first === then) return null;
  if (!Number.isInteger(quarters) || quarters < 1 || quarters >= scenario.quarters) return null;
  return rule;
}

/** Every rule that changes from one of the scenario's styles to another after 1..quarters−1 decisions. */
export function switchPolicies(scenario: ScenarioDef): string[] {
  const names: string[] = [];
  for (const first of scenario.styles) {
    for (const then of scenario.styles) {
      if (first === then) continue;
      for (let k = 1; k < scenario.quarters; k++) {
        names.push(switchPolicyName({ first, quarters: k, then }));
      }
    }
  }
  return names;
}

export function isPolicy(scenario: ScenarioDef, policy: string): boolean {
  return (
    (NAMED_POLICIES as readonly string[]).includes(policy) ||
    scenario.styles.includes(policy) ||
    switchRuleOf(scenario, policy) !== null
  );
}

export function playPolicy(
  scenario: ScenarioDef,
  seed: string,
  policy: string,
  options: StepOptions = {},
): PolicyRun {
  if (!isPolicy(scenario, policy)) {
    throw new SimError(
      `unknown policy "${policy}"; this scenario's policies are ${policiesOf(scenario).join(', ')}, or a style for some quarters then another (${switchPolicies(scenario)[0] ?? 'none here'})`,
    );
  }
  return playRule(scenario, seed, policy, options);
}

/**
 * A policy played without asking whether the scenario names it: a style the scenario does
 * not use is "the first reply shown" at every decision, which is how the par lines play
 * "always directive" on a scenario whose styles are its own.
 */
function playRule(
  scenario: ScenarioDef,
  seed: string,
  policy: string,
  options: StepOptions = {},
): PolicyRun {
  let state = initialState(scenario, seed);
  let rng: RngState = seedRng(`policy|${seed}`);
  const switching = switchRuleOf(scenario, policy);
  while (state.situationId !== null) {
    let choiceId: string;
    if (policy === 'random') {
      const pick = randomChoice(state, scenario, rng);
      rng = pick.rng;
      choiceId = pick.choiceId;
    } else if (policy === 'first-shown') {
      choiceId = firstShown(scenario, state);
    } else if (policy === 'greedy') {
      choiceId = greedyChoice(scenario, state);
    } else if (policy === 'crisis-rule') {
      choiceId = crisisRuleChoice(scenario, state);
    } else if (switching !== null) {
      const style = state.quarter < switching.quarters ? switching.first : switching.then;
      choiceId = styleChoice(scenario, state, style);
    } else {
      choiceId = styleChoice(scenario, state, policy);
    }
    state = step(scenario, state, choiceId, options);
  }
  return { policy, choices: state.choices, score: score(scenario.rubric, state), state };
}

/**
 * Improves a line one decision at a time (every other option at every quarter, the rest
 * of the line kept where it still fits) until no single change raises the score. Used
 * where the census was a sample, so its best line may not be the very best.
 */
function polish(scenario: ScenarioDef, seed: string, choices: string[]): PolicyRun {
  let bestChoices = choices;
  let best = playChoices(scenario, seed, choices);
  let bestScore = score(scenario.rubric, best);
  for (let improved = true; improved; ) {
    improved = false;
    for (let k = 0; k < bestChoices.length; k++) {
      const prefix = playChoices(scenario, seed, bestChoices.slice(0, k));
      const current = bestChoices[k];
      const later = bestChoices.slice(k + 1);
      for (const option of situationById(scenario, prefix.situationId!).choices) {
        if (option.id === current) continue;
        const state = continueLine(scenario, step(scenario, prefix, option.id), later);
        const value = score(scenario.rubric, state);
        if (value > bestScore) {
          bestScore = value;
          best = state;
          bestChoices = state.choices;
          improved = true;
        }
      }
    }
  }
  return { policy: 'best', choices: bestChoices, score: bestScore, state: best };
}

/** Plays on from `state`, taking the planned choices where they fit, else the first option. */
export function continueLine(
  scenario: ScenarioDef,
  from: SimState,
  planned: readonly string[],
): SimState {
  let state = from;
  let i = 0;
  while (state.situationId !== null) {
    const s = situationById(scenario, state.situationId);
    const want = planned[i++];
    const c = s.choices.find((x) => x.id === want) ?? s.choices[0]!;
    state = step(scenario, state, c.id);
  }
  return state;
}

/**
 * The best path on this seed: the census's best strategy where every strategy was
 * played (exact: no strategy scores higher), else the best of the sample and the fixed
 * styles, polished one decision at a time (good, not proven best).
 */
export function bestPath(scenario: ScenarioDef, seed: string, c?: StrategyCensus): PolicyRun {
  const found = c ?? census(scenario, seed);
  if (found.exhaustive) {
    const state = playChoices(scenario, seed, found.best.choices);
    return { policy: 'best', choices: state.choices, score: found.best.score, state };
  }
  // start from the best of the sample and the two fixed styles, so the best path is
  // never below a par line
  const starts = [
    found.best.choices,
    ...scenario.styles.map((style) => playRule(scenario, seed, style).choices),
  ];
  const scored = starts.map((c) => ({
    c,
    s: score(scenario.rubric, playChoices(scenario, seed, c)),
  }));
  const start = scored.reduce((a, b) => (b.s > a.s ? b : a));
  return polish(scenario, seed, start.c);
}

export interface ParLine {
  policy: 'directive' | 'collaborative' | 'best';
  choices: string[];
  score: number;
}

/** The par lines shown beside a player's result: always directive, always collaborative, best. */
export function parLines(scenario: ScenarioDef, seed: string, c?: StrategyCensus): ParLine[] {
  const line = (run: PolicyRun, policy: ParLine['policy']): ParLine => ({
    policy,
    choices: run.choices,
    score: run.score,
  });
  return [
    line(playRule(scenario, seed, 'directive'), 'directive'),
    line(playRule(scenario, seed, 'collaborative'), 'collaborative'),
    line(bestPath(scenario, seed, c), 'best'),
  ];
}
