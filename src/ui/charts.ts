import 'uplot/dist/uPlot.min.css';
import type { Metrics, ScenarioDef, SimState } from '../sim/index.ts';
import { ChartSet, figuresTable, quarterAxes } from './chart-kit.ts';
import { shownNumber } from './numbers.ts';

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

function table(s: Series, values: number[]): HTMLElement {
  return figuresTable(`${s.title}: the figures`, [`${s.title} (${s.unit})`], [values]);
}

/** The plot fills its figure, less the figure's padding. */
function chartWidth(figure: HTMLElement): number {
  return Math.max(240, Math.min(640, (figure.clientWidth || 560) - 24));
}

/** The four charts, made at the first debrief and given each later game's figures. */
const charts = new ChartSet(
  SERIES.map((s) => ({
    key: s.key,
    title: s.title,
    axes: quarterAxes(s.unit === '%' ? '%' : '', 48),
    series: [
      {},
      { label: s.title, stroke: s.colour, width: 3, points: { size: 7, fill: s.colour } },
    ],
  })),
  chartWidth,
  180,
);

export function renderCharts(container: HTMLElement, _scenario: ScenarioDef, sim: SimState): void {
  const points = [sim.start, ...sim.history.map((r) => r.metrics)];
  const quarters = points.map((_, i) => i);
  charts.draw(container, (i) => {
    const s = SERIES[i]!;
    const values = points.map((m) => m[s.key] * s.scale);
    const first = values[0] ?? 0;
    const last = values.at(-1) ?? 0;
    return {
      note: ` — from ${shownNumber(first, 1)}${s.unit} at the start to ${shownNumber(last, 1)}${s.unit} after quarter ${sim.history.length}`,
      table: table(s, values),
      data: [quarters, values],
    };
  });
  container.removeAttribute('aria-busy');
}
