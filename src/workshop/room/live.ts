import { CLOSE_GONE, CLOSE_UNAUTHORISED } from '../../room/close-codes.ts';
import { liveUrl } from '../../room/http.ts';
import { readServerMessage } from '../../room/live.ts';
import { type LiveSocket, openLiveSocket } from '../../room/live-socket.ts';
import type { ServerMessage } from '../../room/protocol.ts';

// The facilitator's live channel: says hello with the admin secret (or, for a room opened
// from the server's list, as the signed-in facilitator: the browser's cookie goes with the
// socket) and passes every message the server sends on (reconnecting as every live socket
// does, room/live-socket.ts), unless the server refused the hello for good: a wrong key,
// a sign-in that may not run the room, or a room that has gone.

export type LiveChannel = Pick<LiveSocket, 'close'>;

export function openLive(
  code: string,
  secret: string,
  on: {
    message(msg: ServerMessage): void;
    link(state: 'live' | 'retrying' | 'gone'): void;
  },
): LiveChannel {
  return openLiveSocket({
    url: liveUrl(code),
    hello: { type: 'hello', role: 'facilitator', ...(secret ? { secret } : {}) },
    read: readServerMessage,
    isWelcome: (msg) => msg.type === 'welcome',
    finalCodes: [CLOSE_GONE, CLOSE_UNAUTHORISED],
    message: on.message,
    link: (state) => on.link(state),
  });
}
