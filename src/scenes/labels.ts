// Label boxes and where they go: the placement step that keeps every text on the rope view
// apart and on the canvas. Pure (widths come from a `Measure`), so it is unit-tested.

export type Align = 'left' | 'right' | 'center';

export interface Label {
  id: string;
  text: string;
  /** the anchor: left edge, right edge or centre, as `align` says */
  x: number;
  /** the box's top */
  y: number;
  align: Align;
  width: number;
  height: number;
  fontSize: number;
  bold?: boolean;
  /**
   * Drawn on a plate (a rounded ground in the view's colour, PLATE_PAD px round it): a
   * name with no place off the ropes lies on top of them rather than tangled in them.
   */
  plate?: boolean;
}

/** A label's width in px at a font size, padding included. */
export type Measure = (text: string, fontSize: number, bold?: boolean) => number;

/** A guess at a label's width where no canvas can measure it (unit tests). */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  return text.length * fontSize * (bold ? 0.68 : 0.62) + 4;
}

/**
 * The height of a label's box: the text pool draws a line of text with a pixel of padding
 * (Phaser draws a 12 px line 17 px high, a pixel more than 1.35 times its size); a bold
 * line drawn on twice the pixels (200% zoom, a phone's screen) is a pixel taller still.
 */
export const labelHeight = (fontSize: number, bold = false) =>
  Math.max(Math.round(fontSize * 1.35), fontSize + 5) + (bold ? 1 : 0);

/** Labels keep this far from the canvas's edges. */
export const EDGE = 4;

export function leftEdge(l: Label): number {
  if (l.align === 'left') return l.x;
  if (l.align === 'right') return l.x - l.width;
  return l.x - l.width / 2;
}

export function labelsOverlap(a: Label, b: Label): boolean {
  const al = leftEdge(a);
  const bl = leftEdge(b);
  return al < bl + b.width && bl < al + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** A box centred on x with its top at y: space that labels keep clear of. */
export function centredBox(x: number, y: number, width: number, height: number, id = ''): Label {
  return { id, text: '', x, y, align: 'center', width, height, fontSize: 0 };
}

/** Whether the label lies wholly on a canvas of this size, EDGE px in. */
export function onCanvas(l: Label, w: number, h: number): boolean {
  const left = leftEdge(l);
  return left >= EDGE - 0.5 && left + l.width <= w - EDGE + 0.5 && l.y >= 0 && l.y + l.height <= h;
}

/** The text, shortened with "…" where it would be wider than `room`. */
export function fitText(
  text: string,
  room: number,
  fontSize: number,
  measure: Measure,
  bold = false,
): string {
  if (measure(text, fontSize, bold) <= room) return text;
  let n = text.length - 1;
  while (n > 1 && measure(`${text.slice(0, n).trimEnd()}…`, fontSize, bold) > room) n--;
  return `${text.slice(0, n).trimEnd()}…`;
}

/** The vertical band labels may use. */
export interface Rows {
  top: number;
  bottom: number;
}

/**
 * Places each label in turn clear of `fixed`, of the labels placed before it and, where
 * its column has room, of `soft` (the ropes' markers): at its wanted row, or the nearest
 * free row; then a little sideways (a label far from its rope would mislead). A label
 * with no free place anywhere near is left out (the text list beside the view names every
 * rope), so no two labels ever cover each other. Returns the labels placed.
 */
export function spread(
  labels: readonly Label[],
  w: number,
  rows: Rows,
  fixed: readonly Label[],
  soft: readonly Label[] = [],
  columns = 6,
): Label[] {
  const placed: Label[] = [...fixed];
  const out: Label[] = [];
  for (const l of labels) {
    const from = { ...l };
    const clear = [...placed, ...soft];
    // clear of the markers too where there is room near the rope, else of the texts only
    const found =
      settle(l, w, rows, clear) ||
      settleNear(from, l, w, rows, clear, columns) ||
      settleNear(from, l, w, rows, placed, columns);
    if (found) {
      placed.push(l);
      out.push(l);
    }
  }
  return out;
}

/**
 * settle() in the label's own column, then in columns further and further to either side
 * (up to `columns` of them); returns false when none has room. On success `into` holds
 * the place found.
 */
export function settleNear(
  from: Label,
  into: Label,
  w: number,
  rows: Rows,
  placed: readonly Label[],
  columns: number,
): boolean {
  const stride = Math.max(8, Math.round(from.width / 4));
  for (let k = 0; k <= columns; k++) {
    into.x = from.x + Math.ceil(k / 2) * stride * (k % 2 === 0 ? 1 : -1);
    into.y = from.y;
    if (settle(into, w, rows, placed)) return true;
  }
  into.x = from.x;
  into.y = from.y;
  return false;
}

/**
 * Clamps a label onto the canvas and moves it to the nearest row where it covers none of
 * `placed`; returns false, leaving it at its wanted row, when the column has no such row.
 */
export function settle(l: Label, w: number, rows: Rows, placed: readonly Label[]): boolean {
  const left = leftEdge(l);
  if (left < EDGE) l.x += EDGE - left;
  const right = leftEdge(l) + l.width;
  if (right > w - EDGE) l.x -= right - (w - EDGE);
  if (leftEdge(l) < EDGE - 0.5) return false; // wider than the canvas
  const lo = rows.top;
  const hi = rows.bottom - l.height;
  if (hi < lo) return false;
  const want = Math.min(hi, Math.max(lo, l.y));
  const step = Math.max(3, Math.round(l.height / 4));
  // the wanted row, then rows further and further below and above it
  for (let d = 0; d <= hi - lo + step; d += step) {
    for (const y of d === 0 ? [want] : [want + d, want - d]) {
      if (y < lo || y > hi) continue;
      l.y = y;
      if (!placed.some((p) => labelsOverlap(p, l))) return true;
    }
  }
  l.y = want;
  return false;
}
