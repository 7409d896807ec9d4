import uPlot from 'uplot';
import { h } from './dom.ts';
import { shownNumber } from './numbers.ts';

// What the debrief's charts share: quarter axes read "start, Q1, Q2 …", one ink and grid,
// plots that follow their figure's width, and charts kept from one debrief to the next.

const INK = '#3d4451';
const GRID = '#e3e6ec';

/** x: the quarters; y: whole numbers (tenths where the grid is finer), with a unit suffix if given. */
export function quarterAxes(ySuffix: string, ySize: number): uPlot.Axis[] {
  return [
    {
      values: (_u, ticks) =>
        ticks.map((t) => (Number.isInteger(t) ? (t === 0 ? 'start' : `Q${t}`) : '')),
      stroke: INK,
      grid: { stroke: GRID },
    },
    {
      // whole numbers, unless the gridlines are closer than one apart (a figure that moved
      // half a point): then a tenth, or two lines would carry one label
      values: (_u, ticks, _axis, _space, step) =>
        ticks.map((t) => `${shownNumber(t, step < 1 ? 1 : 0)}${ySuffix}`),
      stroke: INK,
      grid: { stroke: GRID },
      size: ySize,
    },
  ];
}

/**
 * Keeps each plot as wide as its figure (the n-th plot in the n-th child of `container`,
 * a phone turned sideways included); returns what stops following. The plots themselves
 * outlive it: they are kept for the next debrief (see ChartSet).
 */
function followWidth(
  container: HTMLElement,
  plots: readonly uPlot[],
  widthOf: (figure: HTMLElement) => number,
  height: number,
): () => void {
  const resize = new ResizeObserver(() => {
    if (!container.isConnected) return;
    plots.forEach((p, i) => {
      const figure = container.children[i];
      const width = figure instanceof HTMLElement ? widthOf(figure) : p.width;
      if (p.width !== width) p.setSize({ width, height });
    });
  });
  resize.observe(container);
  return () => resize.disconnect();
}

/** What one chart of a set is: its figure's title and looks, and the plot's lines. */
export interface ChartSpec {
  key: string;
  title: string;
  /** the figure's class and attributes, besides `chart` and data-chart */
  figureClass?: string;
  figureAttrs?: Record<string, string>;
  /** shown between the caption and the plot (a legend), made with the chart */
  legend?: () => HTMLElement;
  axes: uPlot.Axis[];
  series: uPlot.Series[];
}

/** What one game gives a chart: the caption's words after its title, the table, the data. */
export interface ChartFigures {
  note: string;
  table: HTMLElement;
  data: uPlot.AlignedData;
}

interface KeptChart {
  figure: HTMLElement;
  note: Text;
  /** the figures' table, replaced with each new set of figures */
  table: HTMLElement;
  plot: uPlot;
}

/**
 * A page's set of charts (the debrief's, the what-if's), made at the first draw and given
 * new figures at each later one. uPlot's constructor is large (about 50 KB of machine code
 * once V8 optimises it): made anew for every debrief, it ran often enough to be optimised
 * after a few games, and the page's heap grew with it; kept, it runs once per chart and
 * page. One set is on screen at a time: drawing it elsewhere moves its charts there.
 */
export class ChartSet {
  private readonly kept: KeptChart[] = [];
  /** stops the last drawing's charts following its width */
  private unfollow: (() => void) | null = null;

  constructor(
    private readonly specs: readonly ChartSpec[],
    private readonly widthOf: (figure: HTMLElement) => number,
    private readonly height: number,
  ) {}

  /** Empties `container` and draws the i-th spec's chart into it with `figuresOf(i)`. */
  draw(container: HTMLElement, figuresOf: (i: number) => ChartFigures): void {
    this.unfollow?.();
    container.replaceChildren();
    this.specs.forEach((spec, i) => {
      const figures = figuresOf(i);
      const chart = this.kept[i];
      if (chart) this.refill(chart, container, figures);
      else this.kept[i] = this.make(spec, container, figures);
    });
    // the charts follow the page's width (phone held upright, then turned)
    this.unfollow = followWidth(
      container,
      this.kept.map((c) => c.plot),
      this.widthOf,
      this.height,
    );
  }

  private make(spec: ChartSpec, container: HTMLElement, figures: ChartFigures): KeptChart {
    const plotBox = h('div', { class: 'plot', attrs: { 'aria-hidden': 'true' } });
    const note = document.createTextNode(figures.note);
    const figure = h(
      'figure',
      {
        class: spec.figureClass ? `chart ${spec.figureClass}` : 'chart',
        attrs: { 'data-chart': spec.key, ...spec.figureAttrs },
      },
      h('figcaption', null, h('strong', null, spec.title), note),
      ...(spec.legend ? [spec.legend()] : []),
      plotBox,
      figures.table,
    );
    container.append(figure);
    const plot = new uPlot(
      {
        width: this.widthOf(figure),
        height: this.height,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: false } },
        axes: spec.axes,
        series: spec.series,
      },
      figures.data,
      plotBox,
    );
    return { figure, note, table: figures.table, plot };
  }

  /** Puts a kept chart at the end of `container` with new figures, as wide as its figure. */
  private refill(chart: KeptChart, container: HTMLElement, figures: ChartFigures): void {
    chart.note.data = figures.note;
    chart.table.replaceWith(figures.table);
    chart.table = figures.table;
    container.append(chart.figure);
    const width = this.widthOf(chart.figure);
    if (chart.plot.width !== width) chart.plot.setSize({ width, height: this.height });
    chart.plot.setData(figures.data);
  }
}

/** One figure of a chart's table, to a tenth: "−0.4"; a quarter a line never reached, "–". */
export function tableCell(v: number | undefined): string {
  return v === undefined || !Number.isFinite(v) ? '–' : shownNumber(v, 1);
}

/**
 * The figures behind a chart as a table, folded under its summary: one row a quarter,
 * one column a line, so the chart never carries information the page does not.
 */
export function figuresTable(
  summary: string,
  columns: readonly string[],
  lines: readonly (readonly number[])[],
): HTMLElement {
  const quarters = lines[0]?.length ?? 0;
  const col = (text: string) => h('th', { attrs: { scope: 'col' } }, text);
  return h(
    'details',
    { class: 'chart-table' },
    h('summary', null, summary),
    h(
      'table',
      { class: 'data' },
      h('thead', null, h('tr', null, col('Quarter'), ...columns.map(col))),
      h(
        'tbody',
        null,
        ...Array.from({ length: quarters }, (_, i) =>
          h(
            'tr',
            null,
            h('th', { attrs: { scope: 'row' } }, i === 0 ? 'start' : `Q${i}`),
            ...lines.map((line) => h('td', null, tableCell(line[i]))),
          ),
        ),
      ),
    ),
  );
}
