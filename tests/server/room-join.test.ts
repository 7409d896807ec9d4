import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, MAX_PLAYERS_PER_ROOM } from '../../src/room/limits.ts';
import { errorBodySchema } from '../../src/room/protocol.ts';
import { serveDuringSuite } from './harness.ts';
import { createRoom, DATABASES, join, json, type Room } from './helpers.ts';

// Joining a room, at every stage of its life and with whatever a client sends: a room
// that has not started takes trainees; one where play has ended, one deleted, one full
// refuses them with a reason a page can put in words, and counts nobody; a request that is
// malformed or hostile gets a clear error and changes nothing.

type Refusal = { error: string; message: string };

describe.each(DATABASES)('joining a room on $kind', ({ open }) => {
  const server = serveDuringSuite(open);

  const joinAs = (code: string, name: unknown) =>
    json<Refusal & { playerToken?: string }>(server.base, `/api/rooms/${code}/players`, {
      body: { name },
    });
  const command = (room: Room, body: unknown) =>
    json(server.base, `/api/rooms/${room.code}/commands`, { body, secret: room.secret });
  /** the trainees the facilitator's view lists */
  const playersOf = async (room: Room) =>
    (
      await json<{ players: { name: string }[] }>(server.base, `/api/rooms/${room.code}/admin`, {
        secret: room.secret,
      })
    ).body.players.map((p) => p.name);

  it('takes trainees before the facilitator starts a gated or a timed room', async () => {
    for (const pacing of [{ mode: 'gated' }, { mode: 'timer', seconds: 60 }]) {
      const room = await createRoom(server.base, { pacing });
      const described = await json<{ openQuarter: number; startedAt: string | null }>(
        server.base,
        `/api/rooms/${room.code}`,
      );
      expect(described.body).toMatchObject({ openQuarter: 0, startedAt: null });
      expect((await joinAs(room.code, 'Ana')).status).toBe(201);
      expect(await playersOf(room)).toEqual(['Ana']);
    }
  });

  it('refuses a newcomer once play has ended, counts nobody, and lets its trainees back in', async () => {
    const room = await createRoom(server.base, { pacing: { mode: 'gated' } });
    const cy = await join(server.base, room.code, 'Cy');
    await command(room, { type: 'open-quarter', quarter: 1 });
    await command(room, { type: 'release', release: { debrief: true } });
    const described = await json<{ endedAt?: string }>(server.base, `/api/rooms/${room.code}`);
    expect(described.body.endedAt).toEqual(expect.any(String));

    const late = await joinAs(room.code, 'Dee');
    expect(late.status).toBe(409);
    expect(late.body).toEqual({
      error: 'room_ended',
      message: `play has ended in room ${room.code}: its facilitator released the debrief, so the room takes nobody new`,
    });
    // nor by a name already in the room: the room's end is the reason, not the name
    expect((await joinAs(room.code, 'Cy')).body).toMatchObject({ error: 'room_ended' });
    expect(await playersOf(room)).toEqual(['Cy']);
    const export_ = await json<{ players: unknown[] }>(
      server.base,
      `/api/rooms/${room.code}/export.json`,
      { secret: room.secret },
    );
    expect(export_.body.players).toHaveLength(1);

    // Cy, who joined before the end, comes back to the room as it is: ended
    const sock = await server.live(room.code);
    const welcome = await sock.ask({ type: 'hello', role: 'player', token: cy.token }, 'welcome');
    expect(welcome).toMatchObject({ type: 'welcome', role: 'player', game: { name: 'Cy' } });
    expect('room' in welcome && welcome.room.endedAt).toBe(described.body.endedAt);
    sock.close();
  });

  it('takes newcomers in a room whose debrief was open from the start: play has not ended', async () => {
    const room = await createRoom(server.base, {
      release: { debrief: true, bestPath: false, whatIf: false },
    });
    await join(server.base, room.code, 'Ana');
    expect((await joinAs(room.code, 'Bo')).status).toBe(201);
    expect(await playersOf(room)).toEqual(['Ana', 'Bo']);
  });

  it('says a deleted room is not there, to its link and to its trainees', async () => {
    const room = await createRoom(server.base);
    const ana = await join(server.base, room.code, 'Ana');
    const deleted = await json(server.base, `/api/rooms/${room.code}`, {
      method: 'DELETE',
      secret: room.secret,
    });
    expect(deleted.status).toBe(204);
    // what a join link's page asks first, then the join itself
    for (const answer of [
      await json<Refusal>(server.base, `/api/rooms/${room.code}`),
      await joinAs(room.code, 'Bo'),
    ]) {
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({
        error: 'no_room',
        message: `no room ${room.code}: it was never made, or it was deleted or expired`,
      });
    }
    const sock = await server.live(room.code);
    expect(await sock.ask({ type: 'hello', role: 'player', token: ana.token }, 'welcome')).toEqual(
      expect.objectContaining({ type: 'error', error: 'no_room' }),
    );
    sock.close();
  });

  it('refuses a full room with its own reason, and a full room whose play has ended as ended', async () => {
    const room = await createRoom(server.base);
    await server.db.query(
      `INSERT INTO players (id, room_id, name, token_hash)
       SELECT gen_random_uuid(), r.id, 'Trainee ' || n, md5(r.id::text || '-' || n::text)
       FROM rooms r, generate_series(1, $2::int) AS n WHERE r.code = $1`,
      [room.code, MAX_PLAYERS_PER_ROOM],
    );
    const full = await joinAs(room.code, 'One more');
    expect(full.status).toBe(409);
    expect(full.body).toEqual({
      error: 'room_full',
      message: `the room has its ${MAX_PLAYERS_PER_ROOM} trainees`,
    });
    await command(room, { type: 'release', release: { debrief: true } });
    expect((await joinAs(room.code, 'One more')).body).toMatchObject({ error: 'room_ended' });
    expect(await playersOf(room)).toHaveLength(MAX_PLAYERS_PER_ROOM);
  });

  it('answers malformed and hostile joins with a clear error, as JSON, and stores nothing', async () => {
    const room = await createRoom(server.base);
    const attempts: [string, { raw?: string; body?: unknown; method?: string }, number, string][] =
      [
        // a code cut short, a lower-case one, markup in the address
        ['/api/rooms/ABC/players', { body: { name: 'Ana' } }, 400, 'the room code'],
        [
          `/api/rooms/${room.code.toLowerCase()}/players`,
          { body: { name: 'Ana' } },
          400,
          'the room code',
        ],
        [
          `/api/rooms/${encodeURIComponent('<img src=x onerror=alert(1)>')}/players`,
          { body: { name: 'Ana' } },
          400,
          'the room code',
        ],
        // a method or a path the join has not got
        [
          `/api/rooms/${room.code}/players`,
          { method: 'PUT', body: { name: 'Ana' } },
          404,
          'the API has no PUT',
        ],
        [`/api/rooms/${room.code}/players`, { method: 'GET' }, 404, 'the API has no GET'],
        [
          `/api/rooms/${room.code}/players/Ana`,
          { body: { name: 'Ana' } },
          404,
          'the API has no POST',
        ],
        // bodies that are not a name
        [`/api/rooms/${room.code}/players`, { raw: '{"name": ' }, 400, 'not valid JSON'],
        [`/api/rooms/${room.code}/players`, { body: {} }, 400, 'joining'],
        [`/api/rooms/${room.code}/players`, { body: { name: '   ' } }, 400, 'a name is needed'],
        [`/api/rooms/${room.code}/players`, { body: { name: 'x'.repeat(41) } }, 400, 'joining'],
        [`/api/rooms/${room.code}/players`, { body: { name: 'Ana', admin: true } }, 400, 'joining'],
        [`/api/rooms/${room.code}/players`, { body: ['Ana'] }, 400, 'joining'],
        [
          `/api/rooms/${room.code}/players`,
          { body: { name: 'x'.repeat(MAX_BODY_BYTES) } },
          413,
          '',
        ],
      ];
    for (const [path, init, status, says] of attempts) {
      const res = await json<Refusal>(server.base, path, init);
      expect({ path, status: res.status }).toEqual({ path, status });
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      // in the protocol's shape, which the pages read
      expect(errorBodySchema.safeParse(res.body).success).toBe(true);
      expect(res.body.message).toContain(says);
    }
    expect(await playersOf(room)).toEqual([]);

    // a name with markup is a name like any other: stored and answered as text in JSON
    const markup = '<img src=x onerror=alert(1)>';
    const joined = await joinAs(room.code, markup);
    expect(joined.status).toBe(201);
    expect(joined.headers.get('content-type')).toMatch(/^application\/json/);
    expect(joined.body).toMatchObject({ name: markup });
    // a second with the same name is told so, in a sentence that quotes it as text
    const again = await joinAs(room.code, markup);
    expect(again.body).toMatchObject({ error: 'name_taken' });
    expect(again.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await playersOf(room)).toEqual([markup]);
  });
});
