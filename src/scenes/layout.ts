import { type FrameRope, teamAlignment, type ViewFrame } from './frame.ts';
import { mixColour, SIDE_STYLES, type Side } from './palette.ts';

// Where everything goes on a canvas of a given size. Pure, so the geometry (angles as the
// sim gives them, our side on the right, labels that do not collide) is unit-tested.

export interface RopeGeom {
  id: string;
  name: string;
  side: Side;
  pull: number;
  presence: number;
  /** the puller's end */
  ax: number;
  ay: number;
  thickness: number;
  /** 0 slack … 1 taut: how hard this rope is pulled */
  tension: number;
  /** extra rope length over the gap, as a fraction: slack ropes sag */
  slack: number;
  colour: number;
}

export type Align = 'left' | 'right' | 'center';

export interface Label {
  id: string;
  text: string;
  side: Side;
  x: number;
  y: number;
  align: Align;
  /** estimated box, for overlap checks */
  width: number;
  height: number;
}

export interface PowerLine {
  x: number;
  y: number;
  width: number;
  alignment: number;
}

export interface Layout {
  width: number;
  height: number;
  fontSize: number;
  trackLeft: number;
  trackRight: number;
  trackY: number;
  node: { x: number; y: number; r: number };
  homeX: number;
  ropeLength: number;
  ropes: RopeGeom[];
  power: PowerLine | null;
  labels: Label[];
  /** the customer's name under the node: other captions keep clear of it too */
  nodeName: Label;
}

/** A pull this strong draws the thickest, tautest rope; the scale is absolute so quarters compare. */
export const FULL_PULL = 1.2;

export function ropeThickness(pull: number): number {
  return Math.min(11, 1.5 + (Math.max(0, pull) / FULL_PULL) * 8);
}

export function ropeTension(pull: number): number {
  return Math.min(1, Math.max(0, pull / FULL_PULL));
}

/** A rope pulled hard runs nearly straight; a weak pull hangs loose. */
export function ropeSlack(tension: number): number {
  return 0.002 + 0.09 * (1 - tension) ** 3;
}

const MARGIN = 6;

export type Measure = (text: string, fontSize: number) => number;

/** A guess at a label's width where no canvas can measure it (unit tests). */
export function estimateTextWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.62;
}

/** Screen direction of a sim angle: 0 is right (our side), angles grow clockwise (y down). */
function dir(angle: number): { dx: number; dy: number } {
  const rad = (angle * Math.PI) / 180;
  return { dx: Math.cos(rad), dy: Math.sin(rad) };
}

/** `caption` is the customer's name, shown under the node: rope labels keep clear of it. */
export function layoutFrame(
  frame: ViewFrame,
  width: number,
  height: number,
  caption = '',
  measure: Measure = estimateTextWidth,
): Layout {
  const w = Math.max(200, width);
  const h = Math.max(160, height);
  const fontSize = w < 420 ? 12 : w < 720 ? 13 : 15;
  const cx = w / 2;
  const cy = h * 0.5;
  // narrow screens give the ropes more of the width and the track less
  const narrow = w < 600;
  const ropeLength = Math.min(w * (narrow ? 0.3 : 0.25), h * 0.36);
  const half = Math.min(w * (narrow ? 0.15 : 0.2), w / 2 - ropeLength - MARGIN);
  // thickness is absolute (quarters compare), but a small canvas draws everything thinner
  const scale = Math.min(1, Math.max(0.6, ropeLength / 220));
  const trackY = cy;
  const nodeX = cx + clampUnit(frame.position) * half;
  const node = { x: nodeX, y: cy, r: Math.max(15, Math.min(22, w * 0.03)) };
  const homeX = cx + clampUnit(frame.home) * half;

  const geoms: RopeGeom[] = frame.ropes.map((r) => ropeGeom(r, node, homeX, ropeLength, h, scale));
  const power = powerLine(frame, node, ropeLength, scale);
  const nodeName = nodeNameBox(node, fontSize, caption, measure);
  const labels = placeLabels(geoms, node, w, h, fontSize, nodeName, measure);
  return {
    width: w,
    height: h,
    fontSize,
    trackLeft: cx - half,
    trackRight: cx + half,
    trackY,
    node,
    homeX,
    ropeLength,
    ropes: geoms,
    power,
    labels,
    nodeName,
  };
}

function clampUnit(v: number): number {
  return Math.min(1, Math.max(-1, v));
}

