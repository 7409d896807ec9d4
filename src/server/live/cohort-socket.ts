import type { WebSocket } from 'ws';
import type { Account } from '../../room/accounts.ts';
import { assignmentIdSchema } from '../../room/assignments.ts';
import { CLOSE_GONE, CLOSE_UNAUTHORISED } from '../../room/close-codes.ts';
import { type CohortServerMessage, cohortClientMessageSchema } from '../../room/cohort-live.ts';
import { cohortReader } from '../assignments/cohort.ts';
import type { CohortClient, CohortHub } from '../assignments/cohort-hub.ts';
import type { Database } from '../db/database.ts';
import { RoomError } from '../errors.ts';
import { errorMessage, onMessages, sendJson } from './frames.ts';

// HR's live socket of an assignment's cohort (room/cohort-live.ts): the first message is
// `hello` with a credential, checked by the same function as the cohort's GET
// (cohortReader); then the socket follows the cohort until it closes. A refused hello is
// answered with the reason and the socket is closed, so the page stops trying.

export interface CohortSocketOptions {
  db: Database;
  cohorts: CohortHub;
  /** messages allowed per connection in RATE_WINDOW_MS */
  rate: number;
  /** the account signed in on the browser that opened the socket (its cookie), if any */
  signedIn: () => Promise<Account | null>;
}

export function serveCohortSocket(
  socket: WebSocket,
  rawId: string,
  options: CohortSocketOptions,
): void {
  const { db, cohorts } = options;
  const send = (message: CohortServerMessage) => sendJson(socket, message);
  const client: CohortClient = { send };
  let following: string | null = null;

  const id = assignmentIdSchema.safeParse(rawId);
  if (!id.success) {
    send(errorMessage(new RoomError('no_assignment', 'that is not an assignment id')));
    socket.close(CLOSE_GONE, 'no such assignment');
    return;
  }

  const afterMessages = onMessages(socket, cohortClientMessageSchema, options.rate, async (msg) => {
    if (msg.type === 'ping') return send({ type: 'pong' });
    if (following) throw new RoomError('not_allowed', 'this socket has said hello already');
    let assignment: Awaited<ReturnType<typeof cohortReader>>;
    try {
      assignment = await cohortReader(
        db,
        id.data,
        msg.secret !== undefined
          ? { secret: msg.secret, account: null }
          : { secret: null, account: await options.signedIn() },
      );
    } catch (err) {
      send(errorMessage(err));
      const refused = err instanceof RoomError && err.code === 'no_assignment';
      socket.close(refused ? CLOSE_GONE : CLOSE_UNAUTHORISED, 'not allowed');
      return;
    }
    following = assignment.id;
    await cohorts.subscribe(assignment, client);
  });

  socket.on('close', () =>
    afterMessages(async () => {
      if (following) cohorts.unsubscribe(following, client);
    }),
  );
}
