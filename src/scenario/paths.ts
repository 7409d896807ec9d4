import { formatPath } from './errors.ts';
import type { ScenarioFile } from './schema.ts';
import type { SemanticIssue } from './semantics.ts';

// Every path through the situations must be playable to the end: each situation reachable,
// no choice leading back to an earlier one, and every path lasting exactly `quarters`.
// Errors name the place to fix, once: a branch that is one quarter short is reported where
// the branches meet, not again at every situation after it.

type Problem = { kind: 'ends' | 'runs-on'; choice: number; target?: string };

/** The id of the situation choice j of situation i leads to; null at the end. */
export function targetOf(s: ScenarioFile, i: number, j: number): string | null {
  const sit = s.situations[i]!;
  return sit.choices[j]!.next ?? sit.next ?? s.situations[i + 1]?.id ?? null;
}

/** Situation index → the quarter it is played in, for every situation on a single-length path. */
export function checkPaths(s: ScenarioFile, out: SemanticIssue[]): Map<number, number> {
  const n = s.situations.length;
  const index = new Map(s.situations.map((x, i) => [x.id, i]));
  const edge = (i: number, j: number): number | null => {
    const t = targetOf(s, i, j);
    return t === null ? null : index.get(t)!;
  };

  // depth-first from the first situation: a choice that leads to a situation still on the
  // stack makes a loop; the order in which situations finish, reversed, is playing order
  const state = new Array<0 | 1 | 2>(n).fill(0);
  const loops = new Set<string>();
  const order: number[] = [];
  const dfs = (i: number) => {
    state[i] = 1;
    s.situations[i]!.choices.forEach((c, j) => {
      const t = edge(i, j);
      if (t === null) return;
      if (state[t] === 1) {
        loops.add(`${i}/${j}`);
        out.push({
          path: ['situations', i, 'choices', j],
          message: `the choice "${c.id}" leads back to "${s.situations[t]!.id}": the game would never end`,
        });
      } else if (state[t] === 0) dfs(t);
    });
    state[i] = 2;
    order.push(i);
  };
  if (n > 0) dfs(0);
  order.reverse();

  // every quarter each situation can come in, with one way of getting there for the message
  const depths = Array.from({ length: n }, () => new Map<number, string>());
  depths[0]?.set(1, 'the start');
  for (const i of order) {
    for (const [d] of depths[i]!) {
      s.situations[i]!.choices.forEach((c, j) => {
        const t = edge(i, j);
        if (t === null || loops.has(`${i}/${j}`) || d > s.quarters) return;
        if (!depths[t]!.has(d + 1)) {
          depths[t]!.set(d + 1, `${formatPath(['situations', i, 'choices', j])} "${c.id}"`);
        }
      });
    }
  }

  const single = new Map<number, number>();
  const uneven = (i: number) => depths[i]!.size > 1;
  s.situations.forEach((sit, i) => {
    const ds = [...depths[i]!.keys()].sort((a, b) => a - b);
    if (ds.length === 0) {
      out.push({
        path: ['situations', i, 'id'],
        message: `no choice leads to situation "${sit.id}": it can never be played`,
      });
      return;
    }
    if (ds.length > 1) {
      // report where branches of different lengths meet, not at every situation after
      const fromUneven = order.some(
        (p) => uneven(p) && s.situations[p]!.choices.some((_, j) => edge(p, j) === i),
      );
      if (!fromUneven) {
        const ways = ds.map((d) => `quarter ${d} (through ${depths[i]!.get(d)})`).join(' and in ');
        out.push({
          path: ['situations', i],
          message: `situation "${sit.id}" comes in ${ways}; every path must last ${s.quarters} quarters: make the branches the same length`,
        });
      }
      return;
    }
    const d = ds[0]!;
    if (d > s.quarters) return; // the situation that leads on too far is the one reported
    single.set(i, d);
    const problems: Problem[] = [];
    sit.choices.forEach((_, j) => {
      const t = targetOf(s, i, j);
      if (t === null && d !== s.quarters) problems.push({ kind: 'ends', choice: j });
      if (t !== null && d >= s.quarters && !loops.has(`${i}/${j}`)) {
        problems.push({ kind: 'runs-on', choice: j, target: t });
      }
    });
    reportEnds(s, i, d, problems, out);
  });
  return single;
}

function reportEnds(
  s: ScenarioFile,
  i: number,
  d: number,
  problems: Problem[],
  out: SemanticIssue[],
): void {
  const sit = s.situations[i]!;
  const q = s.quarters;
  const all = problems.length === sit.choices.length;
  const kind = problems[0]?.kind;
  if (all && problems.every((p) => p.kind === kind)) {
    out.push({
      path: ['situations', i],
      message:
        kind === 'ends'
          ? `the game ends after this situation, in quarter ${d}, but the scenario has quarters: ${q}: add situations after it, or set quarters: ${d}`
          : `this situation is quarter ${d}, the last (quarters: ${q}), but its choices lead on to "${problems[0]!.target}": set quarters to the length of the longest path, or move this situation to the end of the list`,
    });
    return;
  }
  for (const p of problems) {
    out.push({
      path: ['situations', i, 'choices', p.choice],
      message:
        p.kind === 'ends'
          ? `this choice ends the game after quarter ${d}, but the scenario has quarters: ${q}: give it a next situation`
          : `this choice leads on to "${p.target}" after quarter ${d}, the last (quarters: ${q})`,
    });
  }
}
