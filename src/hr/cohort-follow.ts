import type { CohortView } from '../room/assignments.ts';
import { CLOSE_GONE, CLOSE_UNAUTHORISED } from '../room/close-codes.ts';
import { type CohortServerMessage, readCohortMessage } from '../room/cohort-live.ts';
import { socketUrl } from '../room/http.ts';
import { openLiveSocket } from '../room/live-socket.ts';
import { cohortOf } from './server-api.ts';

// HR's page following a cohort live (room/cohort-live.ts). The socket is opened again after
// a drop with growing waits; after a few failed tries in a row the page calls itself
// offline and reads the cohort over plain HTTP every POLL_MS instead, for as long as the
// socket stays down (a proxy may refuse WebSockets and still pass requests), while the
// socket keeps being tried. A refused hello (a wrong secret, no such assessment) stops it.

export type Connection =
  | { kind: 'connecting' }
  | { kind: 'live' }
  | { kind: 'reconnecting' }
  | { kind: 'offline' }
  | { kind: 'refused'; message: string };

export interface CohortFollower {
  stop(): void;
}

/** failed tries in a row after which the page says it is offline and reads by HTTP */
const OFFLINE_AFTER = 3;
export const POLL_MS = 15_000;

export function followCohort(
  id: string,
  secret: string,
  on: {
    view(view: CohortView): void;
    changes(message: Extract<CohortServerMessage, { type: 'changes' }>): void;
    connection(state: Connection): void;
  },
): CohortFollower {
  let refusal = 'the server refused to show this cohort';
  let poll: ReturnType<typeof setInterval> | null = null;
  const stopPolling = () => {
    if (poll) clearInterval(poll);
    poll = null;
  };
  const readOnce = () =>
    cohortOf(id, secret).then(on.view, () => {
      // still unreachable: the table keeps what it had, with its time
    });

  on.connection({ kind: 'connecting' });
  const socket = openLiveSocket({
    url: socketUrl(`api/assignments/${encodeURIComponent(id)}/live`),
    // without a secret, the browser's sign-in as HR (its cookie goes with the socket) speaks
    hello: { type: 'hello', ...(secret ? { secret } : {}) },
    read: readCohortMessage,
    isWelcome: (msg) => msg.type === 'cohort',
    finalCodes: [CLOSE_UNAUTHORISED, CLOSE_GONE],
    message(msg) {
      if (msg.type === 'cohort') on.view(msg.view);
      else if (msg.type === 'changes') on.changes(msg);
      else if (msg.type === 'error') refusal = msg.message;
    },
    link(state, failures) {
      if (state === 'live') {
        stopPolling();
        return on.connection({ kind: 'live' });
      }
      if (state === 'gone') {
        stopPolling();
        return on.connection({ kind: 'refused', message: refusal });
      }
      if (failures < OFFLINE_AFTER) return on.connection({ kind: 'reconnecting' });
      on.connection({ kind: 'offline' });
      if (!poll) {
        void readOnce();
        poll = setInterval(readOnce, POLL_MS);
      }
    },
  });
  const online = () => socket.retryNow();
  window.addEventListener('online', online);

  return {
    stop() {
      stopPolling();
      window.removeEventListener('online', online);
      socket.close();
    },
  };
}
