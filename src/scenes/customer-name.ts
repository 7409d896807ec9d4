import { EDGE, fitText, type Label, labelHeight, leftEdge, type Measure } from './labels.ts';

// Where the customer's name goes: the place near its node that covers the least rope.
// Written across a rope, the name hides it and reads as that rope's name (a reviewer's
// phone showed "Vantor Automotive" over Norsk's, Aisha's and Mei's ropes), so every place
// near the node is scored: how much of the ropes' lines it covers first, then how far it
// lies from just under the node (under it best, then beside it, then above it), on one
// line or, for a long name, on two. Where no place near the node is off the ropes, the
// least covered one gets a plate (a rounded ground in the view's own colour), so the name
// reads as lying on the ropes rather than tangled in them. Pure.

export interface NameRoom {
  w: number;
  fontSize: number;
  node: { x: number; y: number; r: number };
  /** the band the name may use */
  top: number;
  bottom: number;
  /** where the dashed line from the node down to its share on the scale ends */
  rulerY: number;
}

/** What the name must not cover (texts, the markers and the node) and what it keeps off (the lines). */
export interface NameCover {
  hard: readonly Label[];
  /** the ropes' lines ('line:<rope>') and the team's arrow head ('arrow') */
  lines: readonly Label[];
}

/** How far round the name a plate reaches. */
export const PLATE_PAD = 3;

/** The height of a label of two lines: Phaser draws them one under the other, the padding once. */
export const twoLineHeight = (fontSize: number, bold = false) =>
  2 * labelHeight(fontSize, bold) - 2;

/**
 * The name as it may be written: on one line (shortened with "…" where the canvas is too
 * narrow), and for a name of several words, on two lines broken where the longer line is
 * shortest ("Harbour Quarter's" over "independent restaurants").
 */
export function nameForms(text: string, w: number, fontSize: number, measure: Measure): Label[] {
  const bold = true;
  const one = fitText(text, w - 2 * EDGE, fontSize, measure, bold);
  const line = (t: string, width: number, height: number): Label => ({
    id: 'customer',
    text: t,
    x: 0,
    y: 0,
    align: 'center',
    width,
    height,
    fontSize,
    bold,
  });
  const out = [line(one, measure(one, fontSize, bold), labelHeight(fontSize, bold))];
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length < 2) return out;
  let best: { a: string; b: string; width: number } | null = null;
  for (let k = 1; k < words.length; k++) {
    const a = fitText(words.slice(0, k).join(' '), w - 2 * EDGE, fontSize, measure, bold);
    const b = fitText(words.slice(k).join(' '), w - 2 * EDGE, fontSize, measure, bold);
    const width = Math.max(measure(a, fontSize, bold), measure(b, fontSize, bold));
    if (!best || width < best.width) best = { a, b, width };
  }
  if (best && best.width < out[0]!.width)
    out.push(line(`${best.a}\n${best.b}`, best.width, twoLineHeight(fontSize, bold)));
  return out;
}

/** How far from the node, past a gap of this many of its own heights, the name may go. */
const NEAR_HEIGHTS = 4;
/** Steps between the places tried, across and down. */
const STEP_X = 8;
const STEP_Y = 4;
/** What a place costs beyond its distance (in px of distance): beside the node, above it, on two lines, shortened. */
const BESIDE = 14;
const ABOVE = 24;
const TWO_LINES = 10;
const SHORTENED = 300;
/** What covering a rope costs: every rope crossed, and every few px of rope covered. */
const ROPE = 1000;
const ROPE_PIECE = 12;
/**
 * A pixel kept between the name and every other text: the text pool draws on whole pixels,
 * so two boxes that only touch here could cover each other by a pixel there.
 */
const ROOM = 1;
/** Pixels kept between the name and a rope's estimated line where there is room. */
const AIR = 3;
/** The dashed line from the node down to its share: a name under the node lies on it. */
const POSITION = 4;

/**
 * The customer's name at the place near its node covering the least rope (then nearest
 * just under it), with `plate` set where even that place covers a rope; null where no
 * place near the node is clear of the texts, the markers and the node.
 *
 * It runs for every frame while a quarter plays, so the places are tried nearest first
 * (rows outward from the node, each from the node's column outward) and a place costing
 * more by its distance alone than the best found so far is not checked against the ropes.
 */
