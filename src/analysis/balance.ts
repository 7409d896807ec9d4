import { counted } from '../lib/counted.ts';
import {
  census,
  countStrategies,
  initialState,
  nextSituationId,
  playPolicy,
  type ScenarioDef,
  score,
  situationById,
  step,
  styleChoice,
} from '../sim/index.ts';
import { GOOD_MARGIN } from './gates.ts';
import {
  type Candidate,
  choiceKey,
  exhaustiveSearch,
  FAST,
  type SeedSearch,
  sampledSearch,
} from './search.ts';
import { mean, type Summary, summarise } from './stats.ts';

// The balance report of a scenario over many seeds: how each fixed way of playing fares,
// how much of the score is luck, which choices and situations no good game uses, and
// whether one style wins everywhere (a scenario that teaches nothing). It is pure, and
// built one seed at a time so that a page can run it in slices and stay responsive.

export interface BalanceOptions {
  /** above this many strategies per seed, search by beam and sample instead of walking all */
  exhaustiveLimit?: number;
  beamWidth?: number;
  /** random players per seed for the variance estimate, when not exhaustive */
  samples?: number;
  /** seeds on which the beam's best is checked against a complete census */
  checkSeeds?: number;
  /** a path is "good" when it scores within this many points of the seed's best */
  goodMargin?: number;
  /** a style that is strictly best on at least this share of seeds is flagged */
  dominance?: number;
}

/** above this many strategies the beam's best is not checked against a complete census */
export const CHECK_LIMIT = 200_000;

export const BALANCE_DEFAULTS: Required<BalanceOptions> = {
  exhaustiveLimit: 1000,
  beamWidth: 12,
  samples: 12,
  checkSeeds: 8,
  goodMargin: GOOD_MARGIN,
  dominance: 2 / 3,
};

export interface PolicyResult {
  /** "directive", "collaborative", … (always that style), "random" or "best" */
  policy: string;
  label: string;
  scores: number[];
  summary: Summary;
}

export interface VarianceSplit {
  /** variance of the score among random players over all seeds */
  total: number;
  /** part explained by the seed: variance of each seed's mean score */
  seed: number;
  /** part explained by the choices: mean of each seed's variance */
  choices: number;
  /** seed / total, 0..1 */
  seedShare: number;
  exact: boolean;
}

export interface UnusedChoice {
  situation: string;
  choice: string;
  label: string;
  style: string;
}

export interface Unreached {
  situation: string;
  title: string;
  reason: string;
}

export interface BalanceReport {
  scenario: { id: string; title: string };
  seeds: string[];
  strategiesPerSeed: number;
  search:
    | { kind: 'exhaustive' }
    | {
        kind: 'beam';
        width: number;
        samples: number;
        checked: number;
        matched: number;
        worstGap: number;
      };
  policies: PolicyResult[];
  variance: VarianceSplit;
  /** for each fixed style, the seeds on which it scored strictly above every other style */
  styleWins: Record<string, number>;
  /** seeds on which a fixed style reached the best path's score */
  styleMatchesBest: Record<string, number>;
  goodMargin: number;
  unusedChoices: UnusedChoice[];
  unreached: Unreached[];
  warnings: string[];
  /** milliseconds spent, for the reader's information */
  elapsedMs: number;
}

function reachable(scenario: ScenarioDef): Set<string> {
  const seen = new Set<string>();
  const todo = [scenario.situations[0]?.id].filter((x): x is string => x !== undefined);
  while (todo.length) {
    const id = todo.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const s = situationById(scenario, id);
    for (const c of s.choices) {
      const n = nextSituationId(scenario, s, c);
      if (n !== null) todo.push(n);
    }
  }
  return seen;
}

function styleRun(scenario: ScenarioDef, seed: string, style: string): number {
  // the rule of playPolicy (the first reply of the style shown), played untraced
  let state = initialState(scenario, seed);
  while (state.situationId !== null) {
    state = step(scenario, state, styleChoice(scenario, state, style), FAST);
  }
  return score(scenario.rubric, state);
}

export class BalanceRun {
  readonly opts: Required<BalanceOptions>;
  readonly strategies: number;
  readonly exhaustive: boolean;
  private readonly started = Date.now();
  private readonly seeds: string[] = [];
  private readonly styleScores = new Map<string, number[]>();
  private readonly randomScores: number[] = [];
  private readonly bestScores: number[] = [];
  private readonly seedMeans: number[] = [];
  private readonly seedVars: number[] = [];
  private readonly goodChoices = new Set<string>();
  private readonly playedSituations = new Set<string>();
  private checked = 0;
  private matched = 0;
  private worstGap = 0;

