import { shareOf, sharePercent } from '../sim/index.ts';
import { spaceAnchors } from './anchor-spacing.ts';
import { arrowHeadCover, headLength } from './arrow-head.ts';
import { placeBeside } from './beside.ts';
import { placeCustomerName } from './customer-name.ts';
import { type FrameRope, teamAlignment, type ViewFrame } from './frame.ts';
import {
  type Align,
  centredBox,
  EDGE,
  estimateTextWidth,
  fitText,
  type Label,
  labelHeight,
  labelsOverlap,
  leftEdge,
  type Measure,
  type Rows,
  settle,
  settleNear,
  spread,
} from './labels.ts';
import { outsideAngle } from './outside-angle.ts';
import { mixColour, SIDE_STYLES, type Side } from './palette.ts';
import { ropeCover } from './rope-cover.ts';

// Where everything goes on a canvas of a given size. Pure, so the geometry (a fixed field
// from their side to ours, angles as the sim gives them, labels that never collide) is
// unit-tested.
//
// The field does not move with the customer: the scale along the bottom runs from none of
// the customer's business (their side, left) to all of it (our side, right), and the
// customer sits over its share, so every point of share moves it the same distance.

export type { Align, Label, Measure } from './labels.ts';
export { estimateTextWidth, labelsOverlap, leftEdge } from './labels.ts';

export interface RopeGeom {
  id: string;
  name: string;
  side: Side;
  pull: number;
  presence: number;
  /** the puller's end */
  ax: number;
  ay: number;
  /** the pull the customer feels (after trust's friction, contacts' breadth, rivals' reach) */
  thickness: number;
  /**
   * Our team's ropes only: the rope's thickness over the fraction of its pull distrust lets
   * through; the part the rope does not fill is what distrust's friction takes (0 elsewhere,
   * and where the customer trusts us fully).
   */
  sheath: number;
  /** 0 slack … 1 taut: how hard this rope is pulled */
  tension: number;
  /** extra rope length over the gap, as a fraction: slack ropes sag */
  slack: number;
  colour: number;
}

export interface PowerLine {
  x: number;
  y: number;
  width: number;
  alignment: number;
}

/** The fixed field: where 0% and 100% share lie, the customer's row and the scale. */
export interface Field {
  /** x of none of the customer's business (their side) */
  left: number;
  /** x of all of it (our side) */
  right: number;
  /** the customer's row */
  trackY: number;
  /** the scale's line along the bottom */
  rulerY: number;
  /** the band ropes and their labels use */
  top: number;
  bottom: number;
}

/** The words the view shows besides the ropes' names. */
export interface LayoutWords {
  /** the customer's name, under its node */
  customer: string;
  /** the left end of the scale */
  theirs: string;
  /** the right end of the scale */
  ours: string;
  /** this quarter's gusts, one note each, in the top band */
  gusts: readonly string[];
}

export const NO_WORDS: LayoutWords = {
  customer: '',
  theirs: 'their side',
  ours: 'our side',
  gusts: [],
};

