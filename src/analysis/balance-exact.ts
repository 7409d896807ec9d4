import type { ScenarioDef } from '../sim/index.ts';
import { assembleReport, BALANCE_DEFAULTS, type BalanceReport } from './balance.ts';
import {
  type GateReport,
  gatesOfParts,
  gateTree,
  keepsScores,
  labelPolicies,
  type SeedPart,
  seedPart,
} from './gates.ts';
import { choiceKey } from './search.ts';
import { mean, variance } from './stats.ts';
import type { StrategyTree } from './tree.ts';

// The balance report from the gates' parts, where the gates play every strategy on every
// seed anyway: the page's charts, its luck figure and its warnings then come from the same
// games as its gates, and cannot disagree with them (the beam search of BalanceRun found
// a best path up to 5 points short on silos, and its luck figure weighed games otherwise).
// BalanceRun stays for trees too large for the gates.

export function balanceOfParts(
  scenario: ScenarioDef,
  tree: StrategyTree,
  seeds: readonly string[],
  parts: readonly SeedPart[],
  elapsedMs: number,
): BalanceReport {
  const policies = labelPolicies(scenario);
  const styleScores = new Map(
    scenario.styles.map((style) => {
      const at = policies.indexOf(style);
      return [style, parts.map((p) => p.policies[at]!.value)] as const;
    }),
  );
  const seedMeans = parts.map((p) => p.mean);
  const between = variance(seedMeans);
  const within = mean(parts.map((p) => p.variance));
  const total = between + within;
  const goodChoices = new Set<string>();
  for (const part of parts) {
    part.good.forEach((row, s) => {
      row.forEach((on, c) => {
        if (on)
          goodChoices.add(choiceKey(tree.situationIds[s]!, scenarioChoice(scenario, tree, s, c)));
      });
    });
  }
  return assembleReport(scenario, BALANCE_DEFAULTS, {
    seeds,
    strategies: tree.count,
    styleScores,
    randomScores: parts.map((p) => p.policies[policies.length]!.value),
    bestScores: parts.map((p) => p.best),
    bestLabel: 'best path',
    variance: {
      total,
      seed: between,
      choices: within,
      seedShare: total > 0 ? between / total : 0,
      exact: true,
    },
    goodChoices,
    // every strategy is played, so every situation a choice leads to is met
    playedSituations: new Set(tree.nodes.map((n) => tree.situationIds[n.situation]!)),
    search: { kind: 'exhaustive' },
    elapsedMs,
  });
}

/** The id of reply `c` of the tree's situation number `s`. */
function scenarioChoice(scenario: ScenarioDef, tree: StrategyTree, s: number, c: number): string {
  const id = tree.situationIds[s]!;
  return scenario.situations.find((x) => x.id === id)!.choices[c]!.id;
}

/** The balance report and its gates from the same parts, one per seed in `seeds`' order. */
export function reportsOfParts(
  scenario: ScenarioDef,
  tree: StrategyTree,
  seeds: readonly string[],
  parts: readonly SeedPart[],
  elapsedMs: number,
): { report: BalanceReport; gates: GateReport } {
  return {
    report: balanceOfParts(scenario, tree, seeds, parts, elapsedMs),
    gates: gatesOfParts(scenario, tree, seeds, parts, elapsedMs),
  };
}

/**
 * The same, one seed at a time, for a page without workers that plays the seeds in
 * slices between its frames (as BalanceRun is driven there).
 */
export class ExactBalanceRun {
  private readonly tree: StrategyTree;
  private readonly seeds: string[] = [];
  private readonly parts: SeedPart[] = [];
  private readonly started = Date.now();

  constructor(readonly scenario: ScenarioDef) {
    this.tree = gateTree(scenario);
  }

  get done(): number {
    return this.seeds.length;
  }

  add(seed: string): void {
    this.parts.push(seedPart(this.scenario, this.tree, seed, keepsScores(this.seeds.length)));
    this.seeds.push(seed);
  }

  result(): { report: BalanceReport; gates: GateReport } {
    return reportsOfParts(
      this.scenario,
      this.tree,
      this.seeds,
      this.parts,
      Date.now() - this.started,
    );
  }
}
