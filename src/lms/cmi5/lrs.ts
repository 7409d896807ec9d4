import type { LaunchParams } from './launch.ts';
import type { XapiStatement } from './statements.ts';

// The four requests a cmi5 AU makes, with the browser's fetch: the one-time token from the
// LMS's fetch URL (cmi5 8.2), then, with that token, the State API (reading LMS.LaunchData,
// reading and writing our own progress document) and the Statement API. Each failure says
// whether trying again can help: an LRS that is down or overloaded, yes; a refusal, no.

export const XAPI_VERSION = '1.0.3';

export class LrsError extends Error {
  constructor(
    message: string,
    /** worth trying again later (network down, 5xx, 408, 429) */
    readonly retry: boolean,
    /** a few words for the learner: "no connection", "it answered 503" */
    readonly plain: string = message,
  ) {
    super(message);
  }
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

const retryable = (status: number) => status >= 500 || status === 408 || status === 429;

async function send(f: Fetch, what: string, url: string, init: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await f(url, init);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new LrsError(
      `${what}: the learning system could not be reached (${why})`,
      true,
      'no connection',
    );
  }
  return res;
}

/** POSTs to the fetch URL once and reads {"auth-token": …}, or the LMS's error (8.2.3). */
export async function fetchAuthToken(f: Fetch, fetchUrl: string): Promise<string> {
  const res = await send(f, 'the sign-in token', fetchUrl, { method: 'POST' });
  let body: Record<string, unknown> = {};
  try {
    body = (await res.json()) as Record<string, unknown>;
  } catch {
    // a body that is not JSON: judged by the status below
  }
  if (res.ok && typeof body['auth-token'] === 'string' && body['auth-token'] !== '')
    return body['auth-token'];
  if (body['error-code'] !== undefined) {
    // the LMS's own words, shortened: shown to the learner as text
    const said = typeof body['error-text'] === 'string' ? body['error-text'].slice(0, 200) : '';
    const text = said ? ` "${said.replace(/\.$/, '')}",` : '';
    throw new LrsError(
      `it refused the sign-in token:${text} cmi5 error ${String(body['error-code'])}`,
      false,
    );
  }
  throw new LrsError(
    `the learning system's sign-in token could not be read (HTTP ${res.status})`,
    retryable(res.status),
  );
}

export interface Lrs {
  /** the state document, or null when there is none (404) */
  getState(stateId: string): Promise<unknown>;
  putState(stateId: string, doc: unknown, keepalive?: boolean): Promise<void>;
  postStatements(statements: readonly XapiStatement[], keepalive?: boolean): Promise<void>;
}

export function lrsClient(f: Fetch, launch: LaunchParams, token: string): Lrs {
  const headers = {
    Authorization: `Basic ${token}`,
    'X-Experience-API-Version': XAPI_VERSION,
  };
  const stateUrl = (stateId: string) => {
    const q = new URLSearchParams({
      activityId: launch.activityId,
      agent: JSON.stringify(launch.actor),
      registration: launch.registration,
      stateId,
    });
    return `${launch.endpoint}activities/state?${q}`;
  };
  const refused = async (what: string, res: Response) => {
    const text = (await res.text().catch(() => '')).slice(0, 200);
    return new LrsError(
      `${what}: the learning system answered HTTP ${res.status}${text ? ` (${text})` : ''}`,
      retryable(res.status),
      `it answered ${res.status}`,
    );
  };
  return {
    async getState(stateId) {
      const what = `reading ${stateId}`;
      const res = await send(f, what, stateUrl(stateId), { headers });
      if (res.status === 404) return null;
      if (!res.ok) throw await refused(what, res);
      try {
        return await res.json();
      } catch {
        throw new LrsError(`${what}: the learning system sent something that is not JSON`, false);
      }
    },
    async putState(stateId, doc, keepalive = false) {
      const what = `keeping ${stateId}`;
      const res = await send(f, what, stateUrl(stateId), {
        method: 'PUT',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify(doc),
        keepalive,
      });
      if (!res.ok) throw await refused(what, res);
    },
    async postStatements(statements, keepalive = false) {
      const what = `sending ${statements.map((s) => s.verb.display['en-US']).join(', ')}`;
      const res = await send(f, what, `${launch.endpoint}statements`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify(statements),
        keepalive,
      });
      // 409: a statement with this id is there already. Our ids are random and chosen when
      // the event happens, so it is this one, taken before an answer was lost: done.
      if (res.status === 409) return;
      if (!res.ok) throw await refused(what, res);
    },
  };
}