export interface Layout {
  width: number;
  height: number;
  fontSize: number;
  field: Field;
  node: { x: number; y: number; r: number };
  homeX: number;
  ropeLength: number;
  ropes: RopeGeom[];
  power: PowerLine | null;
  /** the ropes' names, each with its rope's id */
  labels: Label[];
  /**
   * Every other text: 'share' (in the node), 'customer' (under it), 'alignment',
   * 'friction' (what distrust takes), 'theirs' and 'ours' (the scale's ends), 'half' (its
   * middle, where there is room), 'gust:<n>'.
   */
  captions: Label[];
  /** what the ropes' anchor markers and the customer's node cover */
  markers: Label[];
  /** what the shown ropes' lines cover (ids 'line:<rope>'): names keep off them where they can */
  lines: Label[];
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

/** The font size of a canvas this wide; captions use one size less, never under 12 px. */
export function fontSizeFor(width: number): number {
  return width < 420 ? 13 : width < 720 ? 14 : 15;
}

/** Screen direction of a sim angle: 0 is right (our side), angles grow clockwise (y down). */
function dir(angle: number): { dx: number; dy: number } {
  const rad = (angle * Math.PI) / 180;
  return { dx: Math.cos(rad), dy: Math.sin(rad) };
}

/** The customer's x on the field: its share of the way from their side to ours. */
export function shareX(field: Field, position: number): number {
  const share = Math.min(1, Math.max(0, shareOf(position)));
  return field.left + share * (field.right - field.left);
}

function fieldOf(w: number, h: number, fontSize: number, r: number): Field {
  const small = labelHeight(fontSize - 1);
  // the top band holds the alignment figure and a gust note
  const top = 6 + labelHeight(fontSize, true) * 2 + 4;
  // the bottom band: the scale, with its ends named under it
  const rulerY = h - EDGE - small - 10;
  const pad = EDGE + r + 4;
  return {
    left: pad,
    right: w - pad,
    trackY: (top + rulerY - 12) / 2,
    rulerY,
    top,
    bottom: rulerY - 12,
  };
}

export function layoutFrame(
  frame: ViewFrame,
  width: number,
  height: number,
  words: LayoutWords = NO_WORDS,
  measure: Measure = estimateTextWidth,
): Layout {
  const w = Math.max(200, width);
  const h = Math.max(160, height);
  const fontSize = fontSizeFor(w);
  const r = Math.max(17, Math.min(24, w * 0.035));
  const field = fieldOf(w, h, fontSize, r);
  const narrow = w < 600;
  const ropeLength = Math.min(w * (narrow ? 0.3 : 0.25), ((field.bottom - field.top) / 2) * 0.95);
  // thickness is absolute (quarters compare), but a small canvas draws everything thinner
  const scale = Math.min(1, Math.max(0.6, ropeLength / 200));
  const node = { x: shareX(field, frame.position), y: field.trackY, r };
  const homeX = shareX(field, frame.home);

  const place = { node, homeX, length: ropeLength, field, w, scale };
  const geoms = frame.ropes.map((rope) => ropeGeom(rope, frame.friction, place));
  // crowded pullers' ends (a customer near an edge presses them against it) get rows of
  // their own, so each marker and its name have room
  const band = {
    node,
    top: field.top + 12,
    bottom: field.bottom - 12,
    gap: labelHeight(fontSize) + 5,
    column: 40,
    width: w,
    pressed: PRESSED,
  };
  const pullers = () => geoms.filter((g) => g.side !== 'habit');
  spaceAnchors(pullers(), band);
  // the outside rope's angle is the view's convention, the others' the model's: it turns
  // off any rope it is drawn along, the habits' too (their markers once lay one on the
  // other, each name beside the wrong one), and the ends are spaced again round its new one
  const at = geoms.findIndex((g) => g.side === 'outside');
  const outside = frame.ropes.find((r) => r.side === 'outside');
  if (at >= 0 && outside) {
    const drawn = (g: RopeGeom) => (Math.atan2(g.ay - node.y, g.ax - node.x) * 180) / Math.PI;
    const angle = outsideAngle(
      outside.angle,
      pullers()
        .filter((g) => g.side !== 'outside')
        .map(drawn),
      geoms.filter((g) => g.side === 'habit').map(drawn),
    );
    if (angle !== outside.angle) {
      geoms[at] = ropeGeom({ ...outside, angle }, frame.friction, place);
      spaceAnchors(pullers(), band);
    }
  }
  const power = powerLine(frame, ropeLength, scale, {
    node,
    homeX,
    length: ropeLength,
    field,
    w,
    scale,
  });
  const markers = [...markerBoxes(geoms), nodeBox(node)];
  const lines = geoms.filter((g) => g.presence >= 0.05).flatMap((g) => ropeCover(g, node));
  // the power line's head is kept clear as a rope's line is: a name against it reads as
  // the puller the team's arrow points at
  const head = power ? arrowHeadCover(node, power, power.width) : [];
  const drafted = placeCaptions(
    words,
    {
      w,
      h,
      fontSize,
      node,
      field,
      power,
      position: frame.position,
      friction: frame.friction,
      markers,
      lines: [...lines, ...head],
    },
    measure,
  );
  const { labels, captions } = nameWithCustomer(geoms, { w, fontSize, node, field }, drafted, {
    markers,
    lines: [...lines, ...head],
    measure,
    customer: words.customer,
  });
  return {
    width: w,
    height: h,
    fontSize,
    field,
    node,
    homeX,
    ropeLength,
    ropes: geoms,
    power,
    labels,
    captions,
    markers,
    lines,
  };
}

interface RopePlace {
  node: { x: number; y: number; r: number };
  homeX: number;
  length: number;
  field: Field;
  w: number;
  scale: number;
}

/**
 * How far a rope from the node can reach along (dx, dy) and keep its anchor (and a
 * marker around it) inside the field: a customer near one end has shorter ropes there.
 */
function reach(p: RopePlace, dx: number, dy: number, want: number): number {
  const m = 12;
  let len = want;
  if (dx > 1e-6) len = Math.min(len, (p.w - EDGE - m - p.node.x) / dx);
  if (dx < -1e-6) len = Math.min(len, (p.node.x - EDGE - m) / -dx);
  if (dy > 1e-6) len = Math.min(len, (p.field.bottom - m - p.node.y) / dy);
  if (dy < -1e-6) len = Math.min(len, (p.node.y - p.field.top - m) / -dy);
  return Math.max(0, len);
}

function ropeGeom(r: FrameRope, friction: number, p: RopePlace): RopeGeom {
  const tension = ropeTension(r.pull);
  const style = SIDE_STYLES[r.side];
  let ax: number;
  let ay: number;
  if (r.side === 'habit') {
    // habits are a spring towards the customer's usual share: tied to a peg over that
    // share, above or below the track as the sim's rope angle says
    const down = Math.sin((r.angle * Math.PI) / 180) >= 0;
    const room = down ? p.field.bottom - 12 - p.node.y : p.node.y - p.field.top - 12;
    ax = p.homeX;
    ay = p.node.y + (down ? 1 : -1) * Math.max(0, Math.min(p.length * 0.75, room));
  } else {
    const { dx, dy } = dir(r.angle);
    const len = reach(p, dx, dy, r.side === 'outside' ? p.length * 0.8 : p.length);
    ax = p.node.x + dx * len;
    ay = p.node.y + dy * len;
  }
  const thickness = ropeThickness(r.pull) * p.scale;
  // distrust's friction: a sheath as many times wider than the rope as distrust divides
  // its pull (twice as wide where only half gets through)
  const sheath = r.side === 'team' && friction > 0 && friction < 0.995 ? thickness / friction : 0;
  return {
    id: r.id,
    name: r.name,
    side: r.side,
    pull: r.pull,
    presence: r.presence,
    ax,
    ay,
    thickness,
    sheath,
    tension,
    slack: ropeSlack(tension),
    colour: mixColour(style.pale, style.colour, 0.55 + 0.45 * tension),
  };
}

function powerLine(
  frame: ViewFrame,
  length: number,
  scale: number,
  place: RopePlace,
): PowerLine | null {
  const { alignment, resultant, angle } = teamAlignment(frame);
  if (resultant <= 0) return null;
  const { dx, dy } = dir(angle);
  const { node } = place;
  const width = (ropeThickness(resultant) + 10 * alignment ** 3) * scale;
  // the power line, its head included, is as long as the ropes when the team pulls as one,
  // shorter when it pulls apart: its tip reaches a straight puller's end and no further,
  // so the name beside that end is clear of it (arrow-head.ts); it is drawn behind the
  // team's ropes, and like them it stops short of the canvas's edge when the customer is
  // near that edge
  const len = reach(place, dx, dy, length * alignment) - headLength(width);
  return {
    x: node.x + dx * Math.max(0, len),
    y: node.y + dy * Math.max(0, len),
    width,
    alignment,
  };
}

function caption(
  id: string,
  text: string,
  x: number,
  y: number,
  align: Align,
  fontSize: number,
  measure: Measure,
  bold = false,
): Label {
  const width = measure(text, fontSize, bold);
  return { id, text, x, y, align, width, height: labelHeight(fontSize, bold), fontSize, bold };
}

interface CaptionPlace {
  w: number;
  h: number;
  fontSize: number;
  node: { x: number; y: number; r: number };
  field: Field;
  power: PowerLine | null;
  position: number;
  friction: number;
  /** the ropes' markers and the node, which the customer's name keeps clear of */
  markers: readonly Label[];
  /** the ropes' lines and the arrow's head, which it keeps clear of where a row near the node has room */
  lines: readonly Label[];
}

/**
 * The texts that are not rope names, in order of importance: each is placed clear of
 * those before it; one with no room (a gust note on a crowded strip) is left out.
 */
function placeCaptions(words: LayoutWords, p: CaptionPlace, measure: Measure): Label[] {
  const { w, h, fontSize: fs, node, field } = p;
  const small = fs - 1;
  const out: Label[] = [];
  const put = (l: Label, rows: Rows) => {
    if (settle(l, w, rows, out)) out.push(l);
  };
  const whole: Rows = { top: 0, bottom: h };
  const half = (w - 3 * EDGE) / 2;
  const shareText = `${sharePercent(p.position)}%`;
  put(
    caption(
      'share',
      shareText,
      node.x,
      node.y - labelHeight(small) / 2,
      'center',
      small,
      measure,
      true,
    ),
    whole,
  );
  const bottomY = h - EDGE - labelHeight(small);
  const theirs = `◀ ${fitText(words.theirs, half - 20, small, measure)}`;
  const ours = `${fitText(words.ours, half - 20, small, measure)} ▶`;
  put(caption('theirs', theirs, EDGE, bottomY, 'left', small, measure), {
    top: bottomY,
    bottom: h,
  });
  put(caption('ours', ours, w - EDGE, bottomY, 'right', small, measure), {
    top: bottomY,
    bottom: h,
  });
  // the middle of the scale, where its ends leave room
  const mid = caption(
    'half',
    '50%',
    (field.left + field.right) / 2,
    bottomY,
    'center',
    small,
    measure,
  );
  if (!out.some((o) => labelsOverlap(o, mid))) out.push(mid);
  if (p.power) {
    const text = `Team alignment ${Math.round(p.power.alignment * 100)}%`;
    put(caption('alignment', text, w - EDGE, 6, 'right', fs, measure, true), { top: 6, bottom: h });
  }
  const lost = Math.round((1 - p.friction) * 100);
  if (lost >= 1) {
    const text = `Distrust takes ${lost}% of our pull`;
    const y = rowY(1, fs);
    put(caption('friction', text, w - EDGE, y, 'right', small, measure), { top: y, bottom: h });
  }
  // each gust's note on the first row from its own down where it fits whole beside what is
  // there already (the figures on the right), else shortened on its own row
  let row = 1;
  words.gusts.forEach((g, i) => {
    const fits = (r: number) => measure(g, small) <= roomOnRow(out, r, p) - GUST_TEXT_X;
    let at = row;
    while (!fits(at) && at < row + 2) at++;
    if (!fits(at)) at = row;
    const y = rowY(at, fs);
    const text = fitText(g, roomOnRow(out, at, p) - GUST_TEXT_X, small, measure);
    put(caption(`gust:${i}`, text, GUST_TEXT_X, y, 'left', small, measure), { top: y, bottom: h });
    row = at + 1;
  });
  if (words.customer) {
    // near the node, at the place covering the least rope (written across a rival's rope,
    // the name hides it and reads as that rope's: a reviewer's phone, distrustful-account),
    // on a plate where every place near the node covers one; else clear of the texts only
    const name = placeCustomerName(
      words.customer,
      { w, fontSize: fs, node, top: field.top, bottom: field.bottom, rulerY: field.rulerY },
      { hard: [...out, ...p.markers], lines: p.lines },
      measure,
    );
    if (name) out.push(name);
    else {
      const text = fitText(words.customer, w - 2 * EDGE, fs, measure, true);
      const plain = caption(
        'customer',
        text,
        node.x,
        node.y + node.r + 4,
        'center',
        fs,
        measure,
        true,
      );
      const rows = { top: field.top, bottom: field.bottom };
      if (settle(plain, w, rows, [...out, nodeBox(node)])) out.push(plain);
    }
  }
  return out;
}

/** The top of the top band's n-th row (0: the alignment figure's). */
const rowY = (n: number, fontSize: number) => 6 + n * labelHeight(fontSize, true);

/** How far right a note starting at the left may run on row n, before the texts already there. */
function roomOnRow(placed: readonly Label[], n: number, p: CaptionPlace): number {
  const band = centredBox(p.w / 2, rowY(n, p.fontSize), p.w, labelHeight(p.fontSize - 1));
  return Math.min(
    p.w - EDGE,
    ...placed.filter((o) => o.id !== 'share' && labelsOverlap(o, band)).map((o) => leftEdge(o) - 8),
  );
}

/** Where the gusts' notes start, after their chevrons. */
export const GUST_TEXT_X = 36;

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

/**
 * The ropes' names, and the captions with the customer's name where it leaves them room.
 * The customer's name is placed first, under the node and clear of the markers; where that
 * leaves a rope's name no place beside its own marker (a customer at an end of the field,
 * with a puller's end just under it), the names go first and the customer's name takes the
 * nearest row still free, if that names the ropes better (worse(): fewer names left out,
 * then fewer away from their markers, then fewer across another rope).
 */
function nameWithCustomer(
  geoms: RopeGeom[],
  p: { w: number; fontSize: number; node: { x: number; y: number; r: number }; field: Field },
  captions: readonly Label[],
  drawn: {
    markers: readonly Label[];
    lines: readonly Label[];
    measure: Measure;
    customer: string;
  },
): { labels: Label[]; captions: Label[] } {
  const { markers, lines, measure } = drawn;
  const named = placeRopeLabels(geoms, p, captions, { markers, lines }, measure);
  const labels = named.labels;
  const customer = captions.find((c) => c.id === 'customer');
  if (!customer || (named.unnamed === 0 && named.astray.length === 0)) {
    return { labels, captions: [...captions] };
  }
  const others = captions.filter((c) => c !== customer);
  const relabelled = placeRopeLabels(geoms, p, others, { markers, lines }, measure);
  if (worse(relabelled, named) >= 0) return { labels, captions: [...captions] };
  const { node, field, w } = p;
  const texts = [...others, ...relabelled.labels];
  const name = placeCustomerName(
    drawn.customer,
    { w, fontSize: p.fontSize, node, top: field.top, bottom: field.bottom, rulerY: field.rulerY },
    { hard: [...texts, ...markers], lines },
    measure,
  );
  if (name) return { labels: relabelled.labels, captions: [...others, name] };
  return { labels, captions: [...captions] };
}

/** A rope's end this close to the canvas's edge has no room for its name outside it. */
const PRESSED = 60;

function placeRopeLabels(
  geoms: RopeGeom[],
  p: { w: number; fontSize: number; node: { x: number; y: number; r: number }; field: Field },
  captions: readonly Label[],
  drawn: { markers: readonly Label[]; lines: readonly Label[] },
  measure: Measure,
): Named {
  const { w, fontSize, node, field } = p;
  const height = labelHeight(fontSize);
  const wanted: Label[] = [];
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
    const room = align === 'left' ? w - EDGE - x : align === 'right' ? x - EDGE : w;
    if (measure(text, fontSize) > room) text = labelText(g, true);
    text = fitText(text, w - 2 * EDGE, fontSize, measure);
    wanted.push({ id: g.id, text, x, y, align, width: measure(text, fontSize), height, fontSize });
  }
  // names of ends pressed against the canvas's edge first: they have the fewest places
  const pressed = (l: Label) => {
    const g = geoms.find((x) => x.id === l.id)!;
    return g.ax < PRESSED || g.ax > w - PRESSED ? 0 : 1;
  };
  const order = [...wanted].sort((a, b) => pressed(a) - pressed(b));
  const place = { geoms, node, field, w, captions, ...drawn, measure };
  const best = bestNaming(order, place);
  if (best.unnamed === 0) return best;
  // keeping off the ropes must never leave a name out: where the names ignoring the ropes
  // leave fewer out, those are drawn
  const plain = bestNaming(order, { ...place, lines: [] });
  return plain.unnamed < best.unnamed ? plain : best;
}

