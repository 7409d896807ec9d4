import type { BalanceReport } from '../analysis/balance.ts';
import { styleColour } from '../lib/style-colours.ts';
import { scoreAxis, svg } from './svg.ts';

// The balance report's pictures: one box per way of playing (min, quartiles, median, max
// of the score over the seeds) on a common 0–100 scale, so that a dominant style or a
// best path far above every fixed one is seen at a glance.

/**
 * A way of playing's colour: the best path dark ink, random play grey, and a fixed style
 * the colour that style has everywhere else (the game, the class dashboard).
 */
export function policyColour(policy: string): string {
  if (policy === 'best') return '#13233f';
  if (policy === 'random') return '#596275';
  return styleColour(policy);
}

/** Below this width a way of playing's name goes above its box, not beside it. */
const NARROW = 560;

/**
 * The box plot drawn `width` pixels wide (drawnToFit in svg.ts draws it at its card's
 * width): its 14 px text stays 14 px on a phone. Where the card is narrow, each name
 * stands above its box and the axis is marked every twenty points.
 */
export function boxPlot(report: BalanceReport, width = 1000): SVGSVGElement {
  const rows = report.policies;
  const narrow = width < NARROW;
  const left = narrow ? 16 : Math.min(200, Math.round(width * 0.3));
  const right = 24;
  const rowH = narrow ? 64 : 44;
  const top = 12;
  const height = top + rows.length * rowH + 44;
  const x = (v: number) => left + (v / 100) * (width - left - right);
  const root = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    class: 'boxplot',
    'font-size': 14,
    role: 'img',
    'aria-label': 'Score distribution over the seeds for each way of playing',
  });
  scoreAxis(root, x, top, top + rows.length * rowH, 'score (0–100)', narrow ? 20 : 10);
  rows.forEach((p, i) => {
    const s = p.summary;
    // narrow: the name on the row's first line, the box under it
    const y = top + i * rowH + (narrow ? 42 : rowH / 2);
    const colour = policyColour(p.policy);
    root.append(
      narrow
        ? svg('text', { x: left, y: top + i * rowH + 16, 'font-weight': 600 }, p.label)
        : svg(
            'text',
            { x: left - 12, y: y + 4, 'text-anchor': 'end', 'font-weight': 600 },
            p.label,
          ),
    );
    root.append(
      svg('line', { x1: x(s.min), x2: x(s.max), y1: y, y2: y, stroke: colour, 'stroke-width': 2 }),
    );
    for (const v of [s.min, s.max]) {
      root.append(
        svg('line', {
          x1: x(v),
          x2: x(v),
          y1: y - 7,
          y2: y + 7,
          stroke: colour,
          'stroke-width': 2,
        }),
      );
    }
    const w = Math.max(3, x(s.q3) - x(s.q1));
    root.append(
      svg('rect', {
        x: x(s.q1),
        y: y - 12,
        width: w,
        height: 24,
        rx: 3,
        fill: colour,
        'fill-opacity': 0.25,
        stroke: colour,
        'stroke-width': 2,
      }),
    );
    root.append(
      svg('line', {
        x1: x(s.median),
        x2: x(s.median),
        y1: y - 12,
        y2: y + 12,
        stroke: colour,
        'stroke-width': 3,
      }),
    );
    const t = svg(
      'title',
      {},
      `${p.label}: min ${s.min}, Q1 ${s.q1.toFixed(1)}, median ${s.median.toFixed(1)}, Q3 ${s.q3.toFixed(1)}, max ${s.max}, mean ${s.mean.toFixed(1)}`,
    );
    root.append(t);
  });
  return root;
}
