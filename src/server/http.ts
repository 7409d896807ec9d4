import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MAX_CREATE_BODY_BYTES } from '../room/limits.ts';
import {
  codeSchema,
  createRoomRequestSchema,
  joinRequestSchema,
  roomCommandSchema,
} from '../room/protocol.ts';
import { notSignedIn } from './accounts/roles.ts';
import type { Sessions } from './accounts/sessions.ts';
import { bearer } from './bearer.ts';
import type { Database } from './db/database.ts';
import { parseOrRefuse } from './parse.ts';
import { routeLimit } from './rate-limits.ts';
import { exportCsv, exportRoom } from './rooms/export.ts';
import { listRooms } from './rooms/list.ts';
import { commandRoom, createRoom, deleteRoom, joinRoom } from './rooms/manage.ts';
import { publicRoom, roomByCode } from './rooms/rows.ts';
import { facilitatorView, results } from './rooms/views.ts';

// The HTTP API of rooms (docs/server.md): every body checked by the protocol's schemas,
// every refusal a RoomError turned into `{ error, message }` by the error handler (app.ts).

export interface ApiOptions {
  db: Database;
  ttlHours: number;
  /** API requests a minute of one client (TOW_RATE_LIMIT); room creation gets a tenth, per address */
  rateLimit: number;
  sessions: Sessions;
}

type WithCode = FastifyRequest<{ Params: { code: string } }>;

const codeOf = (req: WithCode) => parseOrRefuse(codeSchema, req.params.code, 'the room code');

export async function roomRoutes(app: FastifyInstance, options: ApiOptions): Promise<void> {
  const { db, sessions } = options;
  const who = (req: FastifyRequest) => sessions.credentialsOf(req, bearer(req));

  app.post(
    '/api/rooms',
    {
      bodyLimit: MAX_CREATE_BODY_BYTES,
      config: {
        rateLimit: routeLimit(Math.ceil(options.rateLimit / 10), 'new rooms'),
      },
    },
    async (req, reply) => {
      const body = parseOrRefuse(createRoomRequestSchema, req.body, 'the room');
      const account = await sessions.accountOf(req);
      reply.code(201);
      return createRoom(db, body, options.ttlHours, account?.name ?? null);
    },
  );

  app.get('/api/rooms', async (req) => {
    const account = await sessions.accountOf(req);
    if (!account) throw notSignedIn('a facilitator account');
    return { rooms: await listRooms(db, account) };
  });

  app.get('/api/rooms/:code', async (req: WithCode) =>
    publicRoom(await roomByCode(db, codeOf(req))),
  );

  app.get('/api/rooms/:code/scenario', async (req: WithCode) => {
    const room = await roomByCode(db, codeOf(req));
    const [row] = await db.query<{ text: string }>(
      'SELECT scenario_text AS text FROM rooms WHERE id = $1',
      [room.id],
    );
    return { text: row!.text, hash: room.scenario_hash };
  });

  app.post('/api/rooms/:code/players', async (req: WithCode, reply) => {
    // the code first: a link cut short or tampered with is told so whatever its body
    const code = codeOf(req);
    const { name } = parseOrRefuse(joinRequestSchema, req.body, 'joining');
    const joined = await joinRoom(db, code, name);
    reply.code(201);
    return joined;
  });

  app.get('/api/rooms/:code/admin', async (req: WithCode) =>
    facilitatorView(db, codeOf(req), await who(req)),
  );

  app.post('/api/rooms/:code/commands', async (req: WithCode) => {
    const code = codeOf(req);
    const cmd = parseOrRefuse(roomCommandSchema, req.body, 'the command');
    return commandRoom(db, code, await who(req), cmd);
  });

  app.get('/api/rooms/:code/results', async (req: WithCode) =>
    results(db, codeOf(req), bearer(req)),
  );

  app.get('/api/rooms/:code/export.json', async (req: WithCode, reply) => {
    const data = await exportRoom(db, codeOf(req), await who(req));
    reply.header('Content-Disposition', `attachment; filename="room-${data.room.code}.json"`);
    return data;
  });

  app.get('/api/rooms/:code/export.csv', async (req: WithCode, reply) => {
    const data = await exportRoom(db, codeOf(req), await who(req));
    reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="room-${data.room.code}.csv"`);
    return exportCsv(data);
  });

  app.delete('/api/rooms/:code', async (req: WithCode, reply) => {
    await deleteRoom(db, codeOf(req), await who(req));
    reply.code(204);
  });
}
