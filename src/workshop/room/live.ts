import { liveUrl } from '../../room/http.ts';
import { readServerMessage, retryWaitMs } from '../../room/live.ts';
import type { ServerMessage } from '../../room/protocol.ts';

// The facilitator's live channel: says hello with the admin secret (or, for a room opened
// from the server's list, as the signed-in facilitator) and passes every
// message the server sends on. A dropped socket is opened again with growing, jittered
// waits; the welcome that follows carries the whole room again, so nothing is missed.

export interface LiveChannel {
  close(): void;
}

export function openLive(
  code: string,
  secret: string,
  on: {
    message(msg: ServerMessage): void;
    link(state: 'live' | 'retrying' | 'gone'): void;
  },
): LiveChannel {
  let socket: WebSocket | null = null;
  let closed = false;
  let attempts = 0;
  let retry: ReturnType<typeof setTimeout> | null = null;

  const connect = () => {
    const ws = new WebSocket(liveUrl(code));
    socket = ws;
    ws.addEventListener('open', () =>
      // without the key, the browser's sign-in (its cookie goes with the socket) speaks
      ws.send(
        JSON.stringify({ type: 'hello', role: 'facilitator', ...(secret ? { secret } : {}) }),
      ),
    );
    ws.addEventListener('message', (e) => {
      const msg = readServerMessage(e.data);
      if (!msg) return;
      if (msg.type === 'welcome') {
        attempts = 0;
        on.link('live');
      }
      on.message(msg);
    });
    ws.addEventListener('close', (e) => {
      if (closed || socket !== ws) return;
      socket = null;
      if (e.code === 4404) {
        on.link('gone');
        return;
      }
      on.link('retrying');
      const wait = retryWaitMs(attempts);
      attempts++;
      retry = setTimeout(connect, wait);
    });
  };
  connect();
  const ping = setInterval(() => {
    if (socket?.readyState === WebSocket.OPEN) socket.send('{"type":"ping"}');
  }, 25_000);

  return {
    close() {
      closed = true;
      clearInterval(ping);
      if (retry) clearTimeout(retry);
      socket?.close(1000);
    },
  };
}