export function placeCustomerName(
  text: string,
  room: NameRoom,
  cover: NameCover,
  measure: Measure,
): Label | null {
  const { node, w } = room;
  const forms = nameForms(text, w, room.fontSize, measure);
  const near = NEAR_HEIGHTS * labelHeight(room.fontSize, true);
  const under = node.y + node.r + 4;
  const over = node.y - node.r - 4;
  const position: Label = {
    id: 'position',
    text: '',
    x: node.x,
    y: node.y + node.r,
    align: 'center',
    width: 2,
    height: Math.max(0, room.rulerY - 9 - (node.y + node.r)),
    fontSize: 0,
  };
  // only what lies within reach of the node can meet a place tried
  const widest = Math.max(...forms.map((f) => f.width));
  const reach = node.r + near + 2 * labelHeight(room.fontSize, true) + PLATE_PAD + 4;
  const zone = {
    left: node.x - widest / 2 - reach,
    right: node.x + widest / 2 + reach,
    top: node.y - reach,
    bottom: node.y + reach,
  };
  const hard = boxesIn(cover.hard, zone);
  const lines = boxesIn(cover.lines, zone);
  const pos = boxesIn([position], zone);
  // every place near the node, with what its distance alone costs
  const places: Place[] = [];
  for (const form of forms) {
    const h = form.height;
    const extra =
      (form.text.includes('\n') ? TWO_LINES : 0) + (form.text.includes('…') ? SHORTENED : 0);
    const half = form.width / 2;
    const minX = EDGE + half;
    const maxX = w - EDGE - half;
    if (maxX < minX - 0.5) continue;
    const reachX = half + node.r + near;
    const from = Math.max(minX, node.x - reachX);
    const to = Math.min(maxX, node.x + reachX);
    for (let y = room.top; y <= room.bottom - h; y += STEP_Y) {
      const where = y >= under ? 'below' : y + h <= over ? 'above' : 'beside';
      const gapY = where === 'below' ? y - under : where === 'above' ? over - (y + h) : 0;
      if (gapY > near) continue;
      const mid = Math.min(to, Math.max(from, node.x));
      for (let d = 0; mid - d >= from || mid + d <= to; d += STEP_X) {
        for (const x of d === 0 ? [mid] : [mid + d, mid - d]) {
          if (x < from || x > to) continue;
          const gapX = Math.max(0, Math.abs(x - node.x) - half - node.r);
          if (gapX * gapX + gapY * gapY > near * near) continue;
          // on the node; or so far to its side that it reads as the name of the ropes there
          if (where === 'beside' && (gapX === 0 || gapX > near / 2)) continue;
          // off to one side, and more so clear of the node's column (there it reads as
          // the name of the ropes beside it)
          const side = Math.abs(x - node.x) * 0.25 + gapX;
          const pref =
            where === 'below'
              ? gapY + side
              : where === 'above'
                ? ABOVE + gapY + side
                : BESIDE + side + Math.abs(y + h / 2 - node.y) * 0.5;
          places.push({ form, left: x - half, top: y, x, y, pref: pref + extra });
        }
      }
    }
  }
  places.sort((a, b) => a.pref - b.pref);
  // the nearest place off the ropes, if any: nearest first, so the first free one is the
  // best but for the dashed line under the node, which may make one a little further better
  let best: { place: Place; cost: number } | null = null;
  for (const c of places) {
    if (best && c.pref >= best.cost) break;
    const right = c.left + c.form.width;
    const bottom = c.top + c.form.height;
    if (meets(hard, c.left - ROOM, c.top - ROOM, right + ROOM, bottom + ROOM)) continue;
    // a few pixels of air to the ropes: the drawn rope sways a little off its estimated line
    if (meets(lines, c.left - AIR, c.top - AIR, right + AIR, bottom + AIR)) continue;
    const cost = c.pref + (meets(pos, c.left, c.top, right, bottom) ? POSITION : 0);
    if (!best || cost < best.cost) best = { place: c, cost };
  }
  if (best) return { ...best.place.form, x: best.place.x, y: best.place.y };
  // else the place covering the least rope, with room for a plate round it
  let plated: { place: Place; cost: number } | null = null;
  for (const c of places) {
    if (plated && c.pref >= plated.cost) break;
    const left = c.left - PLATE_PAD;
    const right = c.left + c.form.width + PLATE_PAD;
    if (left < 0 || right > w) continue;
    if (meets(hard, left, c.top - PLATE_PAD, right, c.top + c.form.height + PLATE_PAD)) continue;
    const cost =
      c.pref + ropeCost(c.left, c.top, c.left + c.form.width, c.top + c.form.height, lines);
    if (!plated || cost < plated.cost) plated = { place: c, cost };
  }
  const at =
    plated?.place ??
    places.find(
      (c) =>
        !meets(
          hard,
          c.left - ROOM,
          c.top - ROOM,
          c.left + c.form.width + ROOM,
          c.top + c.form.height + ROOM,
        ),
    );
  return at ? { ...at.form, x: at.x, y: at.y, plate: true } : null;
}

interface Place {
  form: Label;
  /** the box's left edge and top */
  left: number;
  top: number;
  /** the label's anchor (its centre) and top */
  x: number;
  y: number;
  /** what its distance from just under the node costs */
  pref: number;
}

/** Boxes as edges (left, top, right, bottom) with their ids, those meeting the zone only. */
interface Boxes {
  edges: number[];
  ids: string[];
}

function boxesIn(
  boxes: readonly Label[],
  zone: { left: number; top: number; right: number; bottom: number },
): Boxes {
  const out: Boxes = { edges: [], ids: [] };
  for (const b of boxes) {
    const l = leftEdge(b);
    if (
      l >= zone.right ||
      l + b.width <= zone.left ||
      b.y >= zone.bottom ||
      b.y + b.height <= zone.top
    )
      continue;
    out.edges.push(l, b.y, l + b.width, b.y + b.height);
    out.ids.push(b.id);
  }
  return out;
}

/** Whether any of the boxes overlaps this one (as labelsOverlap decides). */
function meets(b: Boxes, left: number, top: number, right: number, bottom: number): boolean {
  const e = b.edges;
  for (let i = 0; i < e.length; i += 4)
    if (left < e[i + 2]! && e[i]! < right && top < e[i + 3]! && e[i + 1]! < bottom) return true;
  return false;
}

/** How much rope a box covers: every rope (or the arrow's head) crossed, and every piece of it. */
function ropeCost(left: number, top: number, right: number, bottom: number, lines: Boxes): number {
  const e = lines.edges;
  let pieces = 0;
  const crossed = new Set<string>();
  for (let i = 0; i < e.length; i += 4)
    if (left < e[i + 2]! && e[i]! < right && top < e[i + 3]! && e[i + 1]! < bottom) {
      pieces++;
      crossed.add(lines.ids[i / 4]!);
    }
  return crossed.size * ROPE + pieces * ROPE_PIECE;
}
