import {
  countStrategies,
  marketVariant,
  playPolicy,
  policiesOf,
  rawScoreByTerms,
  type ScenarioDef,
  switchPolicies,
  termsOf,
} from '../sim/index.ts';
import { COPY_TARGETS, type CopyingCheck, copyingCheck } from './copying.ts';
import { capitalise, GATE_FIXES, GATE_QUESTIONS, policyPlayer, switchWords } from './gate-words.ts';
import { kthSmallest, mean, summarise, variance } from './stats.ts';

import { type StrategyTree, seedScores, strategyTree } from './tree.ts';

// The balance gates: what a scenario must show before it teaches judgement rather than
// label-reading. Every strategy is played on every seed; the targets are the project's
// (DESIGN.md, "Model 2"), and the report says in plain words which pass and why.

export const GATE_TARGETS = {
  /** a label-reading policy's median percentile on its own seeds must not exceed this */
  policyPercentile: 70,
  /** …and its mean score must stay this many points under the best path's mean */
  policyGap: 8,
  /** share of situations in which the usual best reply must often be wrong */
  judgedSituations: 0.5,
  /** …wrong in at least this share of the contexts reachable there */
  contextShare: 0.3,
  /** every reply must lie on a top-decile strategy on at least this share of seeds */
  liveChoiceSeeds: 0.05,
  topShare: 0.1,
  /** at most this share of the score's variance may come from the seed */
  seedShare: 0.25,
} as const;

/** A way of playing within this many points of a seed's best is a good one (balance.ts). */
export const GOOD_MARGIN = 2;

/** Policies that read labels, positions or only the next quarter: they must lose. */
export function labelPolicies(scenario: ScenarioDef): string[] {
  return policiesOf(scenario).filter((p) => p !== 'random');
}

/**
 * The rules that change style once (a style for some quarters, then another): label
 * reading too, held to the first gate's limits beside the fixed rules (see SwitchRules).
 */
export const switchRules = (scenario: ScenarioDef): string[] => switchPolicies(scenario);

/**
 * How the rules that change style once fare against the first gate's limits. A player can
 * follow one without reading a word ("plan together once, then hand everything over"), so
 * the gate fails when any of them comes near the best path. Summed up rather than listed:
 * a scenario of three styles over eight quarters has 42 of them.
 */
export interface SwitchRules {
  /** rules played */
  rules: number;
  /** rules that fail the first gate's limits */
  failing: number;
  /** the rule with the highest median percentile */
  worst: PolicyLine;
  /** gate 1's limits the rules are held to */
  limits: { percentile: number; gap: number };
}

export interface PolicyLine {
  policy: string;
  meanScore: number;
  medianPercentile: number;
  /** best path's mean minus this policy's mean */
  gap: number;
  gated: boolean;
  pass: boolean;
}

export interface ReplyLine {
  choice: string;
  label: string;
  style: string;
  /** contexts in which this reply scored highest */
  wins: number;
  /** mean lead over the runner-up where it won, in points */
  meanLead: number;
  /** seeds on which a top-decile strategy takes it */
  liveSeeds: number;
}

export interface SituationLine {
  situation: string;
  title: string;
  kind: string | null;
  contexts: number;
  replies: ReplyLine[];
  /** share of contexts in which the most often best reply is not the best */
  usualWrong: number;
}

export interface GateVerdict {
  /** the gate's short name, stable for scripts (the JSON, the tests) */
  name: string;
  /** the gate as a question a balanced scenario answers yes (gate-words.ts) */
  question: string;
  pass: boolean;
  /** the figures behind the answer and their limits, in plain words */
  why: string;
  /** what to change in the scenario file; null when the gate passes */
  fix: string | null;
}

export interface GateReport {
  scenario: { id: string; title: string };
  seeds: number;
  strategies: number;
  bestMean: number;
  policies: PolicyLine[];
  random: { meanScore: number; medianPercentile: number };
  /** the rules that change style once; null where the scenario has one style */
  switching: SwitchRules | null;
  situations: SituationLine[];
  seedShare: number;
  events: { id: string; title: string; share: number }[];
  bestPaths: { seed: string; score: number; choices: string[] }[];
  /** a colleague's best path played on another market: a check beside the gates */
  copying: CopyingCheck;
  gates: GateVerdict[];
  pass: boolean;
  elapsedMs: number;
}

/** Scenarios above this many strategies are too large to walk whole on every seed. */
export const GATE_TREE_LIMIT = 60_000;

