import { type Cell, toCsv } from '../../lib/csv.ts';
import type { ScenarioDef } from '../../sim/index.ts';
import type { Row } from './aggregate.ts';

// The class dashboard's export: one line per verified game, as the leaderboard ranks them.
// Every figure in one format (the final share always with one decimal), one column per
// style the scenario uses, and the replies both as the ids a script can match and as the
// labels a facilitator reads.

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

/** A reply's label as the scenario words it, found by its situation; the id where none is. */
function replyLabel(scenario: ScenarioDef, situation: string, choice: string): string {
  const s = scenario.situations.find((x) => x.id === situation);
  return s?.choices.find((c) => c.id === choice)?.label ?? choice;
}

export function csvRows(scenario: ScenarioDef, rows: readonly Row[]): Cell[][] {
  return rows.map((r) => [
    r.rank,
    r.player,
    r.fairScore,
    r.score,
    r.passed === null ? '' : r.passed ? 'yes' : 'no',
    (r.share * 100).toFixed(1),
    ...scenario.styles.map((s) => Math.round((r.styles[s] ?? 0) * 100)),
    r.choices.map((c, i) => `Q${i + 1}: ${replyLabel(scenario, r.situations[i]!, c)}`).join(' | '),
    r.choices.join(' '),
    r.source,
  ]);
}

export function resultsCsv(scenario: ScenarioDef, rows: readonly Row[]): string {
  return toCsv(csvHeader(scenario), csvRows(scenario, rows));
}
