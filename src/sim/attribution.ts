import type { CauseSource } from './effects.ts';
import { cosDeg, sinDeg } from './fixed.ts';
import { profitOf, revenueOf } from './money.ts';
import { breadth, effectiveAngle, forces, memberPull, rivalReach, teamResultant } from './ropes.ts';
import { shareOf } from './share.ts';
import type { Metrics, SimState } from './state.ts';
import { teamAverage } from './state.ts';
import type { ScenarioDef } from './types.ts';

// Why each figure moved in a quarter, split into parts that add up exactly to the change.
//
// step() opens a trail when it records causes and marks it after each thing that happens
// in the quarter (the forced alignment relaxing, the reply, each delayed effect, each
// event, the market's gust, a divided team's confusion, the customer's move, the market's
// growth, the team's spirits, the brand). Each mark measures the figures again, so a
// figure's change between two marks belongs to what happened between them: a sequential
// decomposition, whose parts telescope to the quarter's change with nothing left over.
//
// Share moves only when the customer moves, towards where the pulls settle it:
// Δx = rate·(target − x). That move is split in two: rate·(target₀ − x), the pulls as
// they stood when the quarter opened, split rope by rope (each person, each rival, the
// friction of distrust, the grip of contacts, the customer's habits) by an exact linear
// identity; and rate·(targetₖ − targetₖ₋₁) for each thing that happened, the change it
// made to where the pulls settle the customer.

/** The figures whose changes are split by cause. */
export const WHY_FIGURES = [
  'share',
  'revenue',
  'profit',
  'trust',
  'alignment',
  'morale',
  'breadth',
  'brand',
] as const;
export type WhyFigure = (typeof WHY_FIGURES)[number];
export type FigureChanges = Partial<Record<WhyFigure, number>>;

/**
 * Who or what moved a figure:
 * - 'cause': a reply, a delayed effect, a firm call relaxing, an event or the market, with
 *   the same fields as the causes the quarter records;
 * - 'pull': a rope as it stood when the quarter opened (share, revenue and profit only);
 * - 'drift': the model's own dynamics between and after the quarter's events.
 */
export type WhySource =
  | ({ kind: 'cause' } & CauseSource)
  | { kind: 'pull'; source: 'member' | 'competitor'; ref: string }
  | { kind: 'pull'; source: 'distrust' | 'contacts' | 'habits' }
  | {
      kind: 'drift';
      /**
       * settle: effort and spirits changed after last quarter was measured, re-weighting the
       * team's ropes; spirits: morale follows the plan and the team's say; brand: the brand
       * follows a united team's share; growth: the market grew
       */
      source: 'settle' | 'spirits' | 'brand' | 'growth';
      origin: number;
    };

export interface WhyPart {
  by: WhySource;
  /** each figure's change that this part made, in the figure's own units (share 0..1) */
  change: FigureChanges;
}

type Snapshot = Record<WhyFigure, number> & { target: number };

interface Move {
  rate: number;
  before: Snapshot;
  after: Snapshot;
  /** how many blocks came before the move: only they moved where the customer went */
  blocksBefore: number;
}

interface Block {
  by: WhySource;
  before: Snapshot;
  after: Snapshot;
}

/** One quarter's trail; see the comment at the top. */
export interface Trail {
  /** something happened: everything that moved since the last mark is its doing */
  mark(by: CauseSource): void;
  /** the customer has moved, at this rate, from where it stood */
  moved(rate: number): void;
  /** the model's own dynamics after the customer moved */
  drift(source: 'spirits' | 'brand' | 'growth'): void;
  /** the parts, with the quarter's measured figures as the last word */
  finish(metrics: Metrics): WhyPart[];
}

export interface PullTerm {
  by: WhySource;
  /** this rope's part of (target − position) */
  value: number;
}

/**
 * Where the pulls settle the customer, less where it stands, split rope by rope. With
 * U our pull, C each rival's, O the outside force, H the habit's stiffness and h its home,
 * target − x = (U(1−x) − ΣC(1+x) + O − x|O| + H(h−x)) / (U + ΣC + |O| + H), exactly.
 * Our pull U = R·F·G (the team's resultant, trust's friction, the grip of contacts) is
 * split into each person's pull along the resultant (these add up to R), what distrust
 * takes away and what contacts add. The outside force is left out: the quarter opens
 * with none, and what adds one later is a mark of its own.
 */
