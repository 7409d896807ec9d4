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

/** A horizontal axis from 0 to 100 with grid lines every ten points. */
export function scoreAxis(
  root: SVGSVGElement,
  x: (v: number) => number,
  top: number,
  bottom: number,
  label: string,
): void {
  for (let v = 0; v <= 100; v += 10) {
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
