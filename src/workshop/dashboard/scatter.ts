import type { RubricDef } from '../../sim/index.ts';
import { scoreAxis, svg } from '../svg.ts';
import { type Row, stylePercents } from './aggregate.ts';
import { gradeTitle } from './grade-words.ts';
import { placeLabels } from './label-place.ts';

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

/** A point's label: its trainee's name, or the first names and how many more share it. */
export function pointLabel(rows: readonly Row[]): string {
  const names = rows.map((r) => r.player.slice(0, 24));
  if (names.length === 1) return names[0]!;
  const two = `${names[0]}, ${names[1]}`;
  return names.length === 2 && two.length <= 30 ? two : `${names[0]} +${names.length - 1}`;
}

export function styleScatter(all: readonly Row[], style: string, rubric: RubricDef): SVGSVGElement {
  const rows = plotted(all);
  const figure = gradeTitle(rubric);
  const name = figure.replace(/ \(0–100\)$/, '').toLowerCase();
  const width = 640;
  const height = 360;
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
  scoreAxis(root, xAxis, top, bottom, `${style} decisions (%)`);
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
    const spots = [...points.values()].map((p) => ({ x: p.cx, y: p.cy, text: pointLabel(p.rows) }));
    for (const l of placeLabels(spots, { x: left, y: 0, w: width - left, h: bottom + 4 }, RADIUS))
      root.append(
        svg('text', { x: l.x, y: l.y, 'text-anchor': l.anchor, class: 'dot-name' }, l.text),
      );
  }
  return root;
}