/** The names placed in this order, then again with the ones that fared worst first. */
function bestNaming(start: readonly Label[], place: NamePlace): Named {
  let order = start;
  let best = nameRopes(order, place);
  // a name that found no place beside its marker, or only one across another rope, may
  // find a better one if it goes first
  for (let round = 0; round < 3 && worse(best, null) > 0; round++) {
    const first = new Set([...best.astray, ...best.across]);
    order = [...order.filter((l) => first.has(l.id)), ...order.filter((l) => !first.has(l.id))];
    const next = nameRopes(order, place);
    if (worse(next, best) < 0) best = next;
  }
  return best;
}

interface Named {
  labels: Label[];
  /** names placed away from their markers */
  astray: string[];
  /** names beside their markers but across another rope's line */
  across: string[];
  /** how many names found no place at all */
  unnamed: number;
}

/**
 * Negative when `a` is the better naming (fewer names left out, then fewer away from their
 * markers, then fewer across another rope); against null, how bad `a` is.
 */
function worse(a: Named, b: Named | null): number {
  const cost = (n: Named) => n.unnamed * 10_000 + n.astray.length * 100 + n.across.length;
  return cost(a) - (b ? cost(b) : 0);
}

interface NamePlace {
  geoms: readonly RopeGeom[];
  node: { x: number; y: number; r: number };
  field: Field;
  w: number;
  captions: readonly Label[];
  markers: readonly Label[];
  /** the ropes' lines: a name over one hides it, so it goes there only when nothing else is free */
  lines: readonly Label[];
  measure: Measure;
}