function ropeGeom(
  r: FrameRope,
  node: { x: number; y: number },
  homeX: number,
  length: number,
  height: number,
  scale: number,
): RopeGeom {
  const tension = ropeTension(r.pull);
  const style = SIDE_STYLES[r.side];
  let ax: number;
  let ay: number;
  if (r.side === 'habit') {
    // habits are a spring towards the customer's home: tied to a peg at the home mark,
    // above or below the track as the sim's rope angle says
    const down = Math.sin((r.angle * Math.PI) / 180) >= 0;
    ax = homeX;
    ay = node.y + (down ? 1 : -1) * Math.min(length * 0.75, height * 0.5 - 24);
  } else {
    const { dx, dy } = dir(r.angle);
    const len = r.side === 'outside' ? length * 0.8 : length;
    ax = node.x + dx * len;
    ay = node.y + dy * len;
  }
  return {
    id: r.id,
    name: r.name,
    side: r.side,
    pull: r.pull,
    presence: r.presence,
    ax,
    ay,
    thickness: ropeThickness(r.pull) * scale,
    tension,
    slack: ropeSlack(tension),
    colour: mixColour(style.pale, style.colour, 0.55 + 0.45 * tension),
  };
}

function powerLine(
  frame: ViewFrame,
  node: { x: number; y: number },
  length: number,
  scale: number,
): PowerLine | null {
  const { alignment, resultant, angle } = teamAlignment(frame);
  if (resultant <= 0) return null;
  const { dx, dy } = dir(angle);
  // the power line is as long as the ropes when the team pulls as one, shorter when it
  // pulls apart; it is drawn behind the team's ropes
  return {
    x: node.x + dx * length * alignment,
    y: node.y + dy * length * alignment,
    width: (ropeThickness(resultant) + 10 * alignment ** 3) * scale,
    alignment,
  };
}

/**
 * Below this width a rope's label drops its parenthesis ("Priya Nair (power tools)"), as
 * it does wherever the whole name would not fit beside its rope: there is no room for
 * nine long labels, and the text list beside the view has them whole.
 */
const SHORT_LABELS_BELOW = 480;

function labelText(g: RopeGeom, short: boolean): string {
  if (g.side === 'habit') return 'Habits';
  if (g.side === 'outside') return 'Outside';
  return short ? g.name.replace(/\s*\([^)]*\)\s*$/, '') || g.name : g.name;
}

const labelHeight = (fontSize: number) => Math.round(fontSize * 1.35);

/** The top band holds the alignment figure and gust notes, the bottom band the side captions. */
const bandHeight = (fontSize: number) => labelHeight(fontSize) * 2 + 6;

/** A box centred on x with its top at y: space that labels keep clear of. */
function centredBox(x: number, y: number, width: number, height: number, text = ''): Label {
  return { id: '', text, side: 'team', x, y, align: 'center', width, height };
}

function nodeNameBox(
  node: { x: number; y: number; r: number },
  fontSize: number,
  caption: string,
  measure: Measure,
): Label {
  return centredBox(
    node.x,
    node.y + node.r + 4,
    measure(caption, fontSize) + 4,
    labelHeight(fontSize),
  );
}

function placeLabels(
  geoms: RopeGeom[],
  node: { x: number; y: number; r: number },
  w: number,
  h: number,
  fontSize: number,
  nodeName: Label,
  measure: Measure,
): Label[] {
  const height = labelHeight(fontSize);
  const labels: Label[] = [];
  for (const g of geoms) {
    if (g.presence < 0.05) continue;
    const dx = g.ax - node.x;
    const gap = 8 + g.thickness / 2;
    let align: Align;
    let x: number;
    let y = g.ay - height / 2;
    if (g.side === 'habit' || Math.abs(dx) < 24) {
      align = 'center';
      x = g.ax;
      y = g.ay > node.y ? g.ay + gap : g.ay - gap - height;
    } else if (dx > 0) {
      align = 'left';
      x = g.ax + gap;
    } else {
      align = 'right';
      x = g.ax - gap;
    }
    // the whole name where it fits beside its rope; pushed back over the ropes by the
    // canvas's edge it would hide them, so then the short one
    let text = labelText(g, w < SHORT_LABELS_BELOW);
    let width = measure(text, fontSize);
    const room = align === 'left' ? w - MARGIN - x : align === 'right' ? x - MARGIN : w;
    if (width > room) {
      text = labelText(g, true);
      width = measure(text, fontSize);
    }
    labels.push({ id: g.id, text, side: g.side, x, y, align, width, height });
  }
  const band = bandHeight(fontSize);
  return spread(
    labels,
    w,
    { top: band, bottom: h - band },
    [nodeName, nodeBox(node)],
    markerBoxes(geoms),
  );
}

