import { EDGE, type Label, labelsOverlap, leftEdge, type Rows } from './labels.ts';

// A rope's name beside its own marker: the places around the marker, tried in order (the
// side away from the customer first, where the rope is not; then above or below, away
// from the customer's row; then the other ways round), each side from where the name
// would be centred on the marker outwards, and the first that is on the canvas and covers
// no other text, marker or the customer wins. A name pushed rows away from its marker
// would name the wrong one, so every one of these places touches the marker.

/** Where a rope's puller is drawn: the anchor and the box its marker covers. */
export interface MarkerPlace {
  ax: number;
  ay: number;
  box: Label;
}

/** Which way the name goes first: away from the customer, and above or below its row. */
export interface Preference {
  /** 1: the marker is right of the customer, so its name goes right first; −1 left; 0 neither */
  outward: -1 | 0 | 1;
  /** −1: the marker is above the customer's row, so above first; 1 below */
  away: -1 | 1;
}

/** Space between a marker's box and its name. */
const PAD = 3;
/** How far apart two places tried on the same side are. */
const STEP = 3;

/** How far a label's anchor moves when its box grows a pixel each way. */
const GROW: Record<Label['align'], number> = { left: -1, center: 0, right: 1 };

type SideOf = 'right' | 'left' | 'above' | 'below';

/** The places around the marker for a label of this size, best first. */
export function besidePlaces(m: MarkerPlace, label: Label, pref: Preference): Label[] {
  const v: SideOf = pref.away < 0 ? 'above' : 'below';
  const other: SideOf = pref.away < 0 ? 'below' : 'above';
  const sides: SideOf[] =
    pref.outward === 0
      ? [v, 'right', 'left', other]
      : pref.outward > 0
        ? ['right', v, other, 'left']
        : ['left', v, other, 'right'];
  return sides.flatMap((side) => alongSide(m, label, side, pref.outward));
}

/**
 * The places along one side of the marker, sharing a few pixels of its row (left and
 * right) or column (above and below) at least: the centred one first, then further and
 * further off centre, outward before inward.
 */
function alongSide(m: MarkerPlace, label: Label, side: SideOf, outward: -1 | 0 | 1): Label[] {
  const { box } = m;
  const mLeft = leftEdge(box);
  const h = label.height;
  const out: Label[] = [];
  if (side === 'right' || side === 'left') {
    const x = side === 'right' ? mLeft + box.width + PAD : mLeft - PAD;
    const align = side === 'right' ? 'left' : 'right';
    const level = m.ay - h / 2;
    const reach = (h + box.height) / 2 - 2;
    for (const d of offsets(reach, 0)) out.push({ ...label, align, x, y: level + d });
    return out;
  }
  const y = side === 'above' ? box.y - PAD - h : box.y + box.height + PAD;
  const reach = (label.width + box.width) / 2 - 2;
  for (const d of offsets(reach, outward)) out.push({ ...label, align: 'center', x: m.ax + d, y });
  return out;
}

/** 0, then ±STEP, ±2·STEP … up to ±reach, the `lean` sign first. */
function offsets(reach: number, lean: -1 | 0 | 1): number[] {
  const first = lean < 0 ? -1 : 1;
  const out = [0];
  for (let d = STEP; d <= reach; d += STEP) out.push(first * d, -first * d);
  return out;
}

/**
 * The first of the places that lies on a canvas `w` wide within `rows` and covers none of
 * `avoid`; a place the canvas's edge cuts is slid back onto it while the name still
 * reaches over its marker's column or row. Null when none is free.
 */
export function placeBeside(
  m: MarkerPlace,
  label: Label,
  pref: Preference,
  w: number,
  rows: Rows,
  avoid: readonly Label[],
): Label | null {
  for (const place of besidePlaces(m, label, pref)) {
    const l = slideOnto(place, w);
    if (!l || !touches(l, m)) continue;
    if (l.y < rows.top || l.y + l.height > rows.bottom) continue;
    // a pixel of room all round: the text pool draws each label on whole pixels
    const room = {
      ...l,
      y: l.y - 1,
      height: l.height + 2,
      width: l.width + 2,
      x: l.x + GROW[l.align],
    };
    if (avoid.some((a) => labelsOverlap(a, room))) continue;
    return l;
  }
  return null;
}

/** The label moved sideways onto the canvas, EDGE px in; null where it is wider than that. */
function slideOnto(l: Label, w: number): Label | null {
  const left = leftEdge(l);
  if (l.width > w - 2 * EDGE) return null;
  if (left < EDGE) return { ...l, x: l.x + (EDGE - left) };
  if (left + l.width > w - EDGE) return { ...l, x: l.x - (left + l.width - (w - EDGE)) };
  return l;
}

/** Whether the label still lies against its marker: within a few pixels of its box. */
function touches(l: Label, m: MarkerPlace): boolean {
  const near = PAD + 2;
  const mLeft = leftEdge(m.box);
  const lLeft = leftEdge(l);
  const apartX = Math.max(0, mLeft - (lLeft + l.width), lLeft - (mLeft + m.box.width));
  const apartY = Math.max(0, m.box.y - (l.y + l.height), l.y - (m.box.y + m.box.height));
  return apartX <= near && apartY <= near;
}
