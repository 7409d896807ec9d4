import type { AttemptView } from './assignments.ts';

// Which of a trainee's attempts counts: the best finished one, as the server's cohort
// (src/server/assignments/cohort.ts) and the LTI gradebook (src/server/lti/passback.ts)
// read it: the highest fair score, then the highest score, then the earliest. The trainee's
// page says which, so the grade HR and the course hold is never a surprise.

export interface CountedAttempt {
  attempt: number;
  fairScore: number;
  passed: boolean;
}

export function countedAttempt(attempts: readonly AttemptView[]): CountedAttempt | null {
  let best: AttemptView | null = null;
  for (const a of attempts) {
    if (a.finishedAt === null || a.fairScore === null || a.voided !== null) continue;
    if (
      best === null ||
      a.fairScore > best.fairScore! ||
      (a.fairScore === best.fairScore && (a.score ?? 0) > (best.score ?? 0))
    )
      best = a;
  }
  return best === null
    ? null
    : { attempt: best.number, fairScore: best.fairScore!, passed: best.passed === true };
}
