import type { RubricDef } from '../../sim/index.ts';
import type { Row } from '../dashboard/aggregate.ts';
import { boardFigures, gradeTitle } from '../dashboard/grade-words.ts';
import { svg } from '../svg.ts';
import type { QuarterSlide } from './slides-data.ts';

// The slides' bar charts, drawn in SVG: a bar per reply or per trainee reads better across
// a room than a line chart, and every label is text. They are made for the projector: a
// 1200-unit wide picture with 22–26 unit type that fills the slide's width, each axis
// titled, each bar's figure written at its end (so colour is never the only cue).

const W = 1200;
const INK = '#f3f6fc';
const MUTED = '#b8c4dc';
const GRID = '#3a4763';
const COUNT = '#56b4e9';
/** one colour for a quarter's change, up or down: a gain is not the right answer */
const CHANGE = '#9aa8c4';
/** how the reply's takers ended (Okabe–Ito's reddish purple, apart from the count's blue) */
const ENDED = '#cc79a7';

const LABEL_SIZE = 24;
const LINE = 30;
const TICK_SIZE = 20;
const BAR = 34;
const GAP = 18;
/** the room under the rows for tick labels and the axis title */
const AXIS = 76;

/** Letters that tie a reply's bar to its coach's note under the chart. */
export const replyMark = (i: number) => String.fromCharCode(65 + i);

/** Splits a label into at most `lines` lines of about `width` characters, the last cut with … */
export function wrapLabel(text: string, width: number, lines: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  if (out.length <= lines) return out;
  const kept = out.slice(0, lines);
  kept[lines - 1] = `${kept[lines - 1]!.slice(0, width - 1).trimEnd()}…`;
  return kept;
}

/** A tick step of 1, 2 or 5 times a power of ten giving at most `most` steps up to `max`. */
function niceStep(max: number, most: number): number {
  const raw = max / most;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
}

function text(
  x: number,
  y: number,
  content: string,
  attrs: Record<string, string | number> = {},
): SVGTextElement {
  return svg('text', { x, y, fill: INK, 'font-size': LABEL_SIZE, ...attrs }, content);
}

/** A horizontal axis: grid lines over the rows, tick labels under them, a title below. */
function axis(
  root: SVGSVGElement,
  opts: {
    x: (v: number) => number;
    ticks: number[];
    format: (v: number) => string;
    top: number;
    bottom: number;
    /** one line, or a few stacked (three axes side by side leave each little width) */
    title: string | readonly string[];
    zero?: number;
    /** where the grid lines run (the bars' bands, clear of the labels); all rows if not given */
    spans?: readonly (readonly [number, number])[];
  },
): void {
  for (const t of opts.ticks) {
    const strong = t === opts.zero;
    for (const [y1, y2] of opts.spans ?? [[opts.top, opts.bottom] as const])
      root.append(
        svg('line', {
          x1: opts.x(t),
          x2: opts.x(t),
          y1,
          y2,
          stroke: strong ? MUTED : GRID,
          'stroke-width': strong ? 2 : 1,
        }),
      );
    root.append(
      text(opts.x(t), opts.bottom + 26, opts.format(t), {
        'text-anchor': 'middle',
        'font-size': TICK_SIZE,
        fill: MUTED,
      }),
    );
  }
  const [first, last] = [opts.ticks[0] ?? 0, opts.ticks.at(-1) ?? 0];
  const lines = typeof opts.title === 'string' ? [opts.title] : opts.title;
  root.append(
    ...lines.map((line, i) =>
      text((opts.x(first) + opts.x(last)) / 2, opts.bottom + 60 + i * LINE, line, {
        'text-anchor': 'middle',
        'font-weight': 600,
      }),
    ),
  );
}

