// Where the style chart's names go: beside their dot, on whichever side has room, never
// over another name or a dot, and never past the chart's edge. A name with no free place
// is left out of the picture; it is still in the dot's tooltip and on the leaderboard.

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Spot {
  x: number;
  y: number;
  text: string;
}

export interface Placed {
  /** the text's anchor: its start (left) edge and its baseline */
  x: number;
  y: number;
  text: string;
  anchor: 'start' | 'end';
}

/** Room for a character and a line at the largest type the chart is shown in (the projector's). */
export const CHAR_W = 8.8;
export const LINE_H = 18;
const GAP = 10;

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * Places one label per spot inside `bounds`; `dots` are kept clear (each a square of
 * `radius` around its centre). Spots are tried right, left, above, below their dot.
 */
export function placeLabels(spots: readonly Spot[], bounds: Box, radius: number): Placed[] {
  const taken: Box[] = spots.map((s) => ({
    x: s.x - radius,
    y: s.y - radius,
    w: 2 * radius,
    h: 2 * radius,
  }));
  const inside = (b: Box) =>
    b.x >= bounds.x &&
    b.y >= bounds.y &&
    b.x + b.w <= bounds.x + bounds.w &&
    b.y + b.h <= bounds.y + bounds.h;
  const placed: Placed[] = [];
  for (const s of spots) {
    const w = s.text.length * CHAR_W;
    // above and below, a name is centred on its dot but slides along to stay inside
    const across = Math.min(Math.max(s.x - w / 2, bounds.x), bounds.x + bounds.w - w);
    const tries: { box: Box; at: Placed }[] = [
      { x: s.x + GAP, y: s.y, anchor: 'start' as const },
      { x: s.x - GAP, y: s.y, anchor: 'end' as const },
      { x: across, y: s.y - GAP - LINE_H / 2, anchor: 'start' as const },
      { x: across, y: s.y + GAP + LINE_H / 2, anchor: 'start' as const },
    ].map((t) => ({
      box: { x: t.anchor === 'end' ? t.x - w : t.x, y: t.y - LINE_H / 2, w, h: LINE_H },
      at: { x: t.x, y: t.y + LINE_H / 4, text: s.text, anchor: t.anchor },
    }));
    const free = tries.find((t) => inside(t.box) && !taken.some((b) => overlaps(b, t.box)));
    if (!free) continue;
    taken.push(free.box);
    placed.push(free.at);
  }
  return placed;
}
