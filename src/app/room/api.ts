import { apiUrl, RoomApiError, roomCall } from '../../room/http.ts';
import {
  type JoinResponse,
  joinRequestSchema,
  joinResponseSchema,
  publicRoomSchema,
  scenarioTextResponseSchema,
} from '../../room/protocol.ts';

// The room server's HTTP API as the game page uses it (src/room/http.ts does the calling).

export { asSentence, liveUrl, probeRoomServer, RoomApiError } from '../../room/http.ts';

/** what anyone with the code may read of the room: whether it is there, and whether play has ended */
export const roomInfo = (code: string) => roomCall(apiUrl(`api/rooms/${code}`), publicRoomSchema);

export const roomScenario = (code: string) =>
  roomCall(apiUrl(`api/rooms/${code}/scenario`), scenarioTextResponseSchema);

export function joinRoom(code: string, name: string): Promise<JoinResponse> {
  const parsed = joinRequestSchema.safeParse({ name });
  if (!parsed.success)
    return Promise.reject(
      new RoomApiError(
        `That name cannot be used: ${parsed.error.issues[0]?.message ?? 'invalid'}.`,
        'malformed',
      ),
    );
  return roomCall(apiUrl(`api/rooms/${code}/players`), joinResponseSchema, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(parsed.data),
  });
}
