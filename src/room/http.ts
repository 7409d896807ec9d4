import type { z } from 'zod';
import { type ErrorBody, errorBodySchema, healthSchema } from './protocol.ts';

// One way for the pages to call the room server: the answer parsed with the protocol's
// schema, a refusal turned into the server's own sentence (and, for a refused scenario,
// its list of problems with their positions), no connection into a sentence of its own.

export class RoomApiError extends Error {
  constructor(
    message: string,
    /** the protocol's error code, or 'offline' when the server could not be reached */
    readonly code: string,
    readonly issues: NonNullable<ErrorBody['issues']> = [],
    /** a rate_limited refusal's Retry-After: the seconds the server asks to wait, when it said */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

/**
 * The server's refusal, which is written as a clause (*too many requests from your
 * network: try again in 41 seconds*), as a sentence to show on its own.
 */
export const asSentence = (message: string): string =>
  `${message.charAt(0).toUpperCase()}${message.slice(1)}${/[.!?]$/.test(message) ? '' : '.'}`;

export async function roomCall<T extends z.ZodType>(
  url: string,
  schema: T,
  init: RequestInit = {},
): Promise<z.infer<T>> {
  const res = await roomFetch(url, init);
  const parsed = schema.safeParse(await res.json().catch(() => null));
  if (!parsed.success)
    throw new RoomApiError(
      'The room server sent an answer this page does not understand.',
      'malformed',
    );
  return parsed.data;
}

/** Retry-After in its seconds form (the server never sends the date form); null without it. */
function secondsOf(header: string | null): number | null {
  if (header === null || !/^\d+$/.test(header.trim())) return null;
  return Number(header.trim());
}

/** The answer when it is a success (for downloads and deletions); a RoomApiError otherwise. */
export async function roomFetch(url: string, init: RequestInit = {}): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, { cache: 'no-store', ...init });
  } catch {
    throw new RoomApiError(
      'The room server cannot be reached. Check the connection and try again.',
      'offline',
    );
  }
  if (res.ok) return res;
  const err = errorBodySchema.safeParse(await res.json().catch(() => null));
  if (err.success)
    throw new RoomApiError(
      err.data.message,
      err.data.error,
      err.data.issues,
      secondsOf(res.headers.get('retry-after')),
    );
  throw new RoomApiError(`The room server answered ${res.status}.`, 'internal');
}

/** The room server's address for `path`, relative to the page: a site under a sub-path finds it there. */
export const apiUrl = (path: string): string => new URL(path, document.baseURI).toString();

/** A WebSocket's address for `path`, relative to the page like apiUrl. */
export function socketUrl(path: string): string {
  const url = new URL(path, document.baseURI);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

export const liveUrl = (code: string): string => socketUrl(`api/rooms/${code}/live`);

/**
 * Whether the page is served by the room server. The built site carries a file `healthz`
 * saying `ok: false`, so a static host answers the probe without a 404 (which the browser
 * would log as an error); the room server's own /healthz route takes its place.
 */
export async function probeRoomServer(timeoutMs = 4000): Promise<boolean> {
  try {
    const res = await fetch(apiUrl('healthz'), {
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) return false;
    return healthSchema.safeParse(await res.json()).success;
  } catch {
    return false;
  }
}
