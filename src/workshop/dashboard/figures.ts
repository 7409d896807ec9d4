import type { RubricDef } from '../../sim/index.ts';
import type { Row } from './aggregate.ts';

// The figures at the top of the class dashboard, led by what decides the grade: how many
// passed against the pass mark, and the room's mean and best of the graded figure (the fair
// score in the shipped scenarios, through gradeOf in the leaderboard's rows). The score, the
// rubric's points, follows as the secondary figure, named as the debrief and the roster do.

export interface Figure {
  /** for tests and styles */
  id: string;
  value: string;
  label: string;
  /** a smaller figure beside the ones that decide */
  secondary?: boolean;
}

/** The graded figure's name in a sentence, as the debrief words it. */
export function gradedName(rubric: RubricDef): string {
  if (rubric.grading === 'raw') return 'score';
  if (rubric.grading === 'both') return 'graded figure (the lower of fair score and score)';
  return 'fair score';
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export function classFigures(
  rubric: RubricDef,
  rows: readonly Row[],
  notCounted: number,
): Figure[] {
  // a row whose fair score is still being worked out has no grade yet: it waits
  const graded = rows.filter((r) => r.passed !== null);
  const waiting = rows.length > 0 && graded.length < rows.length;
  const name = gradedName(rubric);
  /** a graded figure: a dash with no games, an ellipsis while grades are still to come */
  const known = (figure: () => string) => (rows.length === 0 ? '–' : waiting ? '…' : figure());
  const grades = graded.map((r) => r.grade);
  const figures: Figure[] = [
    { id: 'count', value: String(rows.length), label: 'games counted' },
    { id: 'rejected', value: String(notCounted), label: 'not counted' },
    {
      id: 'passed',
      value: known(() => `${graded.filter((r) => r.passed).length} of ${rows.length}`),
      label: `passed (pass mark ${rubric.passMark})`,
    },
    { id: 'mean-grade', value: known(() => mean(grades).toFixed(1)), label: `mean ${name}` },
    { id: 'best-grade', value: known(() => String(Math.max(...grades))), label: `best ${name}` },
  ];
  if (rubric.grading !== 'raw')
    figures.push({
      id: 'mean-score',
      value: rows.length ? mean(rows.map((r) => r.score)).toFixed(1) : '–',
      label: 'mean score (points, not what is graded)',
      secondary: true,
    });
  return figures;
}
