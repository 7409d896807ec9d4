import uPlot from 'uplot';
import { chartTable } from './chart-table.ts';
import 'uplot/dist/uPlot.min.css';
import { h } from '../dom.ts';
import { lineLook, svg } from '../svg.ts';
import type { ShareCurve } from './aggregate.ts';
import { CHAR_W } from './label-place.ts';
import { charsIn, endLabels, fitNames } from './line-ends.ts';

// Market share, quarter by quarter: one line per trainee. Each line is named at its end
// (line-ends.ts), where a projector audience reads it without matching colours, and in the
// legend under the chart (colour, and past six trainees a dash pattern too), whose figures
// follow the pointer; the same numbers stand in a table a click (or a screen reader) away,
// so nobody has to tell lines apart by colour, or read them with a pointer, alone.

const quarterName = (q: number) => (q === 0 ? 'start' : `Q${q}`);

/** The card's body: where the chart goes, and its table. */
export function curvesBody(curves: readonly ShareCurve[]): HTMLElement {
  return h('div', null, h('div', { class: 'chart curves' }), curvesTable(curves));
}

function curvesTable(curves: readonly ShareCurve[]): HTMLElement {
  const quarters = curves[0]?.shares.length ?? 0;
  return chartTable({
    label: 'Market share by quarter',
    caption: 'Market share in per cent, by trainee and quarter',
    columns: Array.from({ length: quarters }, (_, q) => quarterName(q)),
    rows: curves.map((c) => ({ player: c.player, cells: c.shares.map((s) => `${s.toFixed(1)}%`) })),
  });
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
  const names = curves.map((c) => c.player);
  const plot = new uPlot(
    {
      width: width(),
      height,
      // room on the right for the names at the lines' ends
      padding: [null, (u) => namesRoom(u.width, names), null, null],
      hooks: { draw: [(u) => drawEndNames(u, names, big ? 22 : 16)] },
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

/** From a line's end to its name: a short leader, then a gap. */
const LEADER = 22;

/** The room for the names' text: the longest name, at most 30% of the chart. */
function textRoom(width: number, names: readonly string[]): number {
  const longest = Math.max(...names.map((n) => n.length)) * CHAR_W;
  return Math.min(longest, Math.max(64, width * 0.3));
}

/** The names as the chart shows them in `width`, or null where cut they would read alike. */
const namesIn = (width: number, names: readonly string[]) =>
  fitNames(names, charsIn(textRoom(width, names)));

/** The width kept right of the plot: the names' room, or uPlot's usual margin without them. */
function namesRoom(width: number, names: readonly string[]): number {
  return namesIn(width, names) ? LEADER + 6 + textRoom(width, names) : 12;
}

/**
 * Draws each shown line's name beside its end, over the chart (an SVG laid over uPlot's
 * canvas, redrawn with it): hidden from screen readers, which have the legend and the table.
 * `lineH`: the height of a line of its text.
 */
function drawEndNames(u: uPlot, names: readonly string[], lineH: number): void {
  const wrap = u.over.parentElement;
  if (!wrap) return;
  let layer = wrap.querySelector<SVGSVGElement>('svg.end-names');
  if (!layer) {
    layer = svg('svg', { class: 'end-names', 'aria-hidden': 'true' });
    wrap.append(layer);
  }
  // the plot's box as uPlot drew it (canvas pixels), not as the page's layout has it at
  // that moment: the names always match the lines they stand beside
  const px = uPlot.pxRatio;
  const left = u.bbox.left / px;
  const top = u.bbox.top / px;
  const plotW = u.bbox.width / px;
  const plotH = u.bbox.height / px;
  const last = (u.data[0]?.length ?? 1) - 1;
  const xEnd = left + u.valToPos(last, 'x');
  const shown = namesIn(u.width, names);
  if (!shown) {
    layer.replaceChildren();
    return;
  }
  const ends = shown.flatMap((text, i) => {
    const v = u.data[i + 1]?.[last];
    // a line the legend has switched off is not named either
    if (v === null || v === undefined || !u.series[i + 1]?.show) return [];
    return [{ y: top + u.valToPos(v, 'y'), text, line: i }];
  });
  // a line of text apart: 16 px for 12 px type, 22 px for the projector's 16 px
  const placed = endLabels(ends, top, top + plotH, lineH);
  const x = left + plotW + LEADER;
  layer.setAttribute('width', String(u.width));
  layer.setAttribute('height', String(u.height));
  layer.replaceChildren(
    ...placed.flatMap((l) => {
      const end = ends[l.index]!;
      return [
        // thin and grey: a leader in the line's own colour reads as the line going on
        svg('polyline', {
          points: `${xEnd + 6},${end.y} ${x - 4},${l.y}`,
          class: 'end-leader',
          fill: 'none',
        }),
        svg(
          'text',
          { x, y: l.y, 'dominant-baseline': 'central', class: 'end-name', 'data-line': end.line },
          l.text,
        ),
      ];
    }),
  );
}