export function pullTerms(scenario: ScenarioDef, state: SimState): PullTerm[] {
  const p = scenario.params;
  const depts = scenario.customer.departments.length;
  const b = breadth(state, depts);
  const f = forces(state, p, depts, teamResultant(state).resultant, b);
  const x = state.position;
  const denominator = f.us + f.them + Math.abs(f.outside) + f.habit;
  if (denominator === 0) return [];
  let sx = 0;
  let sy = 0;
  for (const m of state.members) {
    const pull = memberPull(m);
    const a = effectiveAngle(m, state.forced);
    sx += pull * cosDeg(a);
    sy += pull * sinDeg(a);
  }
  const r = Math.sqrt(sx * sx + sy * sy);
  const friction = p.trustFloor + (1 - p.trustFloor) * state.trust;
  const grip = p.breadthPull * b;
  const ours = (1 - x) / denominator;
  const out: PullTerm[] = [];
  for (const m of state.members) {
    const pull = memberPull(m);
    if (pull === 0) continue;
    // a person's pull along the team's resultant: a rope off the line gives less of it
    const a = effectiveAngle(m, state.forced);
    const along = r === 0 ? 0 : (pull * (cosDeg(a) * sx + sinDeg(a) * sy)) / r;
    out.push({ by: { kind: 'pull', source: 'member', ref: m.id }, value: along * ours });
  }
  out.push({ by: { kind: 'pull', source: 'distrust' }, value: -r * (1 - friction) * ours });
  out.push({ by: { kind: 'pull', source: 'contacts' }, value: r * friction * grip * ours });
  const reach = rivalReach(b);
  for (const c of state.competitors) {
    const value = (-c.strength * c.alignment * reach * (1 + x)) / denominator;
    out.push({ by: { kind: 'pull', source: 'competitor', ref: c.id }, value });
  }
  out.push({
    by: { kind: 'pull', source: 'habits' },
    value: (f.habit * (state.home - x)) / denominator,
  });
  return out;
}

const keyOf = (by: WhySource): string => JSON.stringify(by);

/**
 * Opens the trail of the quarter `quarter`, whose state step() has just copied from the
 * last (and cleared of last quarter's outside force). `previous` is the last quarter's
 * measured figures (or the start's).
 */
export function openTrail(
  scenario: ScenarioDef,
  state: SimState,
  quarter: number,
  previous: Metrics,
): Trail {
  const p = scenario.params;
  const depts = scenario.customer.departments.length;
  // alignment is measured before the quarter's end dynamics move effort and morale: from
  // the customer's move on it stays as measured (see 'settle' for where the rest goes)
  let alignmentAsMeasured: number | null = null;
  const snap = (): Snapshot => {
    const team = teamResultant(state);
    const b = breadth(state, depts);
    const share = shareOf(state.position);
    return {
      target: forces(state, p, depts, team.resultant, b).target,
      share,
      // measured as step() measures them: a price move, a cost to serve or a dropped leech
      // segment moves money at its own mark, not only where the customer moves
      revenue: revenueOf(scenario.customer, state, share),
      profit: profitOf(scenario.customer, state, share),
      trust: state.trust,
      alignment: alignmentAsMeasured ?? team.alignment,
      morale: teamAverage(state, 'morale'),
      breadth: b,
      brand: state.brand,
    };
  };
  const opening = snap();
  const standing = pullTerms(scenario, state);
  const blocks: Block[] = [];
  const settle: WhySource = { kind: 'drift', source: 'settle', origin: quarter - 1 };
  blocks.push({ by: settle, before: { ...opening, ...pick(previous) }, after: opening });
  let last = opening;
  let move: Move | null = null;
  const push = (by: WhySource) => {
    const now = snap();
    blocks.push({ by, before: last, after: now });
    last = now;
  };
  return {
    mark(by) {
      push({ kind: 'cause', ...by });
    },
    moved(rate) {
      alignmentAsMeasured = last.alignment;
      const now = snap();
      move = { rate, before: last, after: now, blocksBefore: blocks.length };
      last = now;
    },
    drift(source) {
      push({ kind: 'drift', source, origin: quarter });
    },
    finish(metrics) {
      // the measured figures close the trail, so the parts add up to them whatever rounding
      // the measuring did
      const end = { ...last, ...pick(metrics) };
      const lastBlock = blocks.at(-1);
      if (lastBlock && lastBlock.after === last) lastBlock.after = end;
      return collect(blocks, move, standing);
    },
  };
}

