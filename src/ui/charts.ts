import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Metrics, ScenarioDef, SimState } from '../sim/index.ts';
import { figuresTable, followWidth, type KeptChart, quarterAxes, refill } from './chart-kit.ts';
import { h } from './dom.ts';

// The debrief's charts, in a chunk of their own (uPlot is only needed here). One small
// chart per figure, each titled and with its numbers in a table, so neither colour nor
// the canvas is the only way to read it. Colours are from the Okabe–Ito palette.

interface Series {
  key: keyof Metrics;
  title: string;
  unit: string;
  colour: string;
  scale: number;
}

const SERIES: Series[] = [
  { key: 'share', title: 'Market share', unit: '%', colour: '#0072B2', scale: 100 },
  {
    key: 'growthQoQ',
    title: 'Growth on the quarter before',
    unit: '%',
    colour: '#D55E00',
    scale: 100,
  },
  { key: 'alignment', title: 'Team alignment', unit: '/100', colour: '#009E73', scale: 100 },
  { key: 'trust', title: "Customer's trust", unit: '/100', colour: '#CC79A7', scale: 100 },
];

const HEIGHT = 180;

function table(s: Series, values: number[]): HTMLElement {
  return figuresTable(`${s.title}: the figures`, [`${s.title} (${s.unit})`], [values]);
}

/** The four charts, made at the first debrief and given each later game's figures. */
const kept: KeptChart[] = [];
/** stops the last debrief's charts following its width */
let unfollow: (() => void) | null = null;

/** The plot fills its figure, less the figure's padding. */
function chartWidth(figure: HTMLElement): number {
  return Math.max(240, Math.min(640, (figure.clientWidth || 560) - 24));
}

function make(
  s: Series,
  container: HTMLElement,
  note: string,
  table: HTMLElement,
  data: uPlot.AlignedData,
): KeptChart {
  const plotBox = h('div', { class: 'plot', attrs: { 'aria-hidden': 'true' } });
  const text = document.createTextNode(note);
  const figure = h(
    'figure',
    { class: 'chart', attrs: { 'data-chart': s.key } },
    h('figcaption', null, h('strong', null, s.title), text),
    plotBox,
    table,
  );
  container.append(figure);
  const plot = new uPlot(
    {
      width: chartWidth(figure),
      height: HEIGHT,
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: false } },
      axes: quarterAxes(s.unit === '%' ? '%' : '', 48),
      series: [
        {},
        { label: s.title, stroke: s.colour, width: 3, points: { size: 7, fill: s.colour } },
      ],
    },
    data,
    plotBox,
  );
  return { figure, note: text, table, plot };
}

export function renderCharts(container: HTMLElement, _scenario: ScenarioDef, sim: SimState): void {
  const points = [sim.start, ...sim.history.map((r) => r.metrics)];
  const quarters = points.map((_, i) => i);
  // one debrief at a time: its charts move here from the last one, which is gone
  unfollow?.();
  container.replaceChildren();
  SERIES.forEach((s, i) => {
    const values = points.map((m) => m[s.key] * s.scale);
    const first = values[0] ?? 0;
    const last = values.at(-1) ?? 0;
    const note = ` — from ${first.toFixed(1)}${s.unit} at the start to ${last.toFixed(1)}${s.unit} after quarter ${sim.history.length}`;
    const chart = kept[i];
    if (chart)
      refill(chart, container, note, table(s, values), [quarters, values], chartWidth, HEIGHT);
    else kept[i] = make(s, container, note, table(s, values), [quarters, values]);
  });
  container.removeAttribute('aria-busy');
  // the charts follow the page's width (phone held upright, then turned)
  unfollow = followWidth(
    container,
    kept.map((c) => c.plot),
    chartWidth,
    HEIGHT,
  );
}
