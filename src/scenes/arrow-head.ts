import { centredBox, type Label } from './labels.ts';

// The head of the team's power line (the light blue arrow from the customer): one shape,
// drawn by the scene and kept clear by the ropes' names. A name laid against it reads as
// if the arrow pointed at that puller. Pure.

export interface Point {
  x: number;
  y: number;
}

/** How far the head's tip lies beyond the end of a line this wide. */
export function headLength(lineWidth: number): number {
  return lineWidth * 0.9 + 6;
}

/** The head's three corners: its tip beyond the line's end, and the two back corners. */
export function arrowHead(from: Point, end: Point, lineWidth: number): [Point, Point, Point] {
  const a = Math.atan2(end.y - from.y, end.x - from.x);
  const s = headLength(lineWidth);
  const at = (turn: number): Point => ({
    x: end.x + Math.cos(a + turn) * s,
    y: end.y + Math.sin(a + turn) * s,
  });
  return [at(0), at(2.2), at(-2.2)];
}

/** Room kept round the head, so a name does not touch it either. */
const MARGIN = 2;
/** How many slices across its length the head is covered with. */
const SLICES = 6;

/**
 * Boxes over the head (ids 'arrow'), a slice across it each: its back is wide and its tip
 * narrow, so a name may come near the tip's sides without a box as wide as the back
 * keeping it off.
 */
export function arrowHeadCover(from: Point, end: Point, lineWidth: number): Label[] {
  const [tip, left, right] = arrowHead(from, end, lineWidth);
  const out: Label[] = [];
  for (let i = 0; i < SLICES; i++) {
    // the slice between fractions f0 and f1 of the way from the back to the tip
    const f0 = i / SLICES;
    const f1 = (i + 1) / SLICES;
    const along = (f: number, p: Point): Point => ({
      x: p.x + (tip.x - p.x) * f,
      y: p.y + (tip.y - p.y) * f,
    });
    const corners = [along(f0, left), along(f0, right), along(f1, left), along(f1, right)];
    const xs = corners.map((c) => c.x);
    const ys = corners.map((c) => c.y);
    const x0 = Math.min(...xs) - MARGIN;
    const x1 = Math.max(...xs) + MARGIN;
    const y0 = Math.min(...ys) - MARGIN;
    const y1 = Math.max(...ys) + MARGIN;
    out.push(centredBox((x0 + x1) / 2, y0, x1 - x0, y1 - y0, 'arrow'));
  }
  return out;
}
