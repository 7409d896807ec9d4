import { type PreparedSituation, prepared, preparedSituation } from './prepared.ts';
import { basisOf, newBasis, type ScoreBasis } from './score.ts';
import type { SimState } from './state.ts';
import { type GameEnd, type Luck, lastQuarterInto, luckOf, marketOf, stepInto } from './step.ts';
import type { ScenarioDef } from './types.ts';

// Every game that continues a state, played depth first so that a prefix shared by many
// games is played once: the census's walk and the balance gates'. Each depth keeps one
// state and one draw of luck, reused by every game through it (see stepInto), and what the
// market does in a quarter is worked out once for the replies that share a state (marketOf).
// A game's last quarter, two thirds of the steps, is played without the bookkeeping only
// later quarters read (lastQuarterInto), and the sums a score reads over the quarters are
// carried down the walk rather than added again at every end (ScoreBasis).

/**
 * Called at the end of each game, in the tree's order: what its score reads, its state
 * after the last quarter (its figures and events fired, not its lists of reports and
 * choices) and its choices. All three are written over for the next game: read them during
 * the call, and copy what is kept.
 */
export type EndVisitor = (basis: ScoreBasis, end: SimState, choices: readonly string[]) => void;

/** Every game that continues `start` (a state with its choices so far), each handed to `visit`. */
export function walkEnds(scenario: ScenarioDef, start: SimState, visit: EndVisitor): void {
  const prep = prepared(scenario);
  const path: string[] = [...start.choices];
  const startBasis = basisOf(start, newBasis(start.start));
  if (start.situationId === null) {
    visit(startBasis, start, path);
    return;
  }
  const before = startBasis.played;
  const states: (SimState | null)[] = [];
  const lucks: (Luck | undefined)[] = [];
  let end: GameEnd | null = null;
  const basis = newBasis(start.start);
  // the sums over the quarters played before each depth: a parent's, plus its last quarter
  const attainment = [startBasis.attainment];
  const alignment = [startBasis.alignment];
  const profit = [startBasis.profit];
  const walk = (state: SimState, depth: number, situation: PreparedSituation): void => {
    let luck = lucks[depth];
    if (luck === undefined) {
      luck = luckOf(scenario, state);
      lucks[depth] = luck;
    }
    const market = marketOf(prep, state, luck);
    const choices = situation.choices;
    // this depth's choice is written in place: path.push and pop were calls, not inlined
    const at = before + depth;
    for (let i = 0; i < choices.length; i++) {
      const c = choices[i]!;
      path[at] = c.id;
      if (c.nextId === null) {
        // a longer game walked before this one left its later choices behind
        if (path.length !== at + 1) path.length = at + 1;
        end = lastQuarterInto(prep, state, situation, c, end, market);
        const m = end.report.metrics;
        basis.last = m;
        basis.played = before + depth + 1;
        basis.attainment = attainment[depth]! + m.attainment;
        basis.alignment = alignment[depth]! + m.alignment;
        basis.profit = profit[depth]! + m.profit;
        visit(basis, end.state, path);
      } else {
        const next = stepInto(prep, state, situation, c, states[depth] ?? null, market);
        states[depth] = next;
        const m = next.history[before + depth]!.metrics;
        attainment[depth + 1] = attainment[depth]! + m.attainment;
        alignment[depth + 1] = alignment[depth]! + m.alignment;
        profit[depth + 1] = profit[depth]! + m.profit;
        // (a next id that names no situation never gets here: the tree's count has thrown)
        walk(next, depth + 1, c.next ?? preparedSituation(prep, c.nextId));
      }
    }
  };
  walk(start, 0, preparedSituation(prep, start.situationId));
}
