import type { Explanation } from '../../sim/index.ts';

// Which of the explanation's decisions the debrief stars as turning points: the few where
// another reply would have changed the final score most. A decision's swing is the largest
// change of the final score another reply there makes, up or down, the player's other
// decisions kept. A turning point's swing is
// - at least LEAST points (below that, nothing mattered much),
// - at least half the game's largest swing (it stands out from the rest of this game: in a
//   market where every quarter could move the score by 8 points, a 9 is not a turning point
//   unless it is among the few largest),
// - among the MOST largest; where a tie at the cut would make more, the tied ones are left
//   out, since nothing tells them apart.
// One rule for the star, its definition (terms.ts), the list and the reflection questions.

/** the fewest points of final score another reply must move for a decision to be starred */
export const LEAST = 3;
/** the share of the game's largest swing a turning point must reach */
export const OF_LARGEST = 0.5;
/** never more turning points than this in one game */
export const MOST = 3;

/** The rule in words, for the debrief's definition and the list of turning points. */
export const TURNING_RULE = `at most ${MOST} in a game: the decisions where another reply, with your other decisions kept, would have changed your final score most, by at least ${LEAST} points and at least half as much as the decision that mattered most`;

export function turningPointsThatMattered(e: Explanation): Explanation['turningPoints'] {
  const largest = e.turningPoints.reduce((m, t) => Math.max(m, t.swing), 0);
  const bar = Math.max(LEAST, largest * OF_LARGEST);
  const ranked = e.turningPoints
    .filter((t) => t.swing >= bar)
    .sort((a, b) => b.swing - a.swing || a.quarter - b.quarter);
  const cut = ranked[MOST]?.swing;
  return ranked.filter((t, i) => i < MOST && t.swing !== cut).sort((a, b) => a.quarter - b.quarter);
}
