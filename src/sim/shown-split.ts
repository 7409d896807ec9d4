import type { WhyFigure, WhySource } from './attribution.ts';
import type { Metrics, SimState } from './state.ts';

// A figure's change in a quarter and its causes as the screens show them, in whole shown
// steps (a point of trust, a tenth of a point of share). The quarter's outcome lists them
// and the debrief adds up a reply's lines over the quarters it acted in, so both read the
// same numbers from this one place and round them the same way:
// - a value is shown rounded to its step, and a change is the difference of the values
//   shown, so "before → after" and the change always agree;
// - each cause is its exact part (attribution.ts) rounded half away from zero, so a move
//   too small to show is shown as none;
// - where the rounded parts miss the change shown, the parts rounded furthest against it
//   move by one step (largest remainder), never past a step from their exact part nor
//   through zero, and a part under half a step is never given one;
//   whatever rounding alone made is left over as `unshown`, never credited to a cause.

/** How a figure is shown: a value as whole steps of 10^-digits of value × scale. */
export interface ShownScale {
  scale: number;
  digits: number;
}

/** Figures out of 100 (trust, alignment, morale, brand, contacts): whole points. */
export const POINTS: ShownScale = { scale: 100, digits: 0 };
/** Market share: tenths of a point. */
export const TENTHS: ShownScale = { scale: 100, digits: 1 };

/** A value as the whole number of steps it is shown with. */
export function shownSteps(s: ShownScale, v: number): number {
  return Math.round(v * s.scale * 10 ** s.digits) + 0;
}

/** A change in steps rounded half away from zero, so a rise and a fall round alike. */
export function roundChange(v: number): number {
  return Math.sign(v) * Math.round(Math.abs(v)) + 0;
}

/**
 * Parts (already in steps) rounded to whole steps that add up to `total` where rounding
 * allows (see the rules at the top); `unshown` is what rounding alone made of the total.
 */
export function apportion(
  values: readonly number[],
  total: number,
): { steps: number[]; unshown: number } {
  const steps = values.map(roundChange);
  let missing = total - steps.reduce((s, v) => s + v, 0);
  while (missing !== 0) {
    const dir = Math.sign(missing);
    let best = -1;
    let bestGap = Number.NEGATIVE_INFINITY;
    values.forEach((v, i) => {
      const next = steps[i]! + dir;
      // a part under half a step shows no change; no part leaves its own step or turns
      // into a move the other way
      if (Math.abs(v) < 0.5 || Math.abs(next - v) >= 1) return;
      if (next !== 0 && Math.sign(next) !== Math.sign(v)) return;
      const gap = (v - steps[i]!) * dir;
      if (gap > bestGap) {
        bestGap = gap;
        best = i;
      }
    });
    if (best < 0) break;
    steps[best]! += dir;
    missing -= dir;
  }
  return { steps, unshown: missing };
}

export interface ShownLine {
  /** who or what moved the figure; for ropes told as one line, the first of them */
  by: WhySource;
  /** the exact change, in steps */
  raw: number;
  /** the change shown, in whole steps */
  steps: number;
}

export interface ShownSplit {
  /** the change shown: the difference of the two values as shown, in steps */
  total: number;
  /** every cause that moved the figure, in the order the quarter's trail lists them */
  lines: ShownLine[];
  /** steps of the change that no cause moved far enough to show: rounding's */
  unshown: number;
}

/**
 * Figures the screens split by cause: those the quarter's trail splits, and autonomy, which
 * only a reply, a delayed effect or an event moves, so its causes are its whole change.
 */
export type SplitFigure = WhyFigure | 'autonomy';

interface Part {
  by: WhySource;
  change: Partial<Record<SplitFigure, number>>;
}

/** The parts of a figure that only causes move, one per cause (a reply's several notes are one). */
function causeParts(state: SimState, quarter: number, figure: 'autonomy'): Part[] {
  const parts = new Map<string, Part>();
  for (const c of state.history[quarter - 1]?.causes ?? []) {
    if (c.metric !== figure) continue;
    const by: WhySource = {
      kind: 'cause',
      source: c.source,
      ref: c.ref,
      origin: c.origin,
      // a delayed effect is told by its note; a reply's own notes are one line
      ...(c.source === 'later' && c.note !== undefined ? { note: c.note } : {}),
    };
    const key = JSON.stringify(by);
    const part = parts.get(key) ?? { by, change: {} };
    part.change[figure] = (part.change[figure] ?? 0) + c.delta;
    parts.set(key, part);
  }
  return [...parts.values()];
}

function metricsBefore(state: SimState, quarter: number): Metrics | undefined {
  return quarter <= 1 ? state.start : state.history[quarter - 2]?.metrics;
}

/**
 * The change of `figure` in `quarter` (1-based) and its causes in shown steps. With
 * `standingAsOne` the ropes already pulling are one line (money lists them once, as share
 * does).
 */
export function shownSplit(
  state: SimState,
  quarter: number,
  figure: SplitFigure,
  shown: ShownScale,
  standingAsOne = false,
): ShownSplit | null {
  const report = state.history[quarter - 1];
  const before = metricsBefore(state, quarter);
  if (!report || !before) return null;
  const total = shownSteps(shown, report.metrics[figure]) - shownSteps(shown, before[figure]);
  const unit = shown.scale * 10 ** shown.digits;
  const lines: { by: WhySource; raw: number }[] = [];
  let standing: { by: WhySource; raw: number } | null = null;
  const parts: readonly Part[] =
    figure === 'autonomy' ? causeParts(state, quarter, figure) : (report.why ?? []);
  for (const p of parts) {
    const change = p.change[figure] ?? 0;
    if (change === 0) continue;
    if (standingAsOne && p.by.kind === 'pull') {
      if (!standing) {
        standing = { by: p.by, raw: 0 };
        lines.push(standing);
      }
      standing.raw += change * unit;
    } else lines.push({ by: p.by, raw: change * unit });
  }
  const { steps, unshown } = apportion(
    lines.map((l) => l.raw),
    total,
  );
  return { total, lines: lines.map((l, i) => ({ ...l, steps: steps[i]! })), unshown };
}