/**
 * Places the names in this order, each beside its own marker where it can be; returns
 * them and the ids of those that could not be (placed in the nearest free place instead).
 */
function nameRopes(order: readonly Label[], p: NamePlace): Named {
  const { node, w, markers } = p;
  // labels may use the top band's free space, never the scale's
  const rows = { top: 6, bottom: p.field.rulerY - 8 };
  const placed: Label[] = [...p.captions, nodeBox(node)];
  const labels: Label[] = [];
  const astray: string[] = [];
  const across: string[] = [];
  for (const wanted of order) {
    const l = { ...wanted };
    const g = p.geoms.find((x) => x.id === l.id)!;
    const box = markers.find((m) => m.id === `marker:${g.id}`);
    const dx = g.ax - node.x;
    const outward = g.side === 'habit' || Math.abs(dx) < 24 ? 0 : dx > 0 ? 1 : -1;
    const pref = { outward, away: g.ay > node.y ? 1 : -1 } as const;
    // beside its own marker, clear of every text and marker and, where there is room, of
    // every rope's line; on a crowded strip by its first word only (the list beside the
    // view has every name whole); else the nearest free place
    const avoid = [...placed, ...markers];
    const clearOfLines = [...avoid, ...p.lines];
    // across its own rope a name still names the right one; across another it misleads
    const clearOfOthers = [...avoid, ...p.lines.filter((b) => b.id !== `line:${g.id}`)];
    const short = firstWord(l, p.measure);
    const at = box && { ax: g.ax, ay: g.ay, box };
    // the whole name only where it lies level with its marker or over or under it: one
    // slid off to a corner of its marker reads as the next marker's ("Ingrid Sørensen"
    // pushed beside Amira's marker, a reviewer's phone), so there the first word goes
    // beside the marker if it can
    const tryBeside = (against: readonly Label[]) => {
      if (!at) return null;
      const whole = placeBeside(at, l, pref, w, rows, against);
      if (whole && !offCorner(whole, g)) return whole;
      const brief = short && placeBeside(at, short, pref, w, rows, against);
      if (brief && !offCorner(brief, g)) return brief;
      return whole ?? brief ?? null;
    };
    const clear = tryBeside(clearOfLines) || tryBeside(clearOfOthers);
    const beside = clear || tryBeside(avoid);
    if (!beside) astray.push(l.id);
    else if (!clear) across.push(l.id);
    const found = beside ? [beside] : spread([l], w, rows, placed, [...markers, ...p.lines]);
    // a name across a rope (bunched ropes leave some no other place) lies on a plate, so
    // it reads as lying over the rope rather than tangled in it
    for (const f of found) if (p.lines.some((b) => labelsOverlap(b, f))) f.plate = true;
    placed.push(...found);
    labels.push(...found);
  }
  return { labels, astray, across, unnamed: order.length - labels.length };
}

