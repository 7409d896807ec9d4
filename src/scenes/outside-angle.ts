// Which way the outside influences' rope is drawn. The model gives it only a sense (for us
// or against us), which the view draws as a rope up and to our side, or down and to
// theirs; at exactly that angle it can lie along a rival's rope (rivals fan out on their
// side), its marker on the rival's line, and then no place beside the marker leaves the
// other rope uncovered by its name. So it turns a little within its quarter of the
// picture, to the first angle clear of every other rope. Pure, so it is unit-tested.

/** How far, in degrees, the outside rope keeps from any other rope where it can. */
export const CLEAR_BY = 25;

/** How far it keeps from the habits' rope: enough that the two markers do not touch. */
export const SOFT_CLEAR_BY = 12;

/** Offsets from the model's angle, tried in order: the model's own first. */
const TURNS = [0, 20, -20, 35, -35];

/** Shortest angle between two directions, in degrees (0..180). */
function apart(a: number, b: number): number {
  const d = Math.abs((((a - b) % 360) + 360) % 360);
  return d > 180 ? 360 - d : d;
}

/**
 * The angle to draw the outside rope at: the model's where no other rope runs within
 * CLEAR_BY degrees, else the first of a few turns either way that is clear, else the turn
 * furthest from every other rope. `soft` ropes (the customer's habits, whose marker sits
 * on no rival's line but can sit on the outside's) are kept clear of too where a turn
 * clears both; where none does, only `others` count, as a name over a rival's rope misleads
 * more than two markers side by side.
 */
export function outsideAngle(
  angle: number,
  others: readonly number[],
  soft: readonly number[] = [],
): number {
  const gapTo = (a: number, ropes: readonly number[]) =>
    Math.min(180, ...ropes.map((o) => apart(a, o)));
  if (soft.length > 0) {
    for (const turn of TURNS) {
      const a = angle + turn;
      if (gapTo(a, others) >= CLEAR_BY && gapTo(a, soft) >= SOFT_CLEAR_BY) return a;
    }
  }
  let best = angle;
  let bestGap = -1;
  for (const turn of TURNS) {
    const a = angle + turn;
    const gap = gapTo(a, others);
    if (gap >= CLEAR_BY) return a;
    if (gap > bestGap) {
      best = a;
      bestGap = gap;
    }
  }
  return best;
}