function pick(m: Metrics): Record<WhyFigure, number> {
  return {
    share: m.share,
    revenue: m.revenue,
    profit: m.profit,
    trust: m.trust,
    alignment: m.alignment,
    morale: m.morale,
    breadth: m.breadth,
    brand: m.brand,
  };
}

function collect(
  blocks: readonly Block[],
  move: Move | null,
  standing: readonly PullTerm[],
): WhyPart[] {
  const parts = new Map<string, WhyPart>();
  const add = (by: WhySource, figure: WhyFigure, amount: number) => {
    if (amount === 0) return;
    const key = keyOf(by);
    let part = parts.get(key);
    if (!part) {
      part = { by, change: {} };
      parts.set(key, part);
    }
    part.change[figure] = (part.change[figure] ?? 0) + amount;
  };
  for (const block of blocks) {
    for (const figure of WHY_FIGURES)
      add(block.by, figure, block.after[figure] - block.before[figure]);
  }
  if (move) splitMove(move, blocks, standing, add);
  return [...parts.values()];
}

/**
 * The customer's move, split between the standing pulls and each thing that moved where
 * the pulls settle it, in proportion to each one's part of rate·(target − x). The measured
 * move differs from that only by the rounding grid and the ±1 bounds.
 */
function splitMove(
  move: Move,
  blocks: readonly Block[],
  standing: readonly PullTerm[],
  add: (by: WhySource, figure: WhyFigure, amount: number) => void,
): void {
  const pieces: { by: WhySource; dx: number }[] = standing.map((t) => ({
    by: t.by,
    dx: move.rate * t.value,
  }));
  // the opening target is where the standing pulls settle the customer: the changes to it
  // before the move are the blocks' (the 'settle' block moves no target: same state)
  for (const block of blocks.slice(0, move.blocksBefore)) {
    const d = block.after.target - block.before.target;
    if (d !== 0) pieces.push({ by: block.by, dx: move.rate * d });
  }
  // the pieces add up to the model's move, rate·(target − x), up to the rounding grid of
  // the forces; dividing by their own sum makes the parts add up to the measured move
  let model = 0;
  for (const piece of pieces) model += piece.dx;
  const share = move.after.share - move.before.share;
  const revenue = move.after.revenue - move.before.revenue;
  const profit = move.after.profit - move.before.profit;
  if (Math.abs(model) < 1e-12) {
    // the pulls were in balance; a change on the rounding grid goes to the largest rope
    const top = [...pieces].sort((a, b) => Math.abs(b.dx) - Math.abs(a.dx))[0];
    if (top) {
      add(top.by, 'share', share);
      add(top.by, 'revenue', revenue);
      add(top.by, 'profit', profit);
    }
    return;
  }
  for (const piece of pieces) {
    const weight = piece.dx / model;
    add(piece.by, 'share', share * weight);
    add(piece.by, 'revenue', revenue * weight);
    add(piece.by, 'profit', profit * weight);
  }
}

/**
 * What a price away from list cost (or earned) in one quarter, beside what it drew: the
 * lines of the quarter's split credit "your price against the list price" only with the
 * customer it drew, which reads as a gain every quarter, while the margin the discount
 * gives away on every unit sold shows once, in the reply that cut the price. That margin
 * is a standing cost, not a change, so it is no line of the split: it is worked out here.
 *
 * Revenue is share × market × served × price, and profit's margin counts the same volume
 * at (price − 1 + margin rate): at list price the same sales would have brought
 * revenue × (1 − price) / price more in revenue and in profit alike.
 */
export interface PriceCost {
  /** our price against list at the quarter's end: 0.93 after a 7% discount */
  price: number;
  /** thousands more (less, above list) the quarter's sales would have brought at list price */
  givenAway: number;
}

/** The price at the end of quarter `quarter` (1-based), from the price moves the quarters recorded. */
export function priceAt(state: SimState, quarter: number): number {
  let price = 1;
  for (const report of state.history.slice(0, quarter)) {
    for (const c of report.causes) if (c.metric === 'price') price += c.delta;
  }
  return Math.round(price * 1e6) / 1e6;
}

/** Null where the price stood at list, or the quarter was not played. */
export function priceCost(state: SimState, quarter: number): PriceCost | null {
  const report = state.history[quarter - 1];
  if (!report) return null;
  const price = priceAt(state, quarter);
  if (price === 1 || price <= 0) return null;
  return { price, givenAway: (report.metrics.revenue * (1 - price)) / price };
}
