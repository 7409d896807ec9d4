import type { ScenarioDef } from '../sim/index.ts';
import { computeMarkets } from '../workers/census-batch.ts';
import { type MarketCensus, marketKey, rankIn } from '../workers/fair-score.ts';
import { type GradeContext, type Graded, gradeAll, type Standing } from './grade.ts';
import type { Intake } from './intake.ts';

// The page grades in two passes: the first replays every record and notes which markets
// need a census; those run in census workers, one per core, so the page stays responsive
// and shows progress; the second pass ranks each score in its market and grades with the
// answers. Many results of one market share one census.

export async function gradeInPage(
  items: readonly Intake[],
  ctx: Omit<GradeContext, 'standingOf'>,
  onProgress: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<Graded[]> {
  const needed = new Map<string, { scenario: ScenarioDef; seed: string }>();
  gradeAll(items, {
    ...ctx,
    standingOf: (scenario, hash, seed) => {
      needed.set(marketKey(hash, seed), { scenario, seed });
      return { percentile: 0, exhaustive: true, margin: 0 };
    },
  });
  onProgress(0, needed.size);
  const jobs = [...needed.values()];
  const answers = await computeMarkets(jobs, {
    onEach: (done) => onProgress(done, jobs.length),
    ...(signal ? { signal } : {}),
  });
  const markets = new Map<string, MarketCensus>([...needed.keys()].map((k, i) => [k, answers[i]!]));
  return gradeAll(items, {
    ...ctx,
    standingOf: (_s, hash, seed, score): Standing => {
      const fair = rankIn(markets.get(marketKey(hash, seed))!, score);
      return { percentile: fair.percentile, exhaustive: fair.exhaustive, margin: fair.margin };
    },
  });
}
