// Small SVG charts drawn by hand: a box plot and a scatter read better on a projector than
// a general chart library's defaults, and every label goes in as text.

const NS = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number> = {},
  text?: string,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/**
 * Line and bar colours where each stands for one thing (a trainee, a way of playing): the
 * Okabe–Ito hues that reach 3:1 against white and against the projector's dark cards (its
 * orange, sky blue and yellow do not; its blue is lightened a little), with an olive and a
 * grey to make six. Past six, lines repeat a colour with a dash pattern (LINE_DASHES), and a
 * chart never leaves colour as the only cue: each line or bar is named in text too.
 */
export const PALETTE = ['#1a85c8', '#d55e00', '#009e73', '#cc79a7', '#999933', '#7b8794'];

/** Dash patterns for the 1st, 2nd, … round through PALETTE (solid, then dashed, dotted). */
export const LINE_DASHES: readonly (readonly number[])[] = [[], [10, 5], [2, 4], [12, 4, 2, 4]];

/** The colour and dash of the i-th line of a chart. */
export function lineLook(i: number): { stroke: string; dash: number[] } {
  return {
    stroke: PALETTE[i % PALETTE.length]!,
    dash: [...LINE_DASHES[Math.floor(i / PALETTE.length) % LINE_DASHES.length]!],
  };
}

/** A horizontal axis from 0 to 100 with grid lines every `step` points (ten, or twenty where narrow). */
export function scoreAxis(
  root: SVGSVGElement,
  x: (v: number) => number,
  top: number,
  bottom: number,
  label: string,
  step = 10,
): void {
  for (let v = 0; v <= 100; v += step) {
    root.append(
      svg('line', {
        x1: x(v),
        x2: x(v),
        y1: top,
        y2: bottom,
        stroke: '#d9dee8',
        'stroke-width': 1,
      }),
    );
    root.append(svg('text', { x: x(v), y: bottom + 16, 'text-anchor': 'middle' }, String(v)));
  }
  root.append(svg('text', { x: x(50), y: bottom + 34, 'text-anchor': 'middle' }, label));
}

/** The width a chart is drawn at before its box is measured (and where it never is, as in tests). */
export const DRAWN_WIDTH = 640;

/** The width each kind of fitted chart was last drawn at, by its class. */
const lastWidth = new Map<string, number>();

/**
 * A chart drawn at its box's own width, one SVG unit a CSS pixel, and drawn again when the
 * box's width changes (a turned phone, a resized window, projector mode). Scaling one
 * wide drawing down to a phone shrank its text to 4 or 5 px; drawn this way its text keeps
 * the size the stylesheet gives it, as the share chart's does, and `draw` can lay the chart
 * out for a narrow box.
 */
export function drawnToFit(draw: (width: number) => SVGSVGElement, cls = ''): HTMLElement {
  const box = document.createElement('div');
  box.className = `fitted-chart${cls ? ` ${cls}` : ''}`;
  // a redraw of the page makes a new box: it starts at the width the last one of its kind found
  let drawn = lastWidth.get(cls) ?? DRAWN_WIDTH;
  box.append(draw(drawn));
  if (typeof ResizeObserver === 'undefined') return box;
  let placed = false;
  const resized = new ResizeObserver(() => {
    // taken off the page (a redraw put a new chart in its place): stop watching it
    if (!box.isConnected) {
      if (placed) resized.disconnect();
      return;
    }
    placed = true;
    const w = Math.floor(box.clientWidth);
    // hidden (a tab not shown) measures 0: keep the drawing until there is a box again
    if (w < 120 || Math.abs(w - drawn) < 2) return;
    drawn = w;
    lastWidth.set(cls, w);
    box.replaceChildren(draw(w));
  });
  resized.observe(box);
  return box;
}