const points = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(1)}`;

/** What a reply's takers' ending is called on the slide, after "mean": "fair score", … */
export function endedName(rubric: RubricDef): string {
  if (rubric.grading === 'raw') return 'score';
  if (rubric.grading === 'both') return 'of the lower figure';
  return 'fair score';
}

/** A reply's ending in words, for its row and the chart's spoken label. */
function endedWords(r: QuarterSlide['replies'][number], playEnded: boolean): string {
  if (r.count === 0) return '';
  // once the facilitator ended play, takers who had not finished never will
  if (r.finished === 0) return playEnded ? 'did not finish' : 'still playing';
  if (r.ended === null) return 'working out…';
  return `${Math.round(r.ended)} (${r.finished} finished)`;
}

/**
 * A quarter's replies, one row each (the reply's letter and words above its bars), in three
 * columns: how many trainees chose it; the mean change of market share that quarter among
 * them, in points either side of zero, in one neutral colour (a quarter's change is no
 * verdict: some replies cost share now and pay later); and how those who took it ended, the
 * mean of the figure the leaderboard ranks by, once they have finished.
 */
export function splitChart(
  slide: QuarterSlide,
  rubric: RubricDef,
  playEnded = false,
): SVGSVGElement {
  const rows = slide.replies.map((r, i) => ({
    ...r,
    lines: wrapLabel(`${replyMark(i)}  ${r.label}`, 84, 2),
  }));
  const heights = rows.map((r) => r.lines.length * LINE + BAR + GAP);
  const top = 8;
  // each row's bar band, from just above its bar to the next row's label
  const spans = rows.map((r, i) => {
    const start = top + heights.slice(0, i).reduce((a, b) => a + b, 0) + r.lines.length * LINE;
    return [start, start + BAR + GAP] as const;
  });
  const bottom = top + heights.reduce((a, b) => a + b, 0);
  const height = bottom + AXIS + LINE;
  const ended = endedName(rubric);
  const root = svg('svg', {
    viewBox: `0 0 ${W} ${height}`,
    // shrunk to leave the coach's notes room, it stays under the text's left edge
    preserveAspectRatio: 'xMinYMin meet',
    class: 'slide-chart',
    role: 'img',
    'font-family': 'inherit',
    'aria-label': `How the room split in quarter ${slide.quarter}, what each reply did to market share that quarter, and the mean final ${ended} of those who took it: ${slide.replies
      .map(
        (r, i) =>
          `${replyMark(i)}, ${r.count} of ${slide.decided}, ${
            r.shareChange === null
              ? 'nobody took it'
              : `${points(r.shareChange)} points, ended ${endedWords(r, playEnded)}`
          }`,
      )
      .join('; ')}`,
  });

  // left: how many chose each reply, 0 to the room's count (room for "12 (60%)" after it)
  const most = Math.max(1, slide.decided);
  const countStep = Math.max(1, niceStep(most, 4));
  const countMax = Math.ceil(most / countStep) * countStep;
  const cx = (v: number) => 10 + (v / countMax) * 240;
  // middle: the change of share, the same scale either side of zero
  const changes = slide.replies.flatMap((r) => (r.shareChange === null ? [] : [r.shareChange]));
  const reach = Math.max(1, ...changes.map(Math.abs));
  const changeStep = niceStep(reach, 2);
  const changeMax = Math.ceil(reach / changeStep) * changeStep;
  const zx = 565;
  const vx = (v: number) => zx + (v / changeMax) * 100;
  // right: how those who took it ended, 0 to 100
  const ex = (v: number) => 810 + (v / 100) * 300;
  const range = (step: number, from: number, to: number) =>
    Array.from({ length: Math.round((to - from) / step) + 1 }, (_, i) => from + i * step);

  axis(root, {
    x: cx,
    ticks: range(countStep, 0, countMax),
    format: String,
    top,
    bottom,
    title: ['Trainees', 'who chose it'],
    spans,
  });
  axis(root, {
    x: vx,
    ticks: range(changeStep, -changeMax, changeMax),
    format: (v) => (v === 0 ? '0' : points(v).replace('.0', '')),
    top,
    bottom,
    title: ['Change of share', 'this quarter only (points)'],
    zero: 0,
    spans,
  });
  axis(root, {
    x: ex,
    ticks: [0, 50, 100],
    format: String,
    top,
    bottom,
    title: ['How they ended:', `mean final ${ended}`],
    spans,
  });

  let y = top;
  rows.forEach((r, i) => {
    const row = svg('g', { 'data-choice': r.id });
    row.append(
      ...r.lines.map((line, n) =>
        text(10, y + LINE * (n + 1) - 6, line, { 'font-weight': n === 0 ? 600 : 400 }),
      ),
    );
    const barY = y + r.lines.length * LINE + 4;
    const mid = barY + BAR / 2 + 8;
    const part = slide.decided ? r.count / slide.decided : 0;
    row.append(
      svg('rect', { x: cx(0), y: barY, width: cx(r.count) - cx(0), height: BAR, fill: COUNT }),
      text(cx(r.count) + 10, mid, `${r.count} (${Math.round(part * 100)}%)`, { class: 'count' }),
    );
    if (r.shareChange === null) {
      row.append(text(zx, mid, 'nobody took it', { 'text-anchor': 'middle', fill: MUTED }));
    } else {
      const end = vx(r.shareChange);
      const gain = r.shareChange >= 0;
      row.append(
        svg('rect', {
          x: Math.min(zx, end),
          y: barY,
          width: Math.max(2, Math.abs(end - zx)),
          height: BAR,
          fill: CHANGE,
        }),
        text(gain ? end + 10 : end - 10, mid, points(r.shareChange), {
          'text-anchor': gain ? 'start' : 'end',
          class: 'change',
        }),
      );
      if (r.ended === null)
        row.append(text(ex(0), mid, endedWords(r, playEnded), { fill: MUTED, class: 'ended' }));
      else
        row.append(
          svg('rect', {
            x: ex(0),
            y: barY,
            width: Math.max(2, ex(r.ended) - ex(0)),
            height: BAR,
            fill: ENDED,
          }),
          // a mean of some of its takers says so: the rest are still playing
          text(
            ex(r.ended) + 10,
            mid,
            `${Math.round(r.ended)}${r.finished < r.count ? ` (${r.finished} of ${r.count})` : ''}`,
            { class: 'ended' },
          ),
        );
    }
    row.append(svg('title', {}, `${replyMark(i)}: ${r.label}`));
    root.append(row);
    y += heights[i]!;
  });
  return root;
}

/**
 * The leaderboard as bars: rank and name with both figures under it, then a bar for the
 * figure the pass mark applies to (the rubric's grading), the pass mark a dashed line.
 */
export function boardChart(
  rows: readonly Row[],
  rubric: RubricDef,
  nameOf: (r: Row, i: number) => string,
) {
  const rowH = 72;
  const top = 8;
  const bottom = top + rows.length * rowH;
  const left = 500;
  const x = (v: number) => left + (v / 100) * 600;
  const root = svg('svg', {
    viewBox: `0 0 ${W} ${bottom + AXIS}`,
    class: 'slide-chart',
    role: 'img',
    'font-family': 'inherit',
    'aria-label': `Leaderboard, ranked by ${gradeTitle(rubric).toLowerCase()}, pass mark ${rubric.passMark}: ${rows
      .map((r, i) => `${r.rank}. ${nameOf(r, i)}, ${boardFigures(r)}`)
      .join('; ')}`,
  });
  axis(root, {
    x,
    ticks: [0, 20, 40, 60, 80, 100],
    format: String,
    top,
    bottom,
    title: `${gradeTitle(rubric)} · dashed: the pass mark, ${rubric.passMark}`,
  });
  rows.forEach((r, i) => {
    const y = top + i * rowH;
    const mid = y + 30;
    const row = svg('g', { class: 'board-row' });
    // until the fair score is worked out its bar would show the score under its name
    const known = r.passed !== null;
    row.append(
      text(50, mid, `${r.rank}.`, { 'text-anchor': 'end', fill: MUTED }),
      text(62, mid, wrapLabel(nameOf(r, i), 26, 1)[0] ?? '', { class: 'name' }),
      text(62, mid + 28, boardFigures(r), {
        class: 'figures',
        fill: MUTED,
        'font-size': TICK_SIZE,
      }),
      svg('rect', {
        x: x(0),
        y: y + 14,
        width: known ? x(r.grade) - x(0) : 0,
        height: rowH - 28,
        fill: COUNT,
      }),
      text(known ? x(r.grade) + 10 : x(0) + 10, y + rowH / 2 + 9, known ? String(r.grade) : '…'),
    );
    root.append(row);
  });
  root.append(
    svg('line', {
      x1: x(rubric.passMark),
      x2: x(rubric.passMark),
      y1: top,
      y2: bottom,
      stroke: INK,
      'stroke-width': 2,
      'stroke-dasharray': '8 6',
    }),
  );
  return root;
}
