import type { ScenarioDef } from '../sim/index.ts';
import { marketKey, rankIn } from '../workers/fair-score.ts';
import { type GradeContext, type Graded, gradeAll, type Standing } from './grade.ts';
import type { Intake } from './intake.ts';
import { marketsInPage } from './page-markets.ts';

// The page grades in two passes: the first replays every record and notes which markets
// need a census; those come from this browser's store or run in census workers, one per
// core, so the page stays responsive and shows progress (page-markets.ts); the second pass
// ranks each score in its market and grades with the answers. Many results of one market
// share one census.

/** The grades, and how the page's kept markets served: reused, and whether keeping failed. */
export interface PageGrades {
  graded: Graded[];
  markets: number;
  /** markets whose census this browser kept from an earlier check */
  reused: number;
  /** true when the markets worked out now could not be kept for the next check */
  notKept: boolean;
}

export async function gradeInPage(
  items: readonly Intake[],
  ctx: Omit<GradeContext, 'standingOf'>,
  onProgress: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<PageGrades> {
  const needed = new Map<string, { scenario: ScenarioDef; seed: string }>();
  gradeAll(items, {
    ...ctx,
    standingOf: (scenario, hash, seed) => {
      needed.set(marketKey(hash, seed, scenario.model), { scenario, seed });
      return { percentile: 0, exhaustive: true, margin: 0 };
    },
  });
  const { markets, reused, notKept } = await marketsInPage(needed, onProgress, signal);
  const graded = gradeAll(items, {
    ...ctx,
    standingOf: (scenario, hash, seed, score): Standing => {
      const fair = rankIn(markets.get(marketKey(hash, seed, scenario.model))!, score);
      return { percentile: fair.percentile, exhaustive: fair.exhaustive, margin: fair.margin };
    },
  });
  return { graded, markets: needed.size, reused, notKept };
}
