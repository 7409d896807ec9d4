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
 *
 * It runs for every name in every frame while a quarter plays, so it builds no list of
 * places: it tries them one by one, best first, and checks each only against what lies
 * near the marker, and stops at the first free one.
 */
export function placeBeside(
  m: MarkerPlace,
  label: Label,
  pref: Preference,
  w: number,
  rows: Rows,
  avoid: readonly Label[],
): Label | null {
  const near = avoid.filter((a) => mayMeet(a, m, label));
  const trial: Trial = {
    label,
    at: { ...label },
    room: { ...label, width: label.width + 2, height: label.height + 2 },
  };
  for (const side of sidesInOrder(pref)) {
    const found = firstFreeAlong(m, trial, side, pref.outward, w, rows, near);
    if (found) return found;
  }
  return null;
}

/** The sides of the marker, best first. */
function sidesInOrder(pref: Preference): readonly SideOf[] {
  const v: SideOf = pref.away < 0 ? 'above' : 'below';
  const other: SideOf = pref.away < 0 ? 'below' : 'above';
  return pref.outward === 0
    ? [v, 'right', 'left', other]
    : pref.outward > 0
      ? ['right', v, other, 'left']
      : ['left', v, other, 'right'];
}

/**
 * The first free place along one side of the marker, sharing a few pixels of its row (left
 * and right) or column (above and below) at least: the centred one first, then further and
 * further off centre, outward before inward.
 */
function firstFreeAlong(
  m: MarkerPlace,
  trial: Trial,
  side: SideOf,
  outward: -1 | 0 | 1,
  w: number,
  rows: Rows,
  avoid: readonly Label[],
): Label | null {
  const { box } = m;
  const { label } = trial;
  const h = label.height;
  if (side === 'right' || side === 'left') {
    const x = side === 'right' ? leftEdge(box) + box.width + PAD : leftEdge(box) - PAD;
    const align = side === 'right' ? 'left' : 'right';
    const level = m.ay - h / 2;
    const reach = (h + box.height) / 2 - 2;
    for (const d of offsets(reach, 0)) {
      const found = freePlace(m, trial, align, x, level + d, w, rows, avoid);
      if (found) return found;
    }
    return null;
  }
  const y = side === 'above' ? box.y - PAD - h : box.y + box.height + PAD;
  const reach = (label.width + box.width) / 2 - 2;
  for (const d of offsets(reach, outward)) {
    const found = freePlace(m, trial, 'center', m.ax + d, y, w, rows, avoid);
    if (found) return found;
  }
  return null;
}

/** Scratch boxes for one name's places, reused from place to place. */
interface Trial {
  label: Label;
  /** the place tried */
  at: Label;
  /** the place with a pixel of room all round: the text pool draws on whole pixels */
  room: Label;
}

/** The label at this place (slid onto the canvas) if it is a free one, else null. */
function freePlace(
  m: MarkerPlace,
  trial: Trial,
  align: Label['align'],
  x: number,
  y: number,
  w: number,
  rows: Rows,
  avoid: readonly Label[],
): Label | null {
  const { label, at, room } = trial;
  at.align = align;
  at.x = x;
  at.y = y;
  if (!slideOnto(at, w) || !touches(at, m)) return null;
  if (at.y < rows.top || at.y + at.height > rows.bottom) return null;
  room.align = align;
  room.x = at.x + GROW[align];
  room.y = at.y - 1;
  if (avoid.some((a) => labelsOverlap(a, room))) return null;
  return { ...label, align, x: at.x, y: at.y };
}

/**
 * Whether `a` could cover any place beside the marker that touches it: those lie within
 * the label's size (and its pixel of room) of the marker's box, so anything further off
 * needs no checking.
 */
function mayMeet(a: Label, m: MarkerPlace, label: Label): boolean {
  const reachX = label.width + PAD + 2 + 2;
  const reachY = label.height + PAD + 2 + 2;
  const mLeft = leftEdge(m.box);
  const al = leftEdge(a);
  return (
    al < mLeft + m.box.width + reachX &&
    mLeft - reachX < al + a.width &&
    a.y < m.box.y + m.box.height + reachY &&
    m.box.y - reachY < a.y + a.height
  );
}

/** Moves the label sideways onto the canvas, EDGE px in; false where it is wider than that. */
function slideOnto(l: Label, w: number): boolean {
  const left = leftEdge(l);
  if (l.width > w - 2 * EDGE) return false;
  if (left < EDGE) l.x = l.x + (EDGE - left);
  else if (left + l.width > w - EDGE) l.x = l.x - (left + l.width - (w - EDGE));
  return true;
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