/** Whether the label lies off a corner of its rope's end: neither level with it nor over or under it. */
function offCorner(l: Label, g: RopeGeom): boolean {
  const left = leftEdge(l);
  const column = left <= g.ax && g.ax <= left + l.width;
  const row = l.y <= g.ay && g.ay <= l.y + l.height;
  return !column && !row;
}

/** The label with only the first word of its name ("Sara" for "Sara Lindqvist"), if shorter. */
function firstWord(l: Label, measure: Measure): Label | null {
  const word = l.text.split(/\s+/)[0] ?? '';
  if (!word || word === l.text) return null;
  return { ...l, text: word, width: measure(word, l.fontSize) };
}

/** The box the customer's node covers. */
function nodeBox(node: { x: number; y: number; r: number }): Label {
  return centredBox(node.x, node.y - node.r, node.r * 2, node.r * 2, 'node');
}

/** The boxes the shown ropes' anchor markers cover: labels keep clear of them. */
export function markerBoxes(geoms: readonly RopeGeom[]): Label[] {
  return geoms.filter((g) => g.presence >= 0.05).map(markerBox);
}

/** A marker is drawn with size 4 + thickness / 2 around the anchor; a pixel of margin. */
function markerBox(g: RopeGeom): Label {
  const size = 4 + g.thickness * 0.5 + 1;
  return centredBox(g.ax, g.ay - size * 1.2, size * 2, size * 2.2, `marker:${g.id}`);
}

