import { retryWaitMs } from './live.ts';

// A page's live socket to the server, whatever it follows (a workshop room, HR's cohort):
// it says hello once open, passes on every message it can read, and opens the socket again
// after a drop with growing, jittered waits; the welcome that answers each hello carries
// the whole picture again, so nothing said while it was away is missed. A ping every 25
// seconds keeps proxies from closing a quiet socket, and a socket that does not answer it
// is given up and opened again, since a cut cable closes nothing by itself.

export type LinkState = 'live' | 'retrying' | 'gone';

export interface LiveSocketOptions<M> {
  url: string;
  hello: unknown;
  read(data: unknown): M | null;
  /** the answer to hello, after which the link is live */
  isWelcome(msg: M): boolean;
  /** close codes after which trying again is pointless (no such room, not allowed) */
  finalCodes: readonly number[];
  message(msg: M): void;
  /** `failures`: tries in a row that did not reach a welcome */
  link(state: LinkState, failures: number): void;
}

export interface LiveSocket {
  /** try again now rather than after the wait (the browser is back online) */
  retryNow(): void;
  close(): void;
}

const PING_MS = 25_000;

export function openLiveSocket<M>(o: LiveSocketOptions<M>): LiveSocket {
  let socket: WebSocket | null = null;
  let closed = false;
  let failures = 0;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let answered = true;

  const connect = () => {
    retry = null;
    const ws = new WebSocket(o.url);
    socket = ws;
    answered = true;
    ws.addEventListener('open', () => ws.send(JSON.stringify(o.hello)));
    ws.addEventListener('message', (e) => {
      answered = true;
      const msg = o.read(e.data);
      if (msg === null) return;
      if (o.isWelcome(msg)) {
        failures = 0;
        o.link('live', 0);
      }
      o.message(msg);
    });
    ws.addEventListener('close', (e) => {
      if (closed || socket !== ws) return;
      socket = null;
      if (o.finalCodes.includes(e.code)) return o.link('gone', failures);
      failures++;
      o.link('retrying', failures);
      retry = setTimeout(connect, retryWaitMs(failures - 1));
    });
  };
  connect();
  const ping = setInterval(() => {
    if (socket?.readyState !== WebSocket.OPEN) return;
    if (!answered) return socket.close(4000, 'no answer to ping');
    answered = false;
    socket.send('{"type":"ping"}');
  }, PING_MS);

  return {
    retryNow() {
      if (closed || !retry) return;
      clearTimeout(retry);
      connect();
    },
    close() {
      closed = true;
      clearInterval(ping);
      if (retry) clearTimeout(retry);
      socket?.close(1000);
    },
  };
}
