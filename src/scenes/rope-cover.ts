import { centredBox, type Label } from './labels.ts';

// Where each rope's line runs, as small boxes along it. A name is drawn on a light ground
// of its own, so a name laid over a rope hides that stretch of the rope, and on a small
// canvas a name across another rope reads as that rope's name: the places beside a marker
// are tried clear of these boxes first. Pure. The sag is estimated as a hanging rope of
// that slack would sag, not simulated: this runs for every frame while a quarter plays.

/** What the cover needs of a rope: its puller's end, how thick it is drawn and how loose. */
export interface RopeLine {
  id: string;
  ax: number;
  ay: number;
  thickness: number;
  /** distrust's sheath around our team's ropes, drawn wider than the rope (0: none) */
  sheath: number;
  /** extra length over the gap, as a fraction (layout.ts's ropeSlack) */
  slack: number;
}

/** Room kept either side of a rope's line, so a name does not touch it either. */
const MARGIN = 2;

/**
 * How far a rope of this slack hangs from the straight line between its ends at its
 * middle, across that line. A parabola of depth D over a span L is L + 8D²/3L long, so
 * D = L·√(3s/8); the view's ropes also stretch a little under gravity, about 5% of the
 * span when taut (checked against the Verlet rope settled). A rope hanging straight down
 * has nothing to sag across, a steep one little.
 */
export function estimatedSag(dx: number, dy: number, slack: number): number {
  const span = Math.hypot(dx, dy);
  if (span < 1e-6) return 0;
  const across = Math.min(1, 1.5 * Math.sqrt(Math.abs(dx) / span));
  return span * Math.sqrt((3 * Math.max(0, slack)) / 8 + 0.0025) * across;
}

/**
 * Boxes along the rope from just past its marker to just outside the customer's node
 * (the marker and the node have boxes of their own), a box every few pixels, each as
 * wide as the rope is drawn.
 */
export function ropeCover(rope: RopeLine, node: { x: number; y: number; r: number }): Label[] {
  const dx = node.x - rope.ax;
  const dy = node.y - rope.ay;
  const span = Math.hypot(dx, dy);
  const size = Math.max(rope.thickness, rope.sheath) + 2 * MARGIN;
  const marker = 4 + rope.thickness * 0.5 + 1;
  const from = marker / Math.max(span, 1e-6);
  const to = 1 - (node.r + 1) / Math.max(span, 1e-6);
  if (to <= from) return [];
  const sag = estimatedSag(dx, dy, rope.slack);
  // the sag bends the rope across its line, to the side below it on screen
  const down = dx >= 0 ? 1 : -1;
  const nx = (-dy / Math.max(span, 1e-6)) * down;
  const ny = (dx / Math.max(span, 1e-6)) * down;
  const steps = Math.max(1, Math.ceil(((to - from) * span) / Math.max(4, size * 0.75)));
  const out: Label[] = [];
  for (let i = 0; i <= steps; i++) {
    const f = from + ((to - from) * i) / steps;
    const bow = 4 * sag * f * (1 - f);
    const x = rope.ax + dx * f + nx * bow;
    const y = rope.ay + dy * f + ny * bow;
    out.push(centredBox(x, y - size / 2, size, size, `line:${rope.id}`));
  }
  return out;
}
