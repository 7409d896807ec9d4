import type { RubricDef } from '../../sim/index.ts';
import type { Row } from './aggregate.ts';

// The leaderboard's figures in words, shared by the class dashboard's table and the room's
// projector slide, so both name the two scores alike and rank by the same figure.

/** What the board ranks by, named as the rubric grades the room. */
export function gradeTitle(rubric: RubricDef): string {
  if (rubric.grading === 'raw') return 'Score (0–100)';
  if (rubric.grading === 'both') return 'The lower of fair score and score (0–100)';
  return 'Fair score (0–100)';
}

/** Pass or fail in words; an ellipsis while the fair score is being worked out. */
export function passWords(r: Row): string {
  return r.passed === null ? '…' : r.passed ? 'passed' : 'not passed';
}

/** A row's figures in words: both scores with their names, and pass or fail. */
export function boardFigures(r: Row): string {
  const fair = r.fairScore === null ? 'fair score …' : `fair score ${r.fairScore}`;
  return `${fair} · score ${r.score} · ${passWords(r)}`;
}
