import type { z } from 'zod';
import {
  errorBodySchema,
  healthSchema,
  type JoinResponse,
  joinRequestSchema,
  joinResponseSchema,
  type PublicRoom,
  publicRoomSchema,
  scenarioTextResponseSchema,
} from '../../room/protocol.ts';

// The room server's HTTP API as the game page uses it. Addresses are relative to the page,
// so a site under a sub-path finds its server there. Every answer is parsed with the
// protocol's schemas; anything else is a failure with a sentence for the trainee.

export class RoomApiError extends Error {
  constructor(
    message: string,
    /** the protocol's error code, or 'offline' when the server could not be reached */
    readonly code: string,
  ) {
    super(message);
  }
}

export const apiUrl = (path: string) => new URL(path, document.baseURI).toString();

/** Whether the page is served by the room server (a static host answers /healthz otherwise or not at all). */
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

async function call<T extends z.ZodType>(
  path: string,
  schema: T,
  init: RequestInit = {},
): Promise<z.infer<T>> {
  let res: Response;
  try {
    res = await fetch(apiUrl(path), { cache: 'no-store', ...init });
  } catch {
    throw new RoomApiError(
      'The room server cannot be reached. Check the connection and try again.',
      'offline',
    );
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = errorBodySchema.safeParse(body);
    if (err.success) throw new RoomApiError(err.data.message, err.data.error);
    throw new RoomApiError(`The room server answered ${res.status}.`, 'internal');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new RoomApiError(
      'The room server sent an answer this page does not understand.',
      'malformed',
    );
  return parsed.data;
}

export const roomInfo = (code: string): Promise<PublicRoom> =>
  call(`api/rooms/${code}`, publicRoomSchema);

export const roomScenario = (code: string) =>
  call(`api/rooms/${code}/scenario`, scenarioTextResponseSchema);

export function joinRoom(code: string, name: string): Promise<JoinResponse> {
  const parsed = joinRequestSchema.safeParse({ name });
  if (!parsed.success)
    return Promise.reject(
      new RoomApiError(
        `That name cannot be used: ${parsed.error.issues[0]?.message ?? 'invalid'}.`,
        'malformed',
      ),
    );
  const body = parsed.data;
  return call(`api/rooms/${code}/players`, joinResponseSchema, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

export function liveUrl(code: string): string {
  const url = new URL(`api/rooms/${code}/live`, document.baseURI);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}
