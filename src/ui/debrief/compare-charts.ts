import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Metrics } from '../../sim/index.ts';
import { figuresTable, followWidth, type KeptChart, quarterAxes, refill } from '../chart-kit.ts';
import { h } from '../dom.ts';

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

const HEIGHT = 170;

/** The charts, made at the first what-if of the page and given each later one's lines. */
const kept: KeptChart[] = [];
/** stops the last what-if's charts following its width */
let unfollow: (() => void) | null = null;

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

function make(
  f: Figure,
  container: HTMLElement,
  note: string,
  table: HTMLElement,
  data: uPlot.AlignedData,
): KeptChart {
  const box = h('div', { class: 'plot', attrs: { 'aria-hidden': 'true' } });
  const text = document.createTextNode(note);
  const figure = h(
    'figure',
    { class: 'chart compare-chart', attrs: { 'data-chart': f.key, 'data-series': '2' } },
    h('figcaption', null, h('strong', null, f.title), text),
    h(
      'ul',
      { class: 'legend' },
      h(
        'li',
        null,
        h('span', { class: 'key key-solid', attrs: { 'aria-hidden': 'true' } }),
        YOURS.label,
      ),
      h(
        'li',
        null,
        h('span', { class: 'key key-dashed', attrs: { 'aria-hidden': 'true' } }),
        WHATIF.label,
      ),
    ),
    box,
    table,
  );
  container.append(figure);
  const plot = new uPlot(
    {
      width: width(figure),
      height: HEIGHT,
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: false } },
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
    },
    data,
    box,
  );
  return { figure, note: text, table, plot };
}

/** Draws both lines into `container`; the charts move here from the previous what-if. */
export function renderCompareCharts(
  container: HTMLElement,
  actual: Metrics[],
  alternative: Metrics[],
  fromQuarter: number,
): void {
  unfollow?.();
  container.replaceChildren();
  const quarters = actual.map((_, i) => i);
  FIGURES.forEach((f, i) => {
    const a = actual.map((m) => m[f.key] * 100);
    const b = quarters.map((q) => (alternative[q]?.[f.key] ?? Number.NaN) * 100);
    const note = ` — after Q${a.length - 1}: your game ${(a.at(-1) ?? 0).toFixed(1)}${f.unit}, what-if ${(b.at(-1) ?? 0).toFixed(1)}${f.unit}; the lines part at Q${fromQuarter}.`;
    const chart = kept[i];
    if (chart) refill(chart, container, note, table(f, a, b), [quarters, a, b], width, HEIGHT);
    else kept[i] = make(f, container, note, table(f, a, b), [quarters, a, b]);
  });
  unfollow = followWidth(
    container,
    kept.map((c) => c.plot),
    width,
    HEIGHT,
  );
}
