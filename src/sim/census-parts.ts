import { nextSituationId, situationById } from './prepared.ts';
import { initialState, step } from './step.ts';
import {
  countStrategiesFrom,
  emptyCensus,
  everyStrategyFrom,
  type StrategyCensus,
} from './strategies.ts';
import type { ScenarioDef } from './types.ts';

// A census cut into parts, so that several threads can share one: each part holds the
// strategies that begin with one prefix of choices, and the parts, made one in the tree's
// order, are the census of the whole tree to the last figure (the same histogram, and the
// same best and worst strategies, the first of each in choice order).

/** Every list of `depth` choices the game can begin with (shorter where it ends first), in the tree's order. */
export function prefixesAt(scenario: ScenarioDef, depth: number): string[][] {
  const out: string[][] = [];
  const extend = (prefix: string[], id: string | null): void => {
    if (id === null || prefix.length === depth) {
      out.push(prefix);
      return;
    }
    const s = situationById(scenario, id);
    for (const c of s.choices) extend([...prefix, c.id], nextSituationId(scenario, s, c));
  };
  extend([], scenario.situations[0]?.id ?? null);
  return out;
}

/** The census of the strategies that begin with `prefix`, every one of them played. */
export function censusPart(
  scenario: ScenarioDef,
  seed: string,
  prefix: readonly string[],
): StrategyCensus {
  let state = initialState(scenario, seed);
  for (const id of prefix) state = step(scenario, state, id, { trace: false });
  const total = state.situationId === null ? 1 : countStrategiesFrom(scenario, state.situationId);
  return everyStrategyFrom(scenario, state, total);
}

/** Censuses of consecutive parts of one tree, given in the tree's order, made one. */
export function mergeCensuses(parts: readonly StrategyCensus[]): StrategyCensus {
  const out = emptyCensus(0, true);
  for (const part of parts) {
    out.count += part.count;
    out.total += part.total;
    out.exhaustive &&= part.exhaustive;
    for (let s = 0; s < out.histogram.length; s++) out.histogram[s]! += part.histogram[s] ?? 0;
    // strictly better only: on a tie the earlier part's strategy comes first in choice order
    if (part.best.score > out.best.score) out.best = part.best;
    if (part.worst.score < out.worst.score) out.worst = part.worst;
  }
  return out;
}
