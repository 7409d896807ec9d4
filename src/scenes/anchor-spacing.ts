// Where the pullers' ends go when they would crowd: ropes that pull nearly the same way,
// or that a customer near the canvas's edge presses against that edge (at a high share
// our team's ends all meet the right edge), would put their markers on top of each other
// and leave their names no room beside them. Such ends are moved apart up and down, in
// the order the ropes fan, so each marker and its name get a row of their own. Only the
// puller's end moves: the customer, the rope's thickness, tension and colour (its drawn
// pull) stay as the model gives them. Pure, so it is unit-tested.

export interface Anchor {
  ax: number;
  ay: number;
}

export interface AnchorBand {
  /** the customer's node: ends on either side of it are spaced apart separately, and
   * ends in its column keep out of its rows (their names would cover it) */
  node: { x: number; y: number; r: number };
  /** the rows the ends may use */
  top: number;
  bottom: number;
  /** the least height between two ends in the same column */
  gap: number;
  /** ends closer than this across are in the same column */
  column: number;
  /**
   * The canvas's width: an end this close to its edge has no room for its name outside it,
   * so the name goes on the customer's side, and the end keeps out of the node's rows.
   */
  width: number;
  /** how close to the edge counts as pressed against it */
  pressed: number;
}

/** An end, or the node (which does not move), with the height it needs kept clear. */
interface Item {
  at: Anchor;
  half: number;
  fixed: boolean;
}

/**
 * Moves the ends (in place) so that no two on the same side of the customer and in the
 * same column lie closer than `band.gap` up and down, and none pressed against the
 * canvas's edge lies within the node's rows, keeping their order and the band.
 */
export function spaceAnchors(anchors: readonly Anchor[], band: AnchorBand): void {
  const { node } = band;
  for (const side of [-1, 1]) {
    const ends = anchors.filter((a) => Math.sign(a.ax - node.x) === side);
    const group: Item[] = ends.map((at) => ({ at, half: band.gap / 2, fixed: false }));
    const nodeItem = { at: { ax: node.x + side * node.r, ay: node.y }, half: node.r, fixed: true };
    spaceColumn([...group, nodeItem], band);
  }
}

/** Pushes crowded pairs apart a little at a time until none crowd (or it gives up). */
function spaceColumn(items: Item[], band: AnchorBand): void {
  const need = (a: Item, b: Item) => a.half + b.half;
  const pressed = (a: Anchor) => a.ax < band.pressed || a.ax > band.width - band.pressed;
  const near = (a: Item, b: Item) =>
    a.fixed || b.fixed ? pressed((a.fixed ? b : a).at) : Math.abs(a.at.ax - b.at.ax) < band.column;
  const crowded = (a: Item, b: Item) => near(a, b) && b.at.ay - a.at.ay < need(a, b) - 0.5;
  const clamp = (y: number) => Math.min(band.bottom, Math.max(band.top, y));
  for (let round = 0; round < 80; round++) {
    let moved = false;
    // ties with the node go to the ends' side of it they started on: stable sort
    items.sort((a, b) => a.at.ay - b.at.ay);
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        const a = items[i]!;
        const b = items[j]!;
        if (!crowded(a, b)) continue;
        const short = need(a, b) - (b.at.ay - a.at.ay);
        if (a.fixed) b.at.ay = clamp(b.at.ay + short);
        else if (b.fixed) a.at.ay = clamp(a.at.ay - short);
        else {
          a.at.ay = clamp(a.at.ay - short / 2);
          b.at.ay = clamp(b.at.ay + short / 2);
          // against the band's edge one end cannot move: the other takes the whole push
          if (a.at.ay <= band.top) b.at.ay = clamp(Math.max(b.at.ay, a.at.ay + need(a, b)));
          if (b.at.ay >= band.bottom) a.at.ay = clamp(Math.min(a.at.ay, b.at.ay - need(a, b)));
        }
        moved = true;
      }
    }
    if (!moved) return;
  }
}
