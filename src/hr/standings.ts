import type { ScenarioDef } from '../sim/index.ts';
import { computeMarkets } from '../workers/census-batch.ts';
import { type MarketCensus, marketKey, rankIn } from '../workers/fair-score.ts';
import { openKeptMarkets } from '../workers/kept-markets.ts';
import { type GradeContext, type Graded, gradeAll, type Standing } from './grade.ts';
import type { Intake } from './intake.ts';

// The page grades in two passes: the first replays every record and notes which markets
// need a census; those run in census workers, one per core, so the page stays responsive
// and shows progress; the second pass ranks each score in its market and grades with the
// answers. Many results of one market share one census, and the browser keeps each market
// it worked out for the next check (kept-markets.ts).

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
      needed.set(marketKey(hash, seed), { scenario, seed });
      return { percentile: 0, exhaustive: true, margin: 0 };
    },
  });
  const kept = needed.size > 0 ? await openKeptMarkets() : null;
  const markets = (await kept?.get([...needed.keys()])) ?? new Map<string, MarketCensus>();
  const reused = markets.size;
  const missing = [...needed].filter(([k]) => !markets.has(k));
  onProgress(0, missing.length);
  const answers = await computeMarkets(
    missing.map(([, job]) => job),
    {
      onEach: (done) => onProgress(done, missing.length),
      ...(signal ? { signal } : {}),
    },
  );
  const fresh = new Map(missing.map(([k], i) => [k, answers[i]!]));
  for (const [k, m] of fresh) markets.set(k, m);
  const notKept = kept !== null && fresh.size > 0 && !(await kept.put(fresh));
  const graded = gradeAll(items, {
    ...ctx,
    standingOf: (_s, hash, seed, score): Standing => {
      const fair = rankIn(markets.get(marketKey(hash, seed))!, score);
      return { percentile: fair.percentile, exhaustive: fair.exhaustive, margin: fair.margin };
    },
  });
  return { graded, markets: needed.size, reused, notKept };
}