const median = (values: readonly number[]): number => summarise(values).median;

/**
 * What one seed adds to the gates, worked out from that seed alone, so that seeds can be
 * worked out on several threads and added up in seed order with the same result.
 */
export interface SeedPart {
  /** the best strategy's score and its index in the tree */
  best: number;
  bestIdx: number;
  /** the mean and variance of every strategy's score */
  mean: number;
  variance: number;
  /** how many strategies saw each event fire */
  events: [string, number][];
  /** each label-reading policy's score and percentile (labelPolicies' order), random's, then each rule that changes style once */
  policies: { value: number; percentile: number }[];
  /**
   * per situation and reply: contexts won, the summed lead where won, on a top-decile
   * strategy (0/1), and on a good one, within GOOD_MARGIN of the best (0/1)
   */
  wins: number[][];
  leads: number[][];
  live: number[][];
  good: number[][];
  /** contexts per situation */
  contexts: number[];
  /** every strategy's score, kept for the copying check on the first markets only */
  scores: Float64Array | null;
}

/** One seed's part of the gates: every strategy of `tree` played on it, and the policies. */
export function seedPart(
  scenario: ScenarioDef,
  tree: StrategyTree,
  seed: string,
  keepScores: boolean,
): SeedPart {
  const terms = termsOf(scenario.rubric);
  const sitDefs = tree.situationIds.map((id) => scenario.situations.find((s) => s.id === id)!);
  const wins = sitDefs.map((s) => new Array<number>(s.choices.length).fill(0));
  const leads = sitDefs.map((s) => new Array<number>(s.choices.length).fill(0));
  const contexts = new Array<number>(sitDefs.length).fill(0);
  const { scores, eventCounts } = seedScores(scenario, seed, tree.count);
  let best = Number.NEGATIVE_INFINITY;
  let bestIdx = 0;
  for (let i = 0; i < scores.length; i++) {
    if (scores[i]! > best) {
      best = scores[i]!;
      bestIdx = i;
    }
  }
  const pct = (value: number): number => {
    let below = 0;
    for (let i = 0; i < scores.length; i++) if (scores[i]! < value - 1e-9) below++;
    return (below / scores.length) * 100;
  };
  const played = [...labelPolicies(scenario), 'random', ...switchRules(scenario)];
  const policies = played.map((p) => {
    const value = rawScoreByTerms(terms, playPolicy(scenario, seed, p, { trace: false }).state);
    return { value, percentile: pct(value) };
  });
  // which reply wins in each context: strategies that differ at one decision only
  for (const node of tree.nodes) {
    const r = node.starts.length - 1;
    let size = Number.POSITIVE_INFINITY;
    for (let k = 0; k < r; k++) size = Math.min(size, node.starts[k + 1]! - node.starts[k]!);
    for (let j = 0; j < size; j++) {
      let top = 0;
      let topValue = Number.NEGATIVE_INFINITY;
      let second = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < r; k++) {
        const v = scores[node.starts[k]! + j]!;
        if (v > topValue) {
          second = topValue;
          topValue = v;
          top = k;
        } else if (v > second) {
          second = v;
        }
      }
      wins[node.situation]![top]!++;
      leads[node.situation]![top]! += topValue - second;
      contexts[node.situation]!++;
    }
  }
  // replies on a top-decile strategy
  const threshold = kthSmallest(scores, Math.floor(scores.length * (1 - GATE_TARGETS.topShare)));
  const live = marked(tree, sitDefs, scores, threshold);
  const good = marked(tree, sitDefs, scores, best - GOOD_MARGIN);
  return {
    best,
    bestIdx,
    mean: mean(scores),
    variance: variance(scores),
    events: [...eventCounts],
    policies,
    wins,
    leads,
    live,
    good,
    contexts,
    scores: keepScores ? scores : null,
  };
}

/** For each situation and reply, 1 where a strategy scoring at least `from` takes it. */
function marked(
  tree: StrategyTree,
  sitDefs: readonly { choices: readonly unknown[] }[],
  scores: Float64Array,
  from: number,
): number[][] {
  const out = sitDefs.map((s) => new Array<number>(s.choices.length).fill(0));
  for (let i = 0; i < scores.length; i++) {
    if (scores[i]! < from) continue;
    for (let d = 0; d < tree.depth; d++) {
      const pick = tree.picks[i * tree.depth + d]!;
      if (pick === 255) break;
      out[tree.situations[i * tree.depth + d]!]![pick] = 1;
    }
  }
  return out;
}

