import { CHAR_W, LINE_H } from './label-place.ts';

// Where the share chart's names go: one at the right end of each trainee's line, so a room
// looking at the projector reads whose line is whose without matching colours against the
// legend. Each name stays as near its line's end as the others let it, none covers another
// and none leaves the chart. When more lines end than names fit in its height, the first
// lines (in the leaderboard's order: the leaders) are named; the legend under the chart and
// its table name every one. The style chart's names (label-place.ts) go round a dot; these
// stack up and down beside the ends, joined to them by a short leader.

export interface LineEnd {
  /** the height where the line ends */
  y: number;
  text: string;
}

export interface EndLabel {
  /** which line (its place in `ends`) */
  index: number;
  /** the middle of the name's line of text */
  y: number;
  text: string;
}

/** A name cut to `chars` characters, its end marked, so it keeps to the room beside the chart. */
export function fitName(text: string, chars: number): string {
  return text.length <= chars ? text : `${text.slice(0, Math.max(1, chars - 1))}…`;
}

/**
 * The names cut to `chars` characters, or null when cutting makes names that differ read
 * alike: a chart of "Trainee 0…" tells nobody apart, and the legend does it better.
 */
export function fitNames(names: readonly string[], chars: number): string[] | null {
  const cut = names.map((n) => fitName(n, chars));
  return new Set(cut).size === new Set(names).size ? cut : null;
}

/** How many characters a name may take in `width` pixels at the chart's largest type. */
export const charsIn = (width: number): number => Math.floor(width / CHAR_W);

/**
 * One name per line end, in the band from `top` to `bottom`, each `lineH` from the next:
 * the nearest such stack to the ends (least squares). Written q = y − i·lineH for the i-th
 * name from the top, a stack is any non-decreasing q, and the nearest is found by pooling
 * neighbours that press on each other (pool adjacent violators), then kept inside the band.
 */
export function endLabels(
  ends: readonly LineEnd[],
  top: number,
  bottom: number,
  lineH: number = LINE_H,
): EndLabel[] {
  const room = Math.max(0, Math.floor((bottom - top) / lineH));
  const named = ends
    .map((e, index) => ({ ...e, index }))
    .slice(0, room)
    .sort((a, b) => a.y - b.y || a.index - b.index);
  const pools: { sum: number; n: number }[] = [];
  for (const [i, e] of named.entries()) {
    pools.push({ sum: e.y - i * lineH, n: 1 });
    for (let last = pools.length - 1; last > 0; last--) {
      const a = pools[last - 1]!;
      const b = pools[last]!;
      if (a.sum / a.n <= b.sum / b.n) break;
      pools.splice(last - 1, 2, { sum: a.sum + b.sum, n: a.n + b.n });
    }
  }
  const first = top + lineH / 2;
  const lowest = bottom - lineH / 2 - (named.length - 1) * lineH;
  const out: EndLabel[] = [];
  for (const p of pools) {
    const q = Math.min(Math.max(p.sum / p.n, first), lowest);
    for (let k = 0; k < p.n; k++) {
      const e = named[out.length]!;
      out.push({ index: e.index, y: q + out.length * lineH, text: e.text });
    }
  }
  return out;
}
