import type { Explanation } from '../../sim/index.ts';

// Which of the explanation's turning points the debrief shows: every decision where another
// reply would have changed the final score by a few points, up or down, in the order they
// were taken. One rule for the star, its definition (terms.ts) and the list.
// The list of calls and the reflection questions both ask here, so they name the same ones.

/** points of final score another reply must be able to change for a decision to count as a turning point */
export const MATTERED = 2;

export function turningPointsThatMattered(e: Explanation): Explanation['turningPoints'] {
  return e.turningPoints.filter((t) => t.swing >= MATTERED).sort((a, b) => a.quarter - b.quarter);
}