  constructor(
    readonly scenario: ScenarioDef,
    opts: BalanceOptions = {},
  ) {
    this.opts = { ...BALANCE_DEFAULTS, ...opts };
    this.strategies = countStrategies(scenario);
    this.exhaustive = this.strategies <= this.opts.exhaustiveLimit;
    for (const style of scenario.styles) this.styleScores.set(style, []);
  }

  get done(): number {
    return this.seeds.length;
  }

  add(seed: string): void {
    const { scenario, opts } = this;
    this.seeds.push(seed);
    const found: SeedSearch = this.exhaustive
      ? exhaustiveSearch(scenario, seed)
      : sampledSearch(scenario, seed, opts.beamWidth, opts.samples);
    let best = found.best.score;
    for (const [style, list] of this.styleScores) {
      const s = styleRun(scenario, seed, style);
      list.push(s);
      best = Math.max(best, s);
    }
    this.randomScores.push(playPolicy(scenario, seed, 'random').score);
    // the beam's best is checked against every strategy only where walking them all ends
    // soon: a 20-quarter, 6-reply scenario has 3.7e15 of them
    if (!this.exhaustive && this.checked < opts.checkSeeds && this.strategies <= CHECK_LIMIT) {
      const truth = census(scenario, seed, { exhaustiveLimit: Number.POSITIVE_INFINITY }).best
        .score;
      this.checked++;
      if (truth === best) this.matched++;
      this.worstGap = Math.max(this.worstGap, truth - best);
      best = Math.max(best, truth);
    }
    this.bestScores.push(best);
    this.seedMeans.push(found.randomMean);
    this.seedVars.push(found.randomVar);
    for (const c of found.candidates) this.record(c, best);
  }

  private record(c: Candidate, best: number): void {
    for (const s of c.situations) this.playedSituations.add(s);
    if (c.score < best - this.opts.goodMargin) return;
    c.choices.forEach((choice, i) => {
      this.goodChoices.add(choiceKey(c.situations[i]!, choice));
    });
  }

  private varianceSplit(): VarianceSplit {
    const n = this.seedMeans.length;
    const within = mean(this.seedVars);
    const m = mean(this.seedMeans);
    let between = 0;
    for (const x of this.seedMeans) between += (x - m) ** 2;
    if (this.exhaustive) {
      between /= Math.max(1, n);
    } else {
      // one-way random-effects ANOVA: the spread of sample means overstates the spread of
      // the true means by within/samples, so that much is taken off (never below zero)
      between = Math.max(0, between / Math.max(1, n - 1) - within / this.opts.samples);
    }
    const total = between + within;
    return {
      total,
      seed: between,
      choices: within,
      seedShare: total > 0 ? between / total : 0,
      exact: this.exhaustive,
    };
  }

  result(): BalanceReport {
    const { scenario, opts } = this;
    return assembleReport(scenario, opts, {
      seeds: this.seeds,
      strategies: this.strategies,
      styleScores: this.styleScores,
      randomScores: this.randomScores,
      bestScores: this.bestScores,
      bestLabel: this.exhaustive ? 'best path' : 'best path found',
      variance: this.varianceSplit(),
      goodChoices: this.goodChoices,
      playedSituations: this.playedSituations,
      search: this.exhaustive
        ? { kind: 'exhaustive' }
        : {
            kind: 'beam',
            width: opts.beamWidth,
            samples: opts.samples,
            checked: this.checked,
            matched: this.matched,
            worstGap: this.worstGap,
          },
      elapsedMs: Date.now() - this.started,
    });
  }
}

/** What a balance report is made from, however the seeds were played. */
export interface ReportInput {
  seeds: readonly string[];
  strategies: number;
  /** each fixed style's score on each seed, in the seeds' order */
  styleScores: ReadonlyMap<string, readonly number[]>;
  randomScores: readonly number[];
  bestScores: readonly number[];
  bestLabel: string;
  variance: VarianceSplit;
  /** choiceKey of every reply on a good path (within goodMargin of a seed's best) */
  goodChoices: ReadonlySet<string>;
  playedSituations: ReadonlySet<string>;
  search: BalanceReport['search'];
  elapsedMs: number;
}

