import { RoomApiError } from './http.ts';
import { retryWaitMs } from './live.ts';

// What both of the game page's clients of the server (a live room's, an assessed
// attempt's) do with a request the server did not take: a lost connection and a server
// that asks the page to slow down are waits, after which the same request is sent again
// and nothing is lost; every other refusal is final, and is said in the server's words.

/** A margin over the server's Retry-After, so the retry lands after its count has started again. */
const MARGIN_MS = 250;
/** The wait when a rate_limited refusal carries no Retry-After: the limits' whole window. */
const WINDOW_SECONDS = 60;

export interface Retry {
  /** how long to wait before sending the request again */
  ms: number;
  /** what to tell the trainee while waiting; null for a lost connection, which says itself */
  because: string | null;
}

/**
 * The wait before trying `err`'s request again, after `failures` tries in a row that
 * failed; null when trying again cannot help (the refusal stands).
 */
export function retryAfter(err: unknown, failures: number): Retry | null {
  if (!(err instanceof RoomApiError)) return null;
  if (err.code === 'offline') return { ms: retryWaitMs(failures), because: null };
  if (err.code !== 'rate_limited') return null;
  const seconds = err.retryAfterSeconds ?? WINDOW_SECONDS;
  return {
    ms: seconds * 1000 + MARGIN_MS,
    because: `too many requests: trying again in ${seconds} s`,
  };
}
