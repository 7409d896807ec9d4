import { DEFAULT_PASS_MARK, marketIndex, marketName, type ScenarioDef } from '../sim/index.ts';
import { ordinal, summarise } from './stats.ts';

// "Copying a colleague's replies": the best path of one market played on another, ranked
// among every strategy there. Strategy i is the same sequence of replies on every seed (the
// tree does not depend on the seed), so market B's score of A's best path is B's score of
// strategy i. Market variants (src/sim/market.ts) are what make a copy fail: across
// variants the right call differs; within one variant it mostly does not.
//
// The copy is graded as HR's tools grade it: the path copied is the census's best (the
// first strategy in the tree's order at the top whole-number score: what the debrief, the
// solver and a colleague at a fair score of 100 show), and its fair score on the receiving
// market is the share of strategies there with a lower whole-number score. Among paths
// within a fraction of a point of each other, one may suit another variant far better
// than the rest, so copying the raw-score best instead would miss copies that do pass.

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
  /** share of the copies from a market of another variant that reach HR's default pass mark */
  crossPassing: number;
  /** median percentile of a copy from a market of the same variant */
  sameMedian: number;
  /** share of all copies that reach the 90th percentile on the receiving market */
  reach90: number;
  /** share of copies between markets of the same variant */
  samePairs: number;
  /**
   * The order in which HR's server deals variants (each attempt the next in turn), so a
   * colleague who started just before was dealt the previous one: per variant, a copy of
   * its markets' best paths on the next variant's. Empty without variants.
   */
  dealtNext: DealtNext[];
  pass: boolean;
}

export interface DealtNext {
  from: string;
  to: string;
  /** the copy's fair score on the receiving market: median and highest over the pairs */
  median: number;
  worst: number;
  /** share of the pairs in which the copy reaches HR's default pass mark */
  passing: number;
}

/** The census's best path: the first strategy at the top whole-number score. */
export function copiedStrategy(scores: Float64Array): number {
  let at = 0;
  let top = Math.round(scores[0]!);
  for (let i = 1; i < scores.length; i++) {
    const v = Math.round(scores[i]!);
    if (v > top) {
      top = v;
      at = i;
    }
  }
  return at;
}

/**
 * A market's whole-number scores as counts below each whole number, so that the share of
 * strategies under a copy's score is one lookup: `below[v - lowest]` strategies score
 * under v. (Sorting every strategy's score of each market took longer than the check.)
 */
interface WholeScores {
  whole: Float64Array;
  lowest: number;
  below: Float64Array;
}

function wholeScores(scores: Float64Array): WholeScores {
  const whole = new Float64Array(scores.length);
  let lowest = Number.POSITIVE_INFINITY;
  let highest = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < scores.length; i++) {
    const v = Math.round(scores[i]!);
    whole[i] = v;
    if (v < lowest) lowest = v;
    if (v > highest) highest = v;
  }
  if (scores.length === 0) return { whole, lowest: 0, below: new Float64Array(1) };
  const counts = new Float64Array(highest - lowest + 2);
  for (let i = 0; i < whole.length; i++) counts[whole[i]! - lowest + 1]!++;
  for (let v = 1; v < counts.length; v++) counts[v]! += counts[v - 1]!;
  return { whole, lowest, below: counts };
}

/** Per cent of a market's whole-number scores strictly below `value`, a whole number. */
function percentileIn(market: WholeScores, value: number): number {
  const n = market.whole.length;
  const at = Math.min(Math.max(value - market.lowest, 0), market.below.length - 1);
  return (market.below[at]! / n) * 100;
}

/**
 * The copying figures over markets given by their seeds and every strategy's score on
 * each (same strategy order on every seed).
 */