/** Whether the seed at this place in the list keeps its scores for the copying check. */
export const keepsScores = (place: number): boolean => place < COPY_TARGETS.markets;

export function gateReport(
  scenario: ScenarioDef,
  seeds: readonly string[],
  now: () => number = () => 0,
  onProgress?: (done: number) => void,
): GateReport {
  const started = now();
  const tree = gateTree(scenario);
  const parts = seeds.map((seed, i) => {
    onProgress?.(i / seeds.length);
    return seedPart(scenario, tree, seed, keepsScores(i));
  });
  return gatesOfParts(scenario, tree, seeds, parts, now() - started);
}

/** The tree the gates walk; RangeError above GATE_TREE_LIMIT strategies. */
export function gateTree(scenario: ScenarioDef): StrategyTree {
  const total = countStrategies(scenario);
  if (total > GATE_TREE_LIMIT) {
    throw new RangeError(
      `${scenario.id} has ${total} strategies per seed, more than the ${GATE_TREE_LIMIT} the gates walk whole`,
    );
  }
  return strategyTree(scenario);
}

/** The report from each seed's part, added up in the seeds' order. */
export function gatesOfParts(
  scenario: ScenarioDef,
  tree: StrategyTree,
  seeds: readonly string[],
  parts: readonly SeedPart[],
  elapsedMs: number,
): GateReport {
  const sitDefs = tree.situationIds.map((id) => scenario.situations.find((s) => s.id === id)!);
  const wins = sitDefs.map((s) => new Array<number>(s.choices.length).fill(0));
  const leads = sitDefs.map((s) => new Array<number>(s.choices.length).fill(0));
  const live = sitDefs.map((s) => new Array<number>(s.choices.length).fill(0));
  const contexts = new Array<number>(sitDefs.length).fill(0);
  const policies = labelPolicies(scenario);
  const rules = switchRules(scenario);
  const all = [...policies, ...rules];
  const policyScores = new Map<string, number[]>(all.map((p) => [p, []]));
  const policyPct = new Map<string, number[]>(all.map((p) => [p, []]));
  const randomScores: number[] = [];
  const randomPct: number[] = [];
  const bests: number[] = [];
  const bestIdx: number[] = [];
  const seedMeans: number[] = [];
  const seedVars: number[] = [];
  const eventTotals = new Map<string, number>();
  const kept: Float64Array[] = [];
  for (const part of parts) {
    for (const [id, n] of part.events) eventTotals.set(id, (eventTotals.get(id) ?? 0) + n);
    bests.push(part.best);
    bestIdx.push(part.bestIdx);
    if (part.scores !== null) kept.push(part.scores);
    seedMeans.push(part.mean);
    seedVars.push(part.variance);
    policies.forEach((p, i) => {
      policyScores.get(p)!.push(part.policies[i]!.value);
      policyPct.get(p)!.push(part.policies[i]!.percentile);
    });
    const random = part.policies[policies.length]!;
    randomScores.push(random.value);
    randomPct.push(random.percentile);
    rules.forEach((p, i) => {
      const played = part.policies[policies.length + 1 + i]!;
      policyScores.get(p)!.push(played.value);
      policyPct.get(p)!.push(played.percentile);
    });
    for (let s = 0; s < sitDefs.length; s++) {
      contexts[s]! += part.contexts[s]!;
      for (let c = 0; c < sitDefs[s]!.choices.length; c++) {
        wins[s]![c]! += part.wins[s]![c]!;
        leads[s]![c]! += part.leads[s]![c]!;
        live[s]![c]! += part.live[s]![c]!;
      }
    }
  }

  const n = seeds.length;
  const bestMean = mean(bests);
  const lineOf = (p: string, gated: boolean): PolicyLine => {
    const meanScore = mean(policyScores.get(p)!);
    const medianPercentile = median(policyPct.get(p)!);
    const gap = bestMean - meanScore;
    return {
      policy: p,
      meanScore,
      medianPercentile,
      gap,
      gated,
      pass: medianPercentile <= GATE_TARGETS.policyPercentile && gap >= GATE_TARGETS.policyGap,
    };
  };
  const policyLines = policies.map((p) => lineOf(p, true));
  const switchLines = rules.map((p) => lineOf(p, true));
  // the first rule in the list of those with the highest median: the same on every run
  const worstSwitch = switchLines.reduce<PolicyLine | null>(
    (w, l) => (w === null || l.medianPercentile > w.medianPercentile ? l : w),
    null,
  );
  const switching: SwitchRules | null =
    worstSwitch === null
      ? null
      : {
          rules: switchLines.length,
          failing: switchLines.filter((l) => !l.pass).length,
          worst: worstSwitch,
          limits: { percentile: GATE_TARGETS.policyPercentile, gap: GATE_TARGETS.policyGap },
        };

  const situations: SituationLine[] = sitDefs
    .map((s, i) => {
      const total = contexts[i]!;
      const usual = Math.max(...wins[i]!);
      return {
        situation: s.id,
        title: s.title,
        kind: s.kind ?? null,
        contexts: total,
        usualWrong: total === 0 ? 0 : 1 - usual / total,
        replies: s.choices.map((c, k) => ({
          choice: c.id,
          label: c.label,
          style: c.style,
          wins: wins[i]![k]!,
          meanLead: wins[i]![k]! === 0 ? 0 : leads[i]![k]! / wins[i]![k]!,
          liveSeeds: live[i]![k]!,
        })),
      };
    })
    .filter((s) => s.contexts > 0);

  const between = variance(seedMeans);
  const within = mean(seedVars);
  const seedShare = between + within > 0 ? between / (between + within) : 0;

  const gates: GateVerdict[] = [];
  const verdict = (name: string, pass: boolean, why: string): GateVerdict => ({
    name,
    question: GATE_QUESTIONS[name]!,
    pass,
    why,
    fix: pass ? null : GATE_FIXES[name]!,
  });
  const losers = policyLines.filter((p) => !p.pass);
  const limits = `a balanced scenario keeps every such player at or below ${GATE_TARGETS.policyPercentile}% and at least ${GATE_TARGETS.policyGap} points under the best path`;
  const fixedWhy =
    losers.length === 0
      ? `every player who follows a fixed rule (always the first reply shown, always one style, collaborative unless in a crisis, the best-looking reply for the next quarter only) does better than at most ${GATE_TARGETS.policyPercentile}% of all ways to play and ends at least ${GATE_TARGETS.policyGap} points under the best path`
      : `${losers
          .map(
            (p) =>
              `${capitalise(policyPlayer(p.policy))} does better than ${Math.round(p.medianPercentile)}% of all ways to play (the median over the seeds) and ends ${p.gap.toFixed(1)} points under the best path`,
          )
          .join('. ')}. ${capitalise(limits)}`;
  gates.push(
    verdict(
      'label-reading policies lose',
      losers.length === 0 && (switching === null || switching.failing === 0),
      switchingWhy(fixedWhy, losers.length === 0, switching),
    ),
  );
  const judged = situations.filter((s) => s.usualWrong >= GATE_TARGETS.contextShare);
  const fixed = situations.filter((s) => s.usualWrong < GATE_TARGETS.contextShare);
  const needJudged = Math.ceil(situations.length * GATE_TARGETS.judgedSituations);
  const share = Math.round(GATE_TARGETS.contextShare * 100);
  gates.push(
    verdict(
      'judgement matters',
      judged.length >= needJudged,
      `in ${judged.length} of ${situations.length} situations the reply that wins most often is the wrong one in at least ${share}% of the games that reach it; at least ${needJudged} ${needJudged === 1 ? 'such situation is' : 'such situations are'} needed${
        fixed.length
          ? `. One reply is right in more than ${100 - share}% of games in: ${fixed.map((s) => `"${s.title}" (${s.situation})`).join(', ')}`
          : ''
      }`,
    ),
  );
  const dead: string[] = [];
  for (const s of situations) {
    for (const r of s.replies) {
      if (r.liveSeeds < GATE_TARGETS.liveChoiceSeeds * n)
        dead.push(`"${r.label}" (${s.situation}/${r.choice})`);
    }
  }
  const top = Math.round(GATE_TARGETS.topShare * 100);
  const often = Math.round(GATE_TARGETS.liveChoiceSeeds * 100);
  // a reply can ride along on strong strategies without ever being the best reply where it
  // is taken: said beside the verdict, so that "yes" is not read as "every reply wins somewhere"
  const neverBest = situations
    .flatMap((s) =>
      s.replies.filter((r) => r.wins === 0).map((r) => `"${r.label}" (${s.situation}/${r.choice})`),
    )
    .filter((reply) => !dead.includes(reply));
  const neverBestWords =
    neverBest.length === 0
      ? ''
      : `. ${neverBest.length === 1 ? 'One reply is' : `${neverBest.length} replies are`} never the best reply in any context, though: ${neverBest.join(', ')}`;
  gates.push(
    verdict(
      'no dead choice',
      dead.length === 0,
      `${
        dead.length === 0
          ? `every reply is part of a top-${top}% way of playing on at least ${often}% of seeds`
          : `these replies are part of a top-${top}% way of playing on fewer than ${often}% of seeds (the least a reply needs): ${dead.join(', ')}`
      }${neverBestWords}`,
    ),
  );
  const luckPass = seedShare <= GATE_TARGETS.seedShare;
  // the seed also deals the starting situation: where their best paths lie far apart, that
  // is luck too, and smaller events will not help (the advice would mislead)
  const starts = startingSituationBests(scenario, seeds, bests);
  const luck = verdict(
    'luck stays second',
    luckPass,
    `luck (the seed) explains ${(seedShare * 100).toFixed(0)}% of the differences between scores, and the choices the rest; at most ${Math.round(GATE_TARGETS.seedShare * 100)}% may come from luck${
      starts === null
        ? ''
        : `. The seed also deals the starting situation; their best paths average ${starts}`
    }`,
  );
  if (!luckPass && starts !== null) {
    luck.fix = `${luck.fix} The seed deals the starting situations (markets:) too: if their best paths average far apart (above), bring them closer (a less lopsided team or customer in the stronger one) before touching the events.`;
  }
  gates.push(luck);

  const bestPaths = seeds.slice(0, 3).map((seed, i) => {
    const picks: string[] = [];
    const idx = bestIdx[i]!;
    for (let d = 0; d < tree.depth; d++) {
      const pick = tree.picks[idx * tree.depth + d]!;
      if (pick === 255) break;
      const sit = sitDefs[tree.situations[idx * tree.depth + d]!]!;
      picks.push(sit.choices[pick]!.id);
    }
    return { seed, score: bests[i]!, choices: picks };
  });

  return {
    scenario: { id: scenario.id, title: scenario.title },
    seeds: n,
    strategies: tree.count,
    bestMean,
    policies: policyLines,
    random: { meanScore: mean(randomScores), medianPercentile: median(randomPct) },
    switching,
    situations,
    seedShare,
    events: scenario.events.map((e) => ({
      id: e.id,
      title: e.title,
      share: (eventTotals.get(e.id) ?? 0) / (tree.count * Math.max(1, n)),
    })),
    bestPaths,
    copying: copyingCheck(scenario, seeds.slice(0, kept.length), kept),
    gates,
    pass: gates.every((g) => g.pass),
    elapsedMs,
  };
}

