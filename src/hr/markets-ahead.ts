import type { MarketJob } from '../workers/census-batch.ts';
import { openKeptMarkets } from '../workers/kept-markets.ts';
import { marketsInPage } from './page-markets.ts';

// Right after HR makes the links, the page works out each trainee's market in the
// background and keeps it in this browser, while HR downloads the links and the trainees
// play: checking their results here later ranks every score at once. It is what
// `npm run verify -- --prepare` does for the command line. A browser that keeps nothing
// has nothing to gain, so there it does not start.

/** Words for the status line, by what happened. */
export const AHEAD = {
  working: (done: number, total: number) =>
    `Working out the trainees’ markets in this browser, so that checking their results here later is quick: ${done} of ${total} done…`,
  ready: (n: number) =>
    `${n === 1 ? 'The market is' : `All ${n} markets are`} ready in this browser: checking these trainees’ results here will not work ${n === 1 ? 'it' : 'them'} out again.`,
  refused:
    'This browser would not keep the markets (storage full or refused): checking the results will work them out then. Nothing else is affected.',
  failed: (why: string) =>
    `The markets could not be worked out ahead (${why}): checking the results will work them out then. Nothing else is affected.`,
};

/**
 * Works out and keeps these markets, telling `say` how it goes; stops quietly when
 * `signal` aborts (new links were made). Never rejects: this is a convenience.
 */
export async function workOutAhead(
  needed: ReadonlyMap<string, MarketJob>,
  say: (text: string) => void,
  signal: AbortSignal,
): Promise<void> {
  if (needed.size === 0 || (await openKeptMarkets()) === null) return;
  try {
    const { notKept } = await marketsInPage(
      needed,
      (done, total) => {
        if (total > 0) say(AHEAD.working(done, total));
      },
      signal,
    );
    say(notKept ? AHEAD.refused : AHEAD.ready(needed.size));
  } catch (err) {
    if (signal.aborted) return;
    say(AHEAD.failed(err instanceof Error ? err.message : String(err)));
  }
}
