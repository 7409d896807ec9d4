import type uPlot from 'uplot';
import { h } from './dom.ts';

// What the debrief's charts share: quarter axes read "start, Q1, Q2 …", one ink and grid,
// plots that follow their figure's width, and charts kept from one debrief to the next.

const INK = '#3d4451';
const GRID = '#e3e6ec';

/** x: the quarters; y: whole numbers, with a unit suffix if given. */
export function quarterAxes(ySuffix: string, ySize: number): uPlot.Axis[] {
  return [
    {
      values: (_u, ticks) =>
        ticks.map((t) => (Number.isInteger(t) ? (t === 0 ? 'start' : `Q${t}`) : '')),
      stroke: INK,
      grid: { stroke: GRID },
    },
    {
      values: (_u, ticks) => ticks.map((t) => `${Math.round(t)}${ySuffix}`),
      stroke: INK,
      grid: { stroke: GRID },
      size: ySize,
    },
  ];
}

/**
 * Keeps each plot as wide as its figure (the n-th plot in the n-th child of `container`,
 * a phone turned sideways included); returns what stops following. The plots themselves
 * outlive it: they are kept for the next debrief (see KeptChart).
 */
export function followWidth(
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

/**
 * A chart made once per page and drawn again with each game's figures. uPlot's constructor
 * is large (about 50 KB of machine code once V8 optimises it): made anew for every
 * debrief, it ran often enough to be optimised after a few games, and the page's heap
 * grew with it; kept and given new data, it runs once per chart and page.
 */
export interface KeptChart {
  figure: HTMLElement;
  /** the caption's words after its bold title */
  note: Text;
  /** the figures' table, replaced with each new set of figures */
  table: HTMLElement;
  plot: uPlot;
}

/** Puts a kept chart at the end of `container` with new figures, as wide as its figure. */
export function refill(
  chart: KeptChart,
  container: HTMLElement,
  note: string,
  table: HTMLElement,
  data: uPlot.AlignedData,
  widthOf: (figure: HTMLElement) => number,
  height: number,
): void {
  chart.note.data = note;
  chart.table.replaceWith(table);
  chart.table = table;
  container.append(chart.figure);
  const width = widthOf(chart.figure);
  if (chart.plot.width !== width) chart.plot.setSize({ width, height });
  chart.plot.setData(data);
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
            ...lines.map((line) => h('td', null, (line[i] ?? 0).toFixed(1))),
          ),
        ),
      ),
    ),
  );
}
