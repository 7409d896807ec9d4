import 'uplot/dist/uPlot.min.css';
import type { Metrics } from '../../sim/index.ts';
import { ChartSet, figuresTable, quarterAxes } from '../chart-kit.ts';
import { h } from '../dom.ts';
import { shownNumber } from '../numbers.ts';

// The what-if's charts: the player's line and the what-if line on one chart per figure.
// Told apart without colour: the player's line is solid with filled points, the what-if's
// dashed with hollow ones, each named in the legend and the caption, with the figures in
// a table.

interface Figure {
  key: keyof Metrics;
  title: string;
  unit: string;
}

const FIGURES: Figure[] = [
  { key: 'share', title: 'Market share', unit: '%' },
  { key: 'alignment', title: 'Team alignment', unit: '/100' },
  { key: 'trust', title: "Customer's trust", unit: '/100' },
];

const YOURS = { colour: '#0072B2', label: 'Your game (solid)' };
const WHATIF = { colour: '#D55E00', label: 'What-if (dashed)' };

function table(f: Figure, a: number[], b: number[]): HTMLElement {
  return figuresTable(
    `${f.title}: the figures of both lines`,
    [`Your game (${f.unit})`, `What-if (${f.unit})`],
    [a, b],
  );
}

function width(el: HTMLElement): number {
  return Math.max(240, Math.min(560, (el.clientWidth || 480) - 24));
}

function legend(): HTMLElement {
  const item = (key: string, label: string) =>
    h('li', null, h('span', { class: `key ${key}`, attrs: { 'aria-hidden': 'true' } }), label);
  return h(
    'ul',
    { class: 'legend' },
    item('key-solid', YOURS.label),
    item('key-dashed', WHATIF.label),
  );
}

/** The charts, made at the first what-if of the page and given each later one's lines. */
const charts = new ChartSet(
  FIGURES.map((f) => ({
    key: f.key,
    title: f.title,
    figureClass: 'compare-chart',
    figureAttrs: { 'data-series': '2' },
    legend,
    axes: quarterAxes('', 40),
    series: [
      {},
      {
        label: YOURS.label,
        stroke: YOURS.colour,
        width: 3,
        points: { size: 7, fill: YOURS.colour },
      },
      {
        label: WHATIF.label,
        stroke: WHATIF.colour,
        width: 2.5,
        dash: [8, 5],
        points: { size: 7, fill: '#fff', stroke: WHATIF.colour, width: 2 },
      },
    ],
  })),
  width,
  170,
);

/** Draws both lines into `container`; the charts move here from the previous what-if. */
export function renderCompareCharts(
  container: HTMLElement,
  actual: Metrics[],
  alternative: Metrics[],
  fromQuarter: number,
): void {
  const quarters = actual.map((_, i) => i);
  charts.draw(container, (i) => {
    const f = FIGURES[i]!;
    const a = actual.map((m) => m[f.key] * 100);
    const b = quarters.map((q) => (alternative[q]?.[f.key] ?? Number.NaN) * 100);
    return {
      note: ` — after Q${a.length - 1}: your game ${shownNumber(a.at(-1) ?? 0, 1)}${f.unit}, what-if ${shownNumber(b.at(-1) ?? 0, 1)}${f.unit}; the lines part at Q${fromQuarter}.`,
      table: table(f, a, b),
      data: [quarters, a, b],
    };
  });
}
