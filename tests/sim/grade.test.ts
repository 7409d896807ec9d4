import { describe, expect, it } from 'vitest';
import { gradeOf } from '../../src/sim/grade.ts';
import type { RubricDef } from '../../src/sim/index.ts';

const rubric = (grading: RubricDef['grading']): RubricDef => ({
  weights: { share: 1 },
  passMark: 60,
  grading,
});

describe('one grade for the debrief, the LMS and HR', () => {
  it('grades on the rounded percentile, so a lucky seed cannot carry a weak game', () => {
    expect(gradeOf(rubric('percentile'), 80, 59.4)).toMatchObject({ grade: 59, passed: false });
    expect(gradeOf(rubric('percentile'), 40, 59.5)).toMatchObject({ grade: 60, passed: true });
  });

  it('grades on the raw score when the rubric says so', () => {
    expect(gradeOf(rubric('raw'), 61, 10)).toMatchObject({ grade: 61, passed: true });
  });

  it('needs both to reach the pass mark when the rubric asks for both', () => {
    expect(gradeOf(rubric('both'), 70, 55)).toMatchObject({ grade: 55, passed: false });
    expect(gradeOf(rubric('both'), 58, 90)).toMatchObject({ grade: 58, passed: false });
    expect(gradeOf(rubric('both'), 65, 90)).toMatchObject({ grade: 65, passed: true });
  });

  it("lets an assignment's own pass mark replace the rubric's", () => {
    expect(gradeOf(rubric('percentile'), 50, 70, 75).passed).toBe(false);
  });

  it('falls back to the raw score while the percentile is unknown', () => {
    expect(gradeOf(rubric('percentile'), 64, null)).toMatchObject({ grade: 64, passed: true });
  });
});