/**
 * Where a caption centred at (x, y) goes without covering any other text or the node:
 * there if it is free, else the nearest free row of its column or the columns beside it
 * (the what-if's share over its ghost node); null where the canvas has no room for it.
 */
export function placeCaption(
  layout: Layout,
  text: string,
  x: number,
  y: number,
  fontSize: number,
  measure: Measure,
): Label | null {
  const words = caption('ghost', text, x, y, 'center', fontSize, measure, true);
  // placed with a few pixels to spare on either side: the canvas draws a bold caption a
  // pixel or two wider than it measures, which was enough to touch the caption beside it
  const box = { ...words, width: words.width + 2 * CAPTION_SPARE };
  const placed = [...layout.labels, ...layout.captions, nodeBox(layout.node)];
  const rows = { top: 6, bottom: layout.field.rulerY - 8 };
  const found = { ...box };
  // clear of the ropes' markers too where there is room, else of the texts only
  const settled =
    settleNear(box, found, layout.width, rows, [...placed, ...layout.markers], 40) ||
    settleNear(box, found, layout.width, rows, placed, 40);
  return settled ? { ...found, width: words.width } : null;
}

/** Pixels kept free on either side of the what-if's caption (see placeCaption). */
const CAPTION_SPARE = 3;

/** Whether any two of these boxes cover each other (for tests and the scene's own check). */
export function anyOverlap(boxes: readonly Label[]): boolean {
  return boxes.some((a, i) => boxes.some((b, j) => j > i && labelsOverlap(a, b)));
}