/** The report, its comparisons and its warnings, from the figures of every seed. */
export function assembleReport(
  scenario: ScenarioDef,
  opts: Required<BalanceOptions>,
  input: ReportInput,
): BalanceReport {
  const { styleScores, randomScores, bestScores, variance } = input;
  const policies: PolicyResult[] = [];
  for (const [style, scores] of styleScores) {
    policies.push({
      policy: style,
      label: `always ${style}`,
      scores: [...scores],
      summary: summarise(scores),
    });
  }
  policies.push({
    policy: 'random',
    label: 'random choices',
    scores: [...randomScores],
    summary: summarise(randomScores),
  });
  policies.push({
    policy: 'best',
    label: input.bestLabel,
    scores: [...bestScores],
    summary: summarise(bestScores),
  });

  const styleWins: Record<string, number> = {};
  const styleMatchesBest: Record<string, number> = {};
  const styles = [...styleScores.keys()];
  for (const s of styles) {
    styleWins[s] = 0;
    styleMatchesBest[s] = 0;
  }
  input.seeds.forEach((_, i) => {
    const row = styles.map((s) => styleScores.get(s)![i]!);
    const top = Math.max(...row);
    const winners = styles.filter((_, j) => row[j] === top);
    if (winners.length === 1) styleWins[winners[0]!]!++;
    styles.forEach((s, j) => {
      if (row[j] === bestScores[i]) styleMatchesBest[s]!++;
    });
  });

  const reach = reachable(scenario);
  const unreached: Unreached[] = [];
  for (const s of scenario.situations) {
    if (!reach.has(s.id)) {
      unreached.push({ situation: s.id, title: s.title, reason: 'no choice leads here' });
    } else if (!input.playedSituations.has(s.id)) {
      unreached.push({
        situation: s.id,
        title: s.title,
        reason: 'no game in this report came here',
      });
    }
  }
  const unusedChoices: UnusedChoice[] = [];
  for (const s of scenario.situations) {
    if (!reach.has(s.id)) continue;
    for (const c of s.choices) {
      if (!input.goodChoices.has(choiceKey(s.id, c.id))) {
        unusedChoices.push({ situation: s.id, choice: c.id, label: c.label, style: c.style });
      }
    }
  }

  const n = input.seeds.length;
  const warnings: string[] = [];
  const pct = (k: number) => `${Math.round((k / Math.max(1, n)) * 100)}%`;
  for (const s of styles) {
    if (n > 0 && styleWins[s]! / n >= opts.dominance) {
      // how far the best path stays above the dominant style says whether picking the
      // moment for another style still pays, or whether the style alone decides
      const gap = mean(bestScores) - mean(styleScores.get(s)!);
      warnings.push(
        `"always ${s}" beats every other fixed style on ${pct(styleWins[s]!)} of seeds: one style dominates, so the scenario teaches little about choosing between them` +
          (gap >= 3
            ? ` (the best path still scores ${gap.toFixed(1)} points more on average: mixing styles at the right moment pays).`
            : ` (and the best path is only ${gap.toFixed(1)} points above it).`),
      );
    }
    if (n > 0 && styleMatchesBest[s]! / n >= 0.5) {
      warnings.push(
        `"always ${s}" scores as well as the best path on ${pct(styleMatchesBest[s]!)} of seeds: a player need not think.`,
      );
    }
  }
  if (variance.seedShare > 0.5) {
    warnings.push(
      `${Math.round(variance.seedShare * 100)}% of the score's variance comes from the seed: luck matters more than choices; grade on the percentile.`,
    );
  }
  if (unusedChoices.length > 0) {
    warnings.push(
      `${counted(unusedChoices.length, 'choice')} never ${unusedChoices.length === 1 ? 'appears' : 'appear'} on a good path (within ${counted(opts.goodMargin, 'point')} of the best).`,
    );
  }
  for (const u of unreached) warnings.push(`situation "${u.situation}": ${u.reason}.`);

  return {
    scenario: { id: scenario.id, title: scenario.title },
    seeds: [...input.seeds],
    strategiesPerSeed: input.strategies,
    search: input.search,
    policies,
    variance,
    styleWins,
    styleMatchesBest,
    goodMargin: opts.goodMargin,
    unusedChoices,
    unreached,
    warnings,
    elapsedMs: input.elapsedMs,
  };
}

export const seedList = (count: number): string[] =>
  Array.from({ length: count }, (_, i) => String(i + 1));

/** The whole report in one call (the CLI and tests); the page drives BalanceRun in slices. */
export function balanceReport(
  scenario: ScenarioDef,
  seeds: readonly string[],
  opts: BalanceOptions = {},
): BalanceReport {
  const run = new BalanceRun(scenario, opts);
  for (const s of seeds) run.add(s);
  return run.result();
}