export function copyingCheck(
  scenario: ScenarioDef,
  seeds: readonly string[],
  scores: readonly Float64Array[],
): CopyingCheck {
  const variants = scenario.markets?.length ?? 0;
  const variantOf = seeds.map((s) => marketIndex(scenario, s) ?? 0);
  const markets = scores.map(wholeScores);
  const copied = scores.map(copiedStrategy);
  const cross: number[] = [];
  const same: number[] = [];
  const next: number[][] = Array.from({ length: variants }, () => []);
  let reached = 0;
  for (let a = 0; a < seeds.length; a++) {
    for (let b = 0; b < seeds.length; b++) {
      if (a === b) continue;
      const p = percentileIn(markets[b]!, markets[b]!.whole[copied[a]!]!);
      if (p >= 90) reached++;
      (variantOf[a] === variantOf[b] ? same : cross).push(p);
      if (variants > 1 && variantOf[b] === (variantOf[a]! + 1) % variants) {
        next[variantOf[a]!]!.push(p);
      }
    }
  }
  const pairs = cross.length + same.length;
  const crossMedian = cross.length === 0 ? null : summarise(cross).median;
  const reach90 = pairs === 0 ? 0 : reached / pairs;
  return {
    markets: seeds.length,
    variants,
    crossMedian,
    crossPassing: passingShare(cross),
    sameMedian: same.length === 0 ? 0 : summarise(same).median,
    reach90,
    samePairs: pairs === 0 ? 0 : same.length / pairs,
    dealtNext: variants > 1 ? dealtNextOf(scenario, next) : [],
    // the server deals consecutive colleagues different variants, so the cross-variant
    // figure is the one that decides; reach90 (random pairs, as with static links) is said
    pass: crossMedian !== null && crossMedian <= COPY_TARGETS.crossMedian,
  };
}

function passingShare(fairs: readonly number[]): number {
  if (fairs.length === 0) return 0;
  return fairs.filter((f) => Math.round(f) >= DEFAULT_PASS_MARK).length / fairs.length;
}

function dealtNextOf(scenario: ScenarioDef, next: readonly number[][]): DealtNext[] {
  const markets = scenario.markets ?? [];
  const out: DealtNext[] = [];
  next.forEach((fairs, v) => {
    if (fairs.length === 0) return;
    out.push({
      from: marketName(markets[v]!),
      to: marketName(markets[(v + 1) % markets.length]!),
      median: summarise(fairs).median,
      worst: Math.max(...fairs),
      passing: passingShare(fairs),
    });
  });
  return out;
}

/** Where a copy from one variant lands on the next, in a facilitator's words. */
export function dealtNextLine(d: DealtNext): string {
  return `${d.from} → ${d.to}: ${ordinal(Math.round(d.median))} (median), worst the ${ordinal(Math.round(d.worst))}, ${Math.round(d.passing * 100)}% at or above ${DEFAULT_PASS_MARK}`;
}

export const DEALT_NEXT_INTRO =
  "HR's server deals the starting situations in turn, so a colleague who started just before was dealt the previous one. Her best path typed in lands at";

/** Per variant, in the server's order, where a copy from the one dealt before lands. */
export function dealtNextWords(c: CopyingCheck): string {
  return `${DEALT_NEXT_INTRO}: ${c.dealtNext.map(dealtNextLine).join('; ')}`;
}

/** The check in a facilitator's words. */
export function copyingWords(c: CopyingCheck): string {
  const r90 = `${Math.round(c.reach90 * 100)}%`;
  if (c.variants === 0 || c.crossMedian === null) {
    return `every market starts alike, so a colleague's replies carry over: a copied best path reaches the ${ordinal(Math.round(c.sameMedian))} percentile on another market (median), and ${r90} of copies reach the 90th. Give the scenario \`markets:\` (starting situations) to make each trainee read their own`;
  }
  return `a trainee who copies the best replies of a colleague dealt another starting situation lands at the ${ordinal(Math.round(c.crossMedian))} percentile (median; at most ${COPY_TARGETS.crossMedian}), and ${Math.round(c.crossPassing * 100)}% of such copies reach a pass mark of ${DEFAULT_PASS_MARK}; with the same starting situation (${Math.round(c.samePairs * 100)}% of pairs of colleagues, with ${c.variants} variants) at the ${ordinal(Math.round(c.sameMedian))}. Over all pairs of colleagues taken at random (as with static links, where nothing rotates the variants), ${r90} of copies still reach the 90th percentile`;
}
