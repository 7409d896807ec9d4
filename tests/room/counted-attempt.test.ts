import { describe, expect, it } from 'vitest';
import type { AttemptView } from '../../src/room/assignments.ts';
import { countedAttempt } from '../../src/room/counted-attempt.ts';

// The attempt a trainee is told counts is the one HR's cohort and the gradebook hold: the
// best finished attempt (highest fair score, then score, then the earliest); an attempt
// under way or closed without a grade never counts.

const attempt = (
  number: number,
  fairScore: number | null,
  score = 50,
  more: Partial<AttemptView> = {},
): AttemptView => ({
  number,
  seed: `s${number}`,
  startedAt: '2026-12-08T00:00:00Z',
  choices: [],
  situationId: null,
  finishedAt: fairScore === null ? null : '2026-12-08T01:00:00Z',
  score: fairScore === null ? null : score,
  fairScore,
  passed: fairScore === null ? null : fairScore >= 60,
  voided: null,
  ...more,
});

describe('the attempt that counts', () => {
  it('is the best finished one, not the latest', () => {
    expect(countedAttempt([attempt(1, 83), attempt(2, 80)])).toEqual({
      attempt: 1,
      fairScore: 83,
      passed: true,
    });
    expect(countedAttempt([attempt(1, 40), attempt(2, 80)])?.attempt).toBe(2);
  });

  it('breaks a tie of fair scores by the score, then takes the earliest', () => {
    expect(countedAttempt([attempt(1, 70, 50), attempt(2, 70, 55)])?.attempt).toBe(2);
    expect(countedAttempt([attempt(1, 70, 50), attempt(2, 70, 50)])?.attempt).toBe(1);
  });

  it('skips an attempt under way or closed without a grade', () => {
    expect(countedAttempt([attempt(1, null)])).toBeNull();
    expect(
      countedAttempt([attempt(1, 90, 50, { voided: 'another model' }), attempt(2, 30)])?.attempt,
    ).toBe(2);
  });
});
