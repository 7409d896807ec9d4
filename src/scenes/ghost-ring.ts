// Where the what-if's customer is drawn on the debrief's picture. Its dashed ring stands
// where the what-if's share would put the customer, under the real customer's node (the
// real one stays whole where the two meet). A what-if that ends close to the real game
// would then hide behind the node: a ring whose centre lies within the node is drawn
// round it instead, still centred on the what-if's place (so its offset still shows which
// way the other reply would have moved the customer), wide enough to clear the node.

export interface Circle {
  x: number;
  y: number;
  r: number;
}

/** The gap, in pixels, between the real node and a ring drawn round it. */
export const RING_GAP = 5;

export interface GhostRing extends Circle {
  /** drawn round the real node, since at its own size the node would hide it */
  around: boolean;
}

export function ghostRing(real: Circle, ghost: Circle): GhostRing {
  const apart = Math.hypot(ghost.x - real.x, ghost.y - real.y);
  if (apart >= real.r) return { ...ghost, around: false };
  // every point of the real node lies within `apart + real.r` of the ring's centre
  return { x: ghost.x, y: ghost.y, r: Math.max(ghost.r, apart + real.r + RING_GAP), around: true };
}

/**
 * The what-if's caption. Where its ring is drawn round the real node the two shares are
 * too close to tell apart by the rings, so the caption names both.
 */
export function ghostCaptionText(realShare: number, ghostShare: number, around: boolean): string {
  if (!around) return `What-if ${ghostShare}%`;
  if (ghostShare === realShare) return `What-if ${ghostShare}% too`;
  return `What-if ${ghostShare}% (yours ${realShare}%)`;
}
