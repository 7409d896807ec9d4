import { secretHeaders as auth } from '../../hr/session-api.ts';
import { apiUrl, roomCall, roomFetch } from '../../room/http.ts';
import {
  type CreateRoomRequest,
  type CreateRoomResponse,
  createRoomRequestSchema,
  createRoomResponseSchema,
  type FacilitatorView,
  facilitatorViewSchema,
  type PublicRoom,
  publicRoomSchema,
  type RoomCommand,
  roomCommandSchema,
  scenarioTextResponseSchema,
} from '../../room/protocol.ts';

// The facilitator's calls to the room server. The admin secret goes in the Authorization
// header, never in an address the server sees; without one (a room opened from the
// server's list), the browser's sign-in speaks for the facilitator who made the room.

const JSON_BODY = { 'content-type': 'application/json' };

export function createRoom(request: CreateRoomRequest): Promise<CreateRoomResponse> {
  const body = createRoomRequestSchema.parse(request);
  return roomCall(apiUrl('api/rooms'), createRoomResponseSchema, {
    method: 'POST',
    headers: JSON_BODY,
    body: JSON.stringify(body),
  });
}

export const adminView = (code: string, secret: string): Promise<FacilitatorView> =>
  roomCall(apiUrl(`api/rooms/${code}/admin`), facilitatorViewSchema, { headers: auth(secret) });

export const roomScenarioText = (code: string) =>
  roomCall(apiUrl(`api/rooms/${code}/scenario`), scenarioTextResponseSchema);

export function command(code: string, secret: string, cmd: RoomCommand): Promise<PublicRoom> {
  return roomCall(apiUrl(`api/rooms/${code}/commands`), publicRoomSchema, {
    method: 'POST',
    headers: { ...auth(secret), ...JSON_BODY },
    body: JSON.stringify(roomCommandSchema.parse(cmd)),
  });
}

/** The server's export of the room (replayed there), as a file to save. */
export async function exportFile(
  code: string,
  secret: string,
  kind: 'csv' | 'json',
): Promise<Blob> {
  const res = await roomFetch(apiUrl(`api/rooms/${code}/export.${kind}`), {
    headers: auth(secret),
  });
  return res.blob();
}

export async function deleteRoom(code: string, secret: string): Promise<void> {
  await roomFetch(apiUrl(`api/rooms/${code}`), { method: 'DELETE', headers: auth(secret) });
}
