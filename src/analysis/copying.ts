import { marketIndex, type ScenarioDef } from '../sim/index.ts';
import { ordinal, summarise } from './stats.ts';

// "Copying a colleague's replies": the best path of one market played on another, ranked
// among every strategy there. Strategy i is the same sequence of replies on every seed (the
// tree does not depend on the seed), so market B's score of A's best path is B's score of
// strategy bestIdx(A). Market variants (src/sim/market.ts) are what make a copy fail:
// across variants the right call differs; within one variant it mostly does not.

export const COPY_TARGETS = {
  /** a copy from a market of another variant: median percentile on the receiving market */
  crossMedian: 80,
  /** markets compared pairwise: enough for a steady figure, few enough to stay quick */
  markets: 40,
} as const;

export interface CopyingCheck {
  /** markets compared, pairwise both ways */
  markets: number;
  /** variants the scenario deals; 0 when every market starts alike */
  variants: number;
  /** median percentile of a copy from a market of another variant; null without variants */
  crossMedian: number | null;
  /** median percentile of a copy from a market of the same variant */
  sameMedian: number;
  /** share of all copies that reach the 90th percentile on the receiving market */
  reach90: number;
  /** share of copies between markets of the same variant */
  samePairs: number;
  pass: boolean;
}

/** Per cent of a market's strategies strictly below the value, by binary search. */
function percentileIn(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value - 1e-9) lo = mid + 1;
    else hi = mid;
  }
  return (lo / sorted.length) * 100;
}

/**
 * The copying figures over markets given by their seeds, every strategy's score on each
 * (same strategy order on every seed) and the index of each market's best strategy.
 */
export function copyingCheck(
  scenario: ScenarioDef,
  seeds: readonly string[],
  scores: readonly Float64Array[],
  bestIdx: readonly number[],
): CopyingCheck {
  const variants = scenario.markets?.length ?? 0;
  const variantOf = seeds.map((s) => marketIndex(scenario, s) ?? 0);
  const sorted = scores.map((s) => Float64Array.from(s).sort());
  const cross: number[] = [];
  const same: number[] = [];
  let reached = 0;
  for (let a = 0; a < seeds.length; a++) {
    for (let b = 0; b < seeds.length; b++) {
      if (a === b) continue;
      const p = percentileIn(sorted[b]!, scores[b]![bestIdx[a]!]!);
      if (p >= 90) reached++;
      (variantOf[a] === variantOf[b] ? same : cross).push(p);
    }
  }
  const pairs = cross.length + same.length;
  const crossMedian = cross.length === 0 ? null : summarise(cross).median;
  const reach90 = pairs === 0 ? 0 : reached / pairs;
  return {
    markets: seeds.length,
    variants,
    crossMedian,
    sameMedian: same.length === 0 ? 0 : summarise(same).median,
    reach90,
    samePairs: pairs === 0 ? 0 : same.length / pairs,
    // the server deals consecutive colleagues different variants, so the cross-variant
    // figure is the one that decides; reach90 (random pairs, as with static links) is said
    pass: crossMedian !== null && crossMedian <= COPY_TARGETS.crossMedian,
  };
}

/** The check in a facilitator's words. */
export function copyingWords(c: CopyingCheck): string {
  const r90 = `${Math.round(c.reach90 * 100)}%`;
  if (c.variants === 0 || c.crossMedian === null) {
    return `every market starts alike, so a colleague's replies carry over: a copied best path reaches the ${ordinal(Math.round(c.sameMedian))} percentile on another market (median), and ${r90} of copies reach the 90th. Give the scenario \`markets:\` (starting situations) to make each trainee read their own`;
  }
  return `a trainee who copies the best replies of a colleague dealt another starting situation lands at the ${ordinal(Math.round(c.crossMedian))} percentile (median; at most ${COPY_TARGETS.crossMedian}); with the same starting situation (${Math.round(c.samePairs * 100)}% of pairs of colleagues, with ${c.variants} variants) at the ${ordinal(Math.round(c.sameMedian))}. Over all pairs of colleagues taken at random (as with static links, where nothing rotates the variants), ${r90} of copies still reach the 90th percentile`;
}
