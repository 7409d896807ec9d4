import type { RubricDef } from '../../sim/index.ts';
import { scoreAxis, svg } from '../svg.ts';
import type { Row } from './aggregate.ts';
import { gradeTitle } from './grade-words.ts';

// Style against outcome: each trainee is a dot, across by the share of their decisions
// taken in one style, up by the figure the leaderboard ranks by (the rubric's grading: the
// fair score in the shipped scenarios), so a dot's height and a bar's length on the board
// are one number. A room where the dots climb to the right has learned that this style paid
// off in this market. A trainee whose fair score is still being worked out has no dot yet.

/** What a chart with dots still to come says under it. */
export const DOTS_TO_COME = 'The fair scores are being worked out: the dots come then.';

/** Rows whose graded figure is known (a percentile grade waits for the market's census). */
export const plotted = (rows: readonly Row[]): Row[] => rows.filter((r) => r.passed !== null);

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
    'aria-label': `${figure.replace(/ \(0–100\)$/, '')} against the share of ${style} decisions, one dot per trainee`,
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
  const label = rows.length <= 12;
  for (const r of rows) {
    const cx = xAxis((r.styles[style] ?? 0) * 100);
    const cy = y(r.grade);
    const dot = svg('circle', {
      cx,
      cy,
      r: 7,
      fill: '#0072b2',
      'fill-opacity': 0.75,
      stroke: '#fff',
      'stroke-width': 1.5,
    });
    dot.append(
      svg(
        'title',
        {},
        `${r.player}: ${name} ${r.grade}${rubric.grading === 'raw' ? '' : `, score ${r.score}`}, ${Math.round((r.styles[style] ?? 0) * 100)}% ${style}`,
      ),
    );
    root.append(dot);
    if (label) root.append(svg('text', { x: cx + 10, y: cy + 4 }, r.player.slice(0, 24)));
  }
  return root;
}
