import {
  initialState,
  type RngState,
  randomChoice,
  type ScenarioDef,
  type SimState,
  score,
  seedRng,
  situationById,
  step,
} from '../sim/index.ts';

// What one seed's market allows: the best path, the choices taken by good paths, and the
// spread of scores among random players. Small scenarios are walked completely; larger ones
// (3^8 = 6,561 strategies per seed is ~130 ms in Node, too slow for 1,000 seeds) use a beam
// search for the best path and a sample of random players for the spread.

/** The report needs outcomes only: skipping the causes makes a step markedly cheaper. */
export const FAST = { trace: false } as const;

/** A choice as "situation/choice": choice ids need only be unique inside a situation. */
export const choiceKey = (situation: string, choice: string) => `${situation}/${choice}`;

export interface Candidate {
  score: number;
  choices: string[];
  /** situation ids in the order met */
  situations: string[];
}

export interface SeedSearch {
  best: Candidate;
  /** every complete strategy the search looked at (all of them when exact) */
  candidates: Candidate[];
  /** mean and variance of the score of a player who picks uniformly at every decision */
  randomMean: number;
  randomVar: number;
  /** exact: the mean and variance above are the true ones for this seed; else a sample of `samples` */
  exact: boolean;
  samples: number;
}

function keysOf(state: SimState): { choices: string[]; situations: string[] } {
  return {
    choices: state.history.map((h) => h.choiceId),
    situations: state.history.map((h) => h.situationId),
  };
}

function finish(scenario: ScenarioDef, state: SimState): Candidate {
  return { score: score(scenario.rubric, state), ...keysOf(state) };
}

/**
 * Every strategy, depth first. Each leaf is weighted by the chance that a player picking
 * uniformly at every decision plays it, so that branching scenarios (where a choice leads
 * to a shorter or longer path) give the same figures as the sampled estimate would.
 */
export function exhaustiveSearch(scenario: ScenarioDef, seed: string): SeedSearch {
  const candidates: Candidate[] = [];
  let wSum = 0;
  let m1 = 0;
  let m2 = 0;
  const walk = (state: SimState, weight: number): void => {
    if (state.situationId === null) {
      const c = finish(scenario, state);
      candidates.push(c);
      wSum += weight;
      m1 += weight * c.score;
      m2 += weight * c.score * c.score;
      return;
    }
    const options = situationById(scenario, state.situationId).choices;
    for (const c of options) walk(step(scenario, state, c.id, FAST), weight / options.length);
  };
  walk(initialState(scenario, seed), 1);
  const randomMean = m1 / wSum;
  const best = candidates.reduce((a, b) => (b.score > a.score ? b : a));
  return {
    best,
    candidates,
    randomMean,
    randomVar: Math.max(0, m2 / wSum - randomMean * randomMean),
    exact: true,
    samples: candidates.length,
  };
}

/**
 * Beam search: after each decision keep the `width` partial games whose score so far is
 * highest. It can miss a path that looks poor early and pays late; the report measures
 * how often that happens against a complete census on a few seeds.
 */
export function beamSearch(scenario: ScenarioDef, seed: string, width: number): Candidate[] {
  let beam: SimState[] = [initialState(scenario, seed)];
  const done: Candidate[] = [];
  while (beam.length > 0) {
    const next: { state: SimState; value: number }[] = [];
    for (const state of beam) {
      if (state.situationId === null) {
        done.push(finish(scenario, state));
        continue;
      }
      for (const c of situationById(scenario, state.situationId).choices) {
        const s = step(scenario, state, c.id, FAST);
        next.push({ state: s, value: score(scenario.rubric, s) });
      }
    }
    // a stable sort keeps the scenario's own order among ties: the same beam everywhere
    next.sort((a, b) => b.value - a.value);
    beam = next.slice(0, width).map((n) => n.state);
  }
  return done;
}

export function randomPlayers(scenario: ScenarioDef, seed: string, count: number): Candidate[] {
  let rng: RngState = seedRng(`balance|${scenario.id}|${seed}`);
  const start = initialState(scenario, seed);
  const out: Candidate[] = [];
  for (let i = 0; i < count; i++) {
    let state = start;
    while (state.situationId !== null) {
      const pick = randomChoice(state, scenario, rng);
      rng = pick.rng;
      state = step(scenario, state, pick.choiceId, FAST);
    }
    out.push(finish(scenario, state));
  }
  return out;
}

export function sampledSearch(
  scenario: ScenarioDef,
  seed: string,
  width: number,
  samples: number,
): SeedSearch {
  const random = randomPlayers(scenario, seed, samples);
  const candidates = [...beamSearch(scenario, seed, width), ...random];
  const best = candidates.reduce((a, b) => (b.score > a.score ? b : a));
  const m = random.reduce((s, c) => s + c.score, 0) / random.length;
  // n − 1: an unbiased estimate of this seed's variance among random players
  const v = random.reduce((s, c) => s + (c.score - m) ** 2, 0) / Math.max(1, random.length - 1);
  return { best, candidates, randomMean: m, randomVar: v, exact: false, samples };
}
