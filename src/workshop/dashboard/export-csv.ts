import { type Cell, toCsv } from '../../lib/csv.ts';
import { type ScenarioDef, type SimState, situationShownIn } from '../../sim/index.ts';
import { type Row, stylePercents } from './aggregate.ts';
import type { Accepted } from './intake.ts';

// The class dashboard's export: one line per verified game, as the leaderboard ranks them.
// Every figure in one format (the final share always with one decimal), one column per
// style the scenario uses, and the replies both as the ids a script can match and as the
// labels each trainee read.

export function csvHeader(scenario: ScenarioDef): string[] {
  return [
    'rank',
    'player',
    'fair score (percentile)',
    'score',
    'passed',
    'final share %',
    ...scenario.styles.map((s) => `${s} %`),
    'replies',
    'choices (ids)',
    'source',
  ];
}

/** Each reply as the trainee read it in their game (texts can follow the game so far). */
export function repliesRead(scenario: ScenarioDef, state: SimState): string[] {
  return state.history.map(
    (h) =>
      situationShownIn(scenario, state, h.quarter).choices.find((c) => c.id === h.choiceId)
        ?.label ?? h.choiceId,
  );
}

/** The lines under the header; `games` are the verified games the rows were made from. */
export function csvRows(
  scenario: ScenarioDef,
  rows: readonly Row[],
  games: readonly Accepted[],
): Cell[][] {
  // worked out here, at export, not for every redraw of the board
  const states = new Map(games.map((g) => [g.source, g.replay.state]));
  return rows.map((r) => {
    const pct = stylePercents(r.styles);
    return [
      r.rank,
      r.player,
      r.fairScore,
      r.score,
      r.passed === null ? '' : r.passed ? 'yes' : 'no',
      (r.share * 100).toFixed(1),
      ...scenario.styles.map((s) => pct[s] ?? 0),
      (states.has(r.source) ? repliesRead(scenario, states.get(r.source)!) : r.choices)
        .map((label, i) => `Q${i + 1}: ${label}`)
        .join(' | '),
      r.choices.join(' '),
      r.source,
    ];
  });
}

export function resultsCsv(
  scenario: ScenarioDef,
  rows: readonly Row[],
  games: readonly Accepted[],
): string {
  return toCsv(csvHeader(scenario), csvRows(scenario, rows, games));
}