/** The box the customer's node covers. */
function nodeBox(node: { x: number; y: number; r: number }): Label {
  return centredBox(node.x, node.y - node.r, node.r * 2, node.r * 2);
}

/** The boxes the shown ropes' anchor markers cover: labels keep clear of them. */
export function markerBoxes(geoms: readonly RopeGeom[]): Label[] {
  return geoms.filter((g) => g.presence >= 0.05).map(markerBox);
}

/** A marker is drawn with size 4 + thickness / 2 around the anchor; a pixel of margin. */
function markerBox(g: RopeGeom): Label {
  const size = 4 + g.thickness * 0.5 + 1;
  return centredBox(g.ax, g.ay - size * 1.2, size * 2, size * 2.2);
}

/**
 * Where a caption centred at (x, y) goes without covering the rope labels, the customer's
 * name or the node: there if it is free, else the nearest free row (the what-if's share
 * over its ghost node).
 */
export function placeCaption(
  layout: Layout,
  text: string,
  x: number,
  y: number,
  fontSize: number,
  measure: Measure,
): Label {
  const { node } = layout;
  const caption = centredBox(x, y, measure(text, fontSize) + 4, labelHeight(fontSize), text);
  const band = bandHeight(layout.fontSize);
  const rows = { top: band, bottom: layout.height - band };
  const placed = [...layout.labels, layout.nodeName, nodeBox(node), ...markerBoxes(layout.ropes)];
  // the column over the ghost first; on a view with no room anywhere, over the ghost
  settleNear(caption, layout.width, rows, placed, 40);
  return caption;
}

/**
 * Clamps each label onto the canvas, then moves it to the nearest row free of the other
 * labels and `fixed`, and of `soft` too (markers) where the column has room. Where its
 * column has no room at all, it moves a little sideways (a label far from its rope would
 * mislead), to the nearest column that has.
 */
function spread(
  labels: Label[],
  w: number,
  rows: { top: number; bottom: number },
  fixed: Label[],
  soft: Label[] = [],
): Label[] {
  const placed: Label[] = [...fixed];
  for (const l of labels) {
    const { x, y } = l;
    if (!settle(l, w, rows, [...placed, ...soft])) {
      l.x = x;
      l.y = y;
      settleNear(l, w, rows, placed, 4);
    }
    placed.push(l);
  }
  return labels;
}

/**
 * settle() in the label's own column, then in columns further and further to either side
 * (up to `columns` of them); returns false, leaving the label where it wanted to be, when
 * none has room.
 */
function settleNear(
  l: Label,
  w: number,
  rows: { top: number; bottom: number },
  placed: readonly Label[],
  columns: number,
): boolean {
  const { x, y } = l;
  const stride = Math.max(8, Math.round(l.width / 4));
  for (let k = 0; k <= columns; k++) {
    l.x = x + Math.ceil(k / 2) * stride * (k % 2 === 0 ? 1 : -1);
    l.y = y;
    if (settle(l, w, rows, placed)) return true;
  }
  l.x = x;
  l.y = y;
  settle(l, w, rows, []);
  return false;
}

/**
 * Clamps a label onto the canvas and moves it to the nearest row where it covers none of
 * `placed`; returns false, leaving it at its wanted row, when the column has no such row.
 */
function settle(
  l: Label,
  w: number,
  rows: { top: number; bottom: number },
  placed: readonly Label[],
): boolean {
  const left = leftEdge(l);
  if (left < MARGIN) l.x += MARGIN - left;
  const right = leftEdge(l) + l.width;
  if (right > w - MARGIN) l.x -= right - (w - MARGIN);
  const lo = rows.top;
  const hi = Math.max(lo, rows.bottom - l.height);
  const want = Math.min(hi, Math.max(lo, l.y));
  const step = Math.max(4, Math.round(l.height / 3));
  for (let k = 0; k < 200; k++) {
    const offset = Math.ceil(k / 2) * step * (k % 2 === 0 ? 1 : -1);
    const y = want + offset;
    if (y < lo || y > hi) continue;
    l.y = y;
    if (!placed.some((p) => labelsOverlap(p, l))) return true;
  }
  l.y = want;
  return false;
}

export function leftEdge(l: Label): number {
  if (l.align === 'left') return l.x;
  if (l.align === 'right') return l.x - l.width;
  return l.x - l.width / 2;
}

function overlapX(a: Label, b: Label): boolean {
  const al = leftEdge(a);
  const bl = leftEdge(b);
  return al < bl + b.width && bl < al + a.width;
}

export function labelsOverlap(a: Label, b: Label): boolean {
  return overlapX(a, b) && a.y < b.y + b.height && b.y < a.y + a.height;
}
