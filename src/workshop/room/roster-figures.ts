import type { RubricDef } from '../../sim/index.ts';
import type { Row } from '../dashboard/aggregate.ts';
import type { CensusState } from './room-census.ts';

// What the roster says of each trainee's result, in the words the debrief and the
// leaderboard use ("score", "fair score", "passed", "not passed"), decided by the same
// leaderboard rows (gradeOf underneath), so the roster, the slides and the export agree.
// What is not known yet says so: before the debrief is released, while a trainee plays on,
// while the room's market is being worked out.

export interface RosterCells {
  score: string;
  fair: string;
  pass: string;
}

const HIDDEN: RosterCells = { score: '–', fair: '–', pass: '–' };
const PLAYING: RosterCells = { score: 'not yet', fair: 'not yet', pass: 'not yet' };
/** stopped by the end of play before the last quarter: there never will be figures */
const STOPPED: RosterCells = { score: 'no score', fair: '–', pass: '–' };

/**
 * `score`: the server's replayed score, null until the trainee has finished; `row`: their
 * leaderboard row, once this page has the room's scenario to replay the game with.
 */
export function rosterCells(
  score: number | null,
  row: Row | undefined,
  released: boolean,
  census: CensusState['status'],
  ended = false,
): RosterCells {
  if (!released) return HIDDEN;
  if (score === null) return ended ? STOPPED : PLAYING;
  const unknown = census === 'failed' ? 'unknown' : 'working out…';
  if (!row) return { score: String(score), fair: unknown, pass: unknown };
  return {
    score: String(row.score),
    fair: row.fairScore === null ? unknown : String(row.fairScore),
    pass: row.passed === null ? unknown : row.passed ? '✓ passed' : '✗ not passed',
  };
}

/** Which figure the pass mark reads, as the rubric grades the room. */
function decidedBy(rubric: RubricDef): string {
  if (rubric.grading === 'raw') return 'Pass or fail reads the score';
  if (rubric.grading === 'both') return 'A pass needs the score and the fair score both to reach';
  return 'Pass or fail reads the fair score, as the debrief and the leaderboard do';
}

/** The line under the roster: when the figures show, what decides the pass, and the tally. */
export function rosterHint(
  rubric: RubricDef | null,
  released: boolean,
  rows: readonly Row[],
  playing: number,
  census: CensusState['status'],
  /** the facilitator ended play: who had not finished never will */
  ended = false,
): string {
  if (!released)
    return 'Score, fair score and pass or fail show here once you release the debrief.';
  const parts: string[] = [];
  if (rubric) {
    const mark = rubric.grading === 'both' ? ` the pass mark, ${rubric.passMark}` : '';
    parts.push(
      rubric.grading === 'both'
        ? `${decidedBy(rubric)}${mark}.`
        : `${decidedBy(rubric)}; the pass mark is ${rubric.passMark}.`,
    );
  }
  if (rows.length && rows.every((r) => r.passed !== null)) {
    const passed = rows.filter((r) => r.passed).length;
    parts.push(`Of ${rows.length} who finished, ${passed} passed.`);
  } else if (rows.length && census === 'failed')
    parts.push('The fair scores could not be worked out on this page: the CSV export has them.');
  else if (rows.length) parts.push('The fair scores are being worked out…');
  if (playing && ended)
    parts.push(
      `${playing} did not finish before play ended: ${playing === 1 ? 'that game has' : 'those games have'} no figures, and the leaderboard leaves ${playing === 1 ? 'it' : 'them'} out.`,
    );
  else if (playing)
    parts.push(
      `${playing} still ${playing === 1 ? 'plays' : 'play'}: their figures show when they finish.`,
    );
  return parts.join(' ');
}
