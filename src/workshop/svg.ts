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

export const PALETTE = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#f0e442',
];

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
