import type { RubricDef } from '../../sim/index.ts';
import { DRAWN_WIDTH, scoreAxis, svg } from '../svg.ts';
import { type Row, stylePercents } from './aggregate.ts';
import { chartTable } from './chart-table.ts';
import { gradeTitle } from './grade-words.ts';
import { CHAR_W, placeLabels } from './label-place.ts';
import { fitName } from './line-ends.ts';

// Style against outcome: each trainee is a dot, across by the share of their decisions
// taken in one style, up by the figure the leaderboard ranks by (the rubric's grading: the
// fair score in the shipped scenarios), so a dot's height and a bar's length on the board
// are one number. A room where the dots climb to the right has learned that this style paid
// off in this market. A trainee whose fair score is still being worked out has no dot yet.

/** What a chart with dots still to come says under it. */
export const DOTS_TO_COME = 'The fair scores are being worked out: the dots come then.';

/** Rows whose graded figure is known (a percentile grade waits for the market's census). */
export const plotted = (rows: readonly Row[]): Row[] => rows.filter((r) => r.passed !== null);

const RADIUS = 7;

/** The longest a name beside a dot may be, in characters, on a chart as wide as the dashboard's. */
export const LABEL_CHARS = 24;

/**
 * A point's label: its trainee's name, or the first names and how many more share it. A
 * name longer than `chars` is cut and ends in "…", as the share chart's are; the dot's
 * tooltip, the table under the chart and the leaderboard give it whole.
 */
export function pointLabel(rows: readonly Row[], chars = LABEL_CHARS): string {
  const names = rows.map((r) => fitName(r.player, chars));
  if (names.length === 1) return names[0]!;
  const two = `${names[0]}, ${names[1]}`;
  return names.length === 2 && two.length <= chars + 6 ? two : `${names[0]} +${names.length - 1}`;
}

/** Below this width the chart is laid out for a phone: shorter names, fewer axis marks. */
const NARROW = 560;

/**
 * The chart drawn `width` pixels wide: the dashboard draws it at its card's width
 * (drawnToFit), so its 12 px text stays 12 px on a phone; the live room's slides scale the
 * default drawing to the screen.
 */
export function styleScatter(
  all: readonly Row[],
  style: string,
  rubric: RubricDef,
  width = DRAWN_WIDTH,
): SVGSVGElement {
  const rows = plotted(all);
  const figure = gradeTitle(rubric);
  const name = figure.replace(/ \(0–100\)$/, '').toLowerCase();
  const narrow = width < NARROW;
  const height = narrow ? Math.max(280, Math.round(width * 0.8)) : 360;
  const left = 56;
  const bottom = height - 48;
  const top = 16;
  const right = width - 20;
  const y = (v: number) => bottom - (v / 100) * (bottom - top);
  const root = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    class: 'scatter',
    role: 'img',
    'aria-label': `${figure.replace(/ \(0–100\)$/, '')} against the share of ${style} decisions, one dot per trainee, shared by trainees on the same point`,
  });
  // the score axis runs up the side; the style share along the bottom
  const xAxis = (v: number) => left + (v / 100) * (right - left);
  scoreAxis(root, xAxis, top, bottom, `${style} decisions (%)`, narrow ? 20 : 10);
  for (let v = 0; v <= 100; v += 20) {
    root.append(svg('line', { x1: left, x2: right, y1: y(v), y2: y(v), stroke: '#d9dee8' }));
    root.append(svg('text', { x: left - 8, y: y(v) + 4, 'text-anchor': 'end' }, String(v)));
  }
  root.append(
    svg(
      'text',
      {
        x: 14,
        y: (top + bottom) / 2,
        transform: `rotate(-90 14 ${(top + bottom) / 2})`,
        'text-anchor': 'middle',
      },
      figure,
    ),
  );
  // trainees on one point share one dot, its tooltip naming each of them
  const points = new Map<string, { cx: number; cy: number; rows: Row[] }>();
  for (const r of rows) {
    const cx = xAxis((r.styles[style] ?? 0) * 100);
    const cy = y(r.grade);
    const key = `${cx.toFixed(1)},${cy.toFixed(1)}`;
    const p = points.get(key) ?? { cx, cy, rows: [] };
    p.rows.push(r);
    points.set(key, p);
  }
  const describe = (r: Row) =>
    `${r.player}: ${name} ${r.grade}${rubric.grading === 'raw' ? '' : `, score ${r.score}`}, ${stylePercents(r.styles)[style] ?? 0}% ${style}`;
  for (const p of points.values()) {
    const dot = svg('circle', {
      cx: p.cx,
      cy: p.cy,
      r: RADIUS,
      fill: '#0072b2',
      'fill-opacity': 0.75,
      stroke: '#fff',
      'stroke-width': 1.5,
    });
    dot.append(svg('title', {}, p.rows.map(describe).join('\n')));
    root.append(dot);
  }
  // a name beside its dot where it fits (see label-place.ts); a crowded room keeps the tooltips
  if (rows.length <= 16) {
    // a name may take up to 45% of the plot's width, and no more than LABEL_CHARS
    const chars = Math.min(LABEL_CHARS, Math.floor(((right - left) * 0.45) / CHAR_W));
    const spots = [...points.values()].map((p) => ({
      x: p.cx,
      y: p.cy,
      text: pointLabel(p.rows, chars),
    }));
    for (const l of placeLabels(spots, { x: left, y: 0, w: width - left, h: bottom + 4 }, RADIUS))
      root.append(
        svg('text', { x: l.x, y: l.y, 'text-anchor': l.anchor, class: 'dot-name' }, l.text),
      );
  }
  return root;
}

/**
 * The chart's figures as a table a click (or a screen reader) away: each trainee's name in
 * full, their share of `style` decisions and the graded figure, in the leaderboard's order.
 */
export function scatterTable(all: readonly Row[], style: string, rubric: RubricDef): HTMLElement {
  const figure = gradeTitle(rubric).replace(/ \(0–100\)$/, '');
  return chartTable({
    label: 'Style against outcome',
    caption: `${figure} and share of ${style} decisions, by trainee`,
    columns: [`${style} decisions`, figure.toLowerCase()],
    rows: plotted(all).map((r) => ({
      player: r.player,
      cells: [`${stylePercents(r.styles)[style] ?? 0}%`, String(r.grade)],
    })),
  });
}
