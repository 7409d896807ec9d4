import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { h } from '../dom.ts';
import { lineLook } from '../svg.ts';
import type { ShareCurve } from './aggregate.ts';

// Market share, quarter by quarter: one line per trainee. Each line is named in the legend
// under the chart (colour, and past six trainees a dash pattern too), whose figures follow
// the pointer, quarter by quarter; the same numbers stand in a table a click (or a screen
// reader) away, so nobody has to tell lines apart by colour alone.

const quarterName = (q: number) => (q === 0 ? 'start' : `Q${q}`);

/** The card's body: where the chart goes, and its table. */
export function curvesBody(curves: readonly ShareCurve[]): HTMLElement {
  return h('div', null, h('div', { class: 'chart curves' }), curvesTable(curves));
}

function curvesTable(curves: readonly ShareCurve[]): HTMLElement {
  const quarters = curves[0]?.shares.length ?? 0;
  return h(
    'details',
    { class: 'chart-table' },
    h('summary', null, 'Show as a table'),
    h(
      'div',
      // focusable, so a keyboard can scroll a long game's quarters sideways
      {
        class: 'table-scroll',
        attrs: { tabindex: '0', role: 'region', 'aria-label': 'Market share by quarter' },
      },
      h(
        'table',
        null,
        h(
          'caption',
          { class: 'visually-hidden' },
          'Market share in per cent, by trainee and quarter',
        ),
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', { attrs: { scope: 'col' } }, 'trainee'),
            ...Array.from({ length: quarters }, (_, q) =>
              h('th', { class: 'num', attrs: { scope: 'col' } }, quarterName(q)),
            ),
          ),
        ),
        h(
          'tbody',
          null,
          ...curves.map((c) =>
            h(
              'tr',
              null,
              h('th', { attrs: { scope: 'row' } }, c.player),
              ...c.shares.map((s) => h('td', { class: 'num' }, `${s.toFixed(1)}%`)),
            ),
          ),
        ),
      ),
    ),
  );
}

/** The legend mark's CSS border style for a line's dash pattern. */
function markerDash(dash: readonly number[] | undefined): 'solid' | 'dashed' | 'dotted' {
  if (!dash?.length) return 'solid';
  return dash[0]! <= 3 ? 'dotted' : 'dashed';
}

/** Draws the lines into the card's chart box; `big` is the projector's larger, dark look. */
export function drawCurves(el: HTMLElement, curves: readonly ShareCurve[], big: boolean): void {
  if (curves.length === 0) return;
  const quarters = curves[0]!.shares.length;
  const xs = Array.from({ length: quarters }, (_, i) => i);
  const ink = big ? { stroke: '#c9d4e8', font: '16px system-ui' } : {};
  const width = () => Math.max(260, el.clientWidth || 560);
  const height = big ? 420 : 300;
  const plot = new uPlot(
    {
      width: width(),
      height,
      // the legend names every line, and its figures follow the pointer
      legend: {
        show: true,
        live: true,
        // a line's dash shows in its legend mark too, so a repeated colour still tells apart
        markers: { width: 3, dash: (u, i) => markerDash(u.series[i]?.dash) },
      },
      scales: { x: { time: false } },
      axes: [
        {
          label: 'quarter',
          // whole quarters only, however narrow the chart
          incrs: [1, 2, 3, 4, 6, 12],
          values: (_u, vals) => vals.map((v) => quarterName(v)),
          ...ink,
        },
        { label: 'market share %', ...ink },
      ],
      series: [
        { label: 'quarter', value: (_u, v) => (v === null ? '–' : quarterName(v)) },
        ...curves.map((c, i) => ({
          label: c.player,
          ...lineLook(i),
          width: curves.length > 15 ? 1.5 : 2.5,
          points: { show: quarters < 14 },
          value: (_u: uPlot, v: number | null) => (v === null ? '–' : `${v.toFixed(1)}%`),
        })),
      ],
    },
    [xs, ...curves.map((c) => c.shares)] as uPlot.AlignedData,
    el,
  );
  // a turned phone or a resized window redraws the chart to its card's new width
  const resized = new ResizeObserver(() => {
    if (!el.isConnected) resized.disconnect();
    else if (Math.abs(plot.width - width()) > 1) plot.setSize({ width: width(), height });
  });
  resized.observe(el);
}