/**
 * Each starting situation's mean best score over the seeds that dealt it, in words ("61.2
 * (Sam new), 78.0 (Sam seasoned)"); null for a scenario with one starting situation.
 */
function startingSituationBests(
  scenario: ScenarioDef,
  seeds: readonly string[],
  bests: readonly number[],
): string | null {
  const markets = scenario.markets ?? [];
  if (markets.length < 2) return null;
  const byMarket = new Map<string, number[]>();
  seeds.forEach((seed, i) => {
    const id = marketVariant(scenario, seed)?.id;
    if (id === undefined) return;
    const list = byMarket.get(id) ?? [];
    list.push(bests[i]!);
    byMarket.set(id, list);
  });
  return markets
    .filter((m) => byMarket.has(m.id))
    .map((m) => `${mean(byMarket.get(m.id)!).toFixed(1)} (${m.name ?? m.id})`)
    .join(', ');
}

/** The gates where the tree can be walked whole; null above GATE_TREE_LIMIT strategies. */
export function gatesFor(
  scenario: ScenarioDef,
  seeds: readonly string[],
  onProgress?: (done: number) => void,
): GateReport | null {
  if (countStrategies(scenario) > GATE_TREE_LIMIT) return null;
  return gateReport(scenario, seeds, () => 0, onProgress);
}

/**
 * The first gate's answer with the rules that change style once added: where the fixed
 * rules pass and a changing one fails, "but" says which half of the answer is the "no".
 */
function switchingWhy(fixedWhy: string, fixedPass: boolean, switching: SwitchRules | null): string {
  if (switching === null) return fixedWhy;
  const words = switchWords(switching);
  return fixedPass && switching.failing > 0
    ? `${fixedWhy}, but ${words}`
    : `${fixedWhy}. ${capitalise(words)}`;
}
