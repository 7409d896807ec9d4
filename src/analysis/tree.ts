import {
  initialState,
  nextSituationId,
  prepared,
  rawScoreOfBasis,
  type ScenarioDef,
  situationById,
  walkEnds,
} from '../sim/index.ts';

// The whole tree of a scenario's strategies, and every strategy's score on one seed. The
// balance gates need more than the census's histogram: which reply each strategy took at
// each decision, so that strategies differing at one decision only can be compared. The
// tree's shape does not depend on the seed, so it is listed once; the scores are worked
// out per seed, unrounded, so that two replies that differ by less than a point are not
// called a tie.

export interface StrategyTree {
  /** strategies, in the census's depth-first order */
  count: number;
  /** the longest strategy's number of decisions */
  depth: number;
  /** picks[i * depth + d]: the reply (index in the scenario's listing) at decision d, or 255 */
  picks: Uint8Array;
  /** situations[i * depth + d]: index into situationIds of the situation met at decision d */
  situations: Uint16Array;
  situationIds: string[];
  /** every decision point: the replies' subtrees as ranges of strategies */
  nodes: TreeNode[];
}

export interface TreeNode {
  depth: number;
  /** index into situationIds */
  situation: number;
  /** starts[r]..starts[r+1]: the strategies that take reply r here */
  starts: number[];
}

const NONE = 255;

export function strategyTree(scenario: ScenarioDef): StrategyTree {
  const situationIds = scenario.situations.map((s) => s.id);
  const index = new Map(situationIds.map((id, i) => [id, i]));
  const rows: { picks: number[]; sits: number[] }[] = [];
  const nodes: TreeNode[] = [];
  let depth = 0;
  const walk = (id: string | null, picks: number[], sits: number[]): void => {
    if (id === null) {
      rows.push({ picks: [...picks], sits: [...sits] });
      depth = Math.max(depth, picks.length);
      return;
    }
    const s = situationById(scenario, id);
    const node: TreeNode = { depth: picks.length, situation: index.get(id)!, starts: [] };
    nodes.push(node);
    s.choices.forEach((c, i) => {
      node.starts.push(rows.length);
      picks.push(i);
      sits.push(index.get(id)!);
      walk(nextSituationId(scenario, s, c), picks, sits);
      picks.pop();
      sits.pop();
    });
    node.starts.push(rows.length);
  };
  walk(scenario.situations[0]?.id ?? null, [], []);
  const picks = new Uint8Array(rows.length * depth).fill(NONE);
  const situations = new Uint16Array(rows.length * depth);
  rows.forEach((r, i) => {
    r.picks.forEach((p, d) => {
      picks[i * depth + d] = p;
      situations[i * depth + d] = r.sits[d]!;
    });
  });
  return { count: rows.length, depth, picks, situations, situationIds, nodes };
}

export interface SeedScores {
  /** unrounded score 0..100 of every strategy, in the tree's order */
  scores: Float64Array;
  /** how many strategies saw each event fire (by event id) */
  eventCounts: Map<string, number>;
}

/** Every strategy of the tree played on one seed, walked depth first as the census does. */
export function seedScores(scenario: ScenarioDef, seed: string, total: number): SeedScores {
  const terms = prepared(scenario).terms;
  const scores = new Float64Array(total);
  const eventCounts = new Map<string, number>();
  let n = 0;
  // A list of fired events is never changed once made, and games that share a parent share
  // its list, so the counts are added once per run of games holding the same list (in the
  // same order of first appearance as one game at a time): a map update per event and game
  // was a twentieth of a balance report.
  let run: readonly string[] | null = null;
  let runGames = 0;
  const addRun = (): void => {
    if (run === null) return;
    for (const e of run) eventCounts.set(e, (eventCounts.get(e) ?? 0) + runGames);
  };
  walkEnds(scenario, initialState(scenario, seed), (basis, end) => {
    scores[n++] = rawScoreOfBasis(terms, basis);
    if (end.firedEvents === run) {
      runGames++;
      return;
    }
    addRun();
    run = end.firedEvents;
    runGames = 1;
  });
  addRun();
  return { scores, eventCounts };
}
