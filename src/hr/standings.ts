import { computeFairScore } from '../workers/census-client.ts';
import { type GradeContext, type Graded, gradeAll, type Standing } from './grade.ts';
import type { Intake } from './intake.ts';

// The page grades in two passes: the first replays every record and notes which markets
// and scores need a census; those run in the census worker (one market at a time, so the
// page stays responsive and shows progress); the second pass grades with the answers.

const key = (hash: string, seed: string, score: number) => `${hash}|${seed}|${score}`;

export async function gradeInPage(
  items: readonly Intake[],
  ctx: Omit<GradeContext, 'standingOf'>,
  onProgress: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<Graded[]> {
  const needed = new Map<
    string,
    { scenario: Parameters<typeof computeFairScore>[0]; seed: string; score: number }
  >();
  gradeAll(items, {
    ...ctx,
    standingOf: (scenario, hash, seed, score) => {
      needed.set(key(hash, seed, score), { scenario, seed, score });
      return { percentile: 0, exhaustive: true, margin: 0 };
    },
  });
  const known = new Map<string, Standing>();
  let done = 0;
  onProgress(done, needed.size);
  for (const [k, job] of needed) {
    const fair = await computeFairScore(
      job.scenario,
      job.seed,
      job.score,
      undefined,
      signal ? { signal } : {},
    );
    known.set(k, { percentile: fair.percentile, exhaustive: fair.exhaustive, margin: fair.margin });
    onProgress(++done, needed.size);
  }
  return gradeAll(items, {
    ...ctx,
    standingOf: (_s, hash, seed, score) => known.get(key(hash, seed, score))!,
  });
}
