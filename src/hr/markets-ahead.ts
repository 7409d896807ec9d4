import type { CountingStatus } from '../ui/dom.ts';
import type { MarketJob } from '../workers/census-batch.ts';
import { openKeptMarkets } from '../workers/kept-markets.ts';
import { marketsInPage } from './page-markets.ts';

// Right after HR makes the links, the page works out each trainee's market in the
// background and keeps it in this browser, while HR downloads the links and the trainees
// play: checking their results here later ranks every score at once. It is what
// `npm run verify -- --prepare` does for the command line. A browser that keeps nothing
// has nothing to gain, so there it does not start; and a check of results started on the
// page meanwhile stops it, keeping what it finished, rather than working on the same
// markets beside it.

/** Words for the status line, by what happened. */
export const AHEAD = {
  working:
    "Working out the trainees' markets in this browser, so that checking their results here later is quick:",
  count: (done: number, total: number) => ` ${done} of ${total} done…`,
  ready: (n: number) =>
    `${n === 1 ? 'The market is' : `All ${n} markets are`} ready in this browser: checking these trainees' results here will not work ${n === 1 ? 'it' : 'them'} out again.`,
  stopped:
    "Stopped while results are checked: the markets worked out so far are kept; the others are worked out when their trainees' results are checked.",
  refused:
    'This browser would not keep the markets (storage full or refused): checking the results will work them out then. Nothing else is affected.',
  failed: (why: string) =>
    `The markets could not be worked out ahead (${why}): checking the results will work them out then. Nothing else is affected.`,
};

/** The run in progress, which a check of results stops, and its end. */
let running: { run: AbortController; ended: Promise<void> } | null = null;

/**
 * Called when a check of results starts on the page: the markets ahead stop, and the
 * promise settles once what they finished is kept, for the check to read it.
 */
export function stopWorkingAhead(): Promise<void> {
  if (running === null) return Promise.resolve();
  running.run.abort();
  return running.ended;
}

/**
 * Works out and keeps these markets, showing how it goes; goes quiet when `signal` aborts
 * (new links were made). Never rejects: this is a convenience.
 */
export async function workOutAhead(
  needed: ReadonlyMap<string, MarketJob>,
  status: CountingStatus,
  signal: AbortSignal,
): Promise<void> {
  if (needed.size === 0 || (await openKeptMarkets()) === null || signal.aborted) return;
  const run = new AbortController();
  signal.addEventListener('abort', () => run.abort(), { once: true });
  running?.run.abort();
  let end = () => {};
  const mine = { run, ended: new Promise<void>((resolve) => (end = resolve)) };
  running = mine;
  // only this run's own news reaches the page: after new links, nothing more
  const say = (message: string) => {
    if (!signal.aborted) status.message(message);
  };
  try {
    const { notKept } = await marketsInPage(
      needed,
      (done, total) => {
        if (total === 0 || signal.aborted) return;
        if (done === 0) say(AHEAD.working);
        status.count(AHEAD.count(done, total));
      },
      run.signal,
    );
    say(notKept ? AHEAD.refused : AHEAD.ready(needed.size));
  } catch (err) {
    if (run.signal.aborted) say(AHEAD.stopped);
    else say(AHEAD.failed(err instanceof Error ? err.message : String(err)));
  } finally {
    if (running === mine) running = null;
    end();
  }
}
