import {
  assignmentListSchema,
  type ListedAssignment,
  type ListedRoom,
  roomListSchema,
  type SessionView,
  type SignInRequest,
  sessionViewSchema,
} from '../room/accounts.ts';
import { apiUrl, roomCall, roomFetch } from '../room/http.ts';

// The pages' calls for signing in to the server that served them. The session is an
// httpOnly cookie the browser keeps and sends by itself; the pages never see it. The
// browser adds the page's Origin to each change, which the server checks.

export const currentSession = (): Promise<SessionView> =>
  roomCall(apiUrl('api/session'), sessionViewSchema);

export const signIn = (request: SignInRequest): Promise<SessionView> =>
  roomCall(apiUrl('api/session'), sessionViewSchema, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });

export async function signOut(): Promise<void> {
  await roomFetch(apiUrl('api/session'), { method: 'DELETE' });
}

export async function serverAssignments(): Promise<ListedAssignment[]> {
  return (await roomCall(apiUrl('api/assignments'), assignmentListSchema)).assignments;
}

export async function serverRooms(): Promise<ListedRoom[]> {
  return (await roomCall(apiUrl('api/rooms'), roomListSchema)).rooms;
}

/** The Authorization header of an admin secret; none when it is empty (the session speaks instead). */
export const secretHeaders = (secret: string): Record<string, string> =>
  secret ? { authorization: `Bearer ${secret}` } : {};
