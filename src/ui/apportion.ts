// Rounding parts so that the rounded parts add up to the rounded total: each part is
// rounded, then the few that rounding treated worst move by one step until the sum is the
// total (largest remainder). A list of causes on screen then adds up to the change shown
// beside it, to the last digit.

/** `values` in steps (already divided by the step); returns whole steps adding up to `total`. */
export function apportion(values: readonly number[], total: number): number[] {
  const out = values.map((v) => Math.round(v));
  let missing = total - out.reduce((s, v) => s + v, 0);
  if (values.length === 0) return out;
  while (missing !== 0) {
    const dir = Math.sign(missing);
    // the part whose rounding moved it furthest against the direction needed
    let best = 0;
    let bestGap = Number.NEGATIVE_INFINITY;
    values.forEach((v, i) => {
      const gap = (v - out[i]!) * dir;
      if (gap > bestGap) {
        bestGap = gap;
        best = i;
      }
    });
    out[best]! += dir;
    missing -= dir;
  }
  return out;
}
