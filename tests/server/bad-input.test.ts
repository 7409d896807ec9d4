import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES } from '../../src/room/limits.ts';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { playChoices, situationById } from '../../src/sim/index.ts';
import { serveDuringSuite } from './harness.ts';
import { createRoom, DATABASES, join, json, type Live, type Room } from './helpers.ts';

// Every kind of bad input the issue lists, each refused with a clear error, nothing of it
// stored, and the server still serving everyone else.

const silos = loadBundledScenarios().find((b) => b.scenario.id === 'silos')!.scenario;
const first = situationById(silos, playChoices(silos, '7', []).situationId!);
const good = { type: 'decide', quarter: 1, situationId: first.id, choiceId: first.choices[0]!.id };

describe.each(DATABASES)('bad input on $kind', ({ open }) => {
  const WS_RATE = 30;
  const server = serveDuringSuite(open, { wsRate: WS_RATE });
  let room: Room;
  beforeAll(async () => {
    room = await createRoom(server.base, { pacing: { mode: 'gated' } });
  });

  async function player(name: string, r: Room = room): Promise<Live> {
    const p = await join(server.base, r.code, name);
    const sock = await server.live(r.code);
    expect(
      await sock.ask({ type: 'hello', role: 'player', token: p.token }, 'welcome'),
    ).toMatchObject({
      type: 'welcome',
    });
    return sock;
  }
  const decisionsIn = async (r: Room) =>
    (
      await server.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM decisions d JOIN rooms r ON r.id = d.room_id WHERE r.code = $1',
        [r.code],
      )
    )[0]!.n;

  it('refuses malformed, off-protocol and oversized messages, and messages before hello', async () => {
    const sock = await server.live(room.code);
    expect(await sock.ask('{"type": "hello", ', 'welcome')).toMatchObject({ error: 'malformed' });
    expect(await sock.ask(good, 'accepted')).toMatchObject({ error: 'not_joined' });
    expect(await sock.ask({ type: 'hello', role: 'king', token: 'x' }, 'welcome')).toMatchObject({
      error: 'malformed',
    });
    const big = { type: 'ping', pad: 'x'.repeat(MAX_MESSAGE_BYTES) };
    const refused = await sock.ask(big, 'pong');
    expect(refused).toMatchObject({ error: 'too_large' });
    expect(refused.type === 'error' && refused.message).toContain(`${MAX_MESSAGE_BYTES} bytes`);
    // the socket is still served
    expect(await sock.ask({ type: 'ping' }, 'pong')).toEqual({ type: 'pong' });
    sock.close();
  });

  it('refuses decisions for a closed quarter, out of order, duplicated, or not offered', async () => {
    const r = await createRoom(server.base, { pacing: { mode: 'gated' } });
    const sock = await player('Eve', r);
    expect(await sock.ask(good, 'accepted')).toMatchObject({ error: 'quarter_not_open' });
    await json(server.base, `/api/rooms/${r.code}/commands`, {
      body: { type: 'open-quarter', quarter: 3 },
      secret: r.secret,
    });
    expect(await sock.ask({ ...good, quarter: 2 }, 'accepted')).toMatchObject({
      error: 'out_of_order',
    });
    expect(await sock.ask({ ...good, situationId: 'not-this-one' }, 'accepted')).toMatchObject({
      error: 'out_of_order',
    });
    const notOffered = await sock.ask({ ...good, choiceId: 'shout-louder' }, 'accepted');
    expect(notOffered).toMatchObject({ error: 'not_offered' });
    expect(notOffered.type === 'error' && notOffered.message).toContain('shout-louder');
    expect(await decisionsIn(r)).toBe(0);
    expect(await sock.ask(good, 'accepted')).toMatchObject({ type: 'accepted' });
    expect(await sock.ask(good, 'accepted')).toMatchObject({ error: 'duplicate' });
    expect(await decisionsIn(r)).toBe(1);
    sock.close();
  });

  it('accepts one of two sockets of a trainee racing for the same quarter, and refuses the other', async () => {
    const r = await createRoom(server.base);
    const p = await join(server.base, r.code, 'Twin');
    const [a, b] = [await server.live(r.code), await server.live(r.code)];
    for (const sock of [a, b])
      await sock.ask({ type: 'hello', role: 'player', token: p.token }, 'welcome');
    const other = { ...good, choiceId: first.choices[1]!.id };
    const answers = await Promise.all([a.ask(good, 'accepted'), b.ask(other, 'accepted')]);
    expect(answers.map((x) => (x.type === 'error' ? x.error : x.type)).sort()).toEqual([
      'accepted',
      'duplicate',
    ]);
    expect(await decisionsIn(r)).toBe(1);
    a.close();
    b.close();
  });

  it("refuses another room's token and secret, and a wrong admin secret", async () => {
    const other = await createRoom(server.base);
    const stranger = await join(server.base, other.code, 'Fay');
    const sock = await server.live(room.code);
    expect(
      await sock.ask({ type: 'hello', role: 'player', token: stranger.token }, 'welcome'),
    ).toMatchObject({
      error: 'wrong_room',
    });
    // a refused hello ends the socket (room-socket-refusals.test.ts): another try opens another
    await expect(sock.next('welcome', () => true, 2000)).rejects.toThrow(/closed \(4401\)/);
    const again = await server.live(room.code);
    expect(
      await again.ask({ type: 'hello', role: 'facilitator', secret: other.secret }, 'welcome'),
    ).toMatchObject({
      error: 'unauthorized',
    });
    again.close();
    const wrong = 'A'.repeat(43);
    for (const [method, path, body] of [
      ['GET', 'admin', undefined],
      ['GET', 'export.csv', undefined],
      ['POST', 'commands', { type: 'open-quarter', quarter: 8 }],
      ['DELETE', '', undefined],
    ] as const) {
      const res = await json(server.base, `/api/rooms/${room.code}${path ? `/${path}` : ''}`, {
        method,
        secret: wrong,
        ...(body ? { body } : {}),
      });
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.body).toMatchObject({ error: 'unauthorized' });
    }
    const results = await json(server.base, `/api/rooms/${room.code}/results`, {
      secret: stranger.token,
    });
    expect(results).toMatchObject({ status: 403, body: { error: 'wrong_room' } });
    // the room was not opened nor deleted by any of that
    expect((await json(server.base, `/api/rooms/${room.code}`)).body).toMatchObject({
      openQuarter: 0,
    });
  });

  it('refuses malformed and oversized HTTP bodies with the error body', async () => {
    const bad = await json(server.base, '/api/rooms', { raw: '{"seed": ' });
    expect(bad).toMatchObject({ status: 400, body: { error: 'malformed' } });
    const wrongShape = await json(server.base, '/api/rooms', {
      body: {
        scenario: { kind: 'bundled', id: 'silos' },
        seed: '7',
        pacing: { mode: 'timer', seconds: 1 },
      },
    });
    expect(wrongShape).toMatchObject({ status: 400, body: { error: 'malformed' } });
    expect(String(wrongShape.body.message)).toContain('pacing.seconds');
    const huge = await json(server.base, `/api/rooms/${room.code}/players`, {
      body: { name: 'x'.repeat(20_000) },
    });
    expect(huge).toMatchObject({ status: 413, body: { error: 'too_large' } });
    const hidden = await json(server.base, `/api/rooms/${room.code}/players`, {
      body: { name: 'Al\u202eice' },
    });
    expect(hidden).toMatchObject({ status: 400, body: { error: 'malformed' } });
    const players = await json<{ players: unknown[] }>(
      server.base,
      `/api/rooms/${room.code}/admin`,
      {
        secret: room.secret,
      },
    );
    expect(players.body.players).toEqual([]);
  });

  it('cuts off a flooding socket with a clear error while another trainee is served', async () => {
    const r = await createRoom(server.base);
    const flooder = await player('Flo', r);
    const calm = await player('Cal', r);
    for (let i = 0; i < WS_RATE * 3; i++) flooder.send({ type: 'ping' });
    const cut = await flooder.next('error', (m) => m.error === 'rate_limited');
    expect(cut.message).toContain('slow down');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(flooder.closed?.code).toBe(1008);
    expect(await calm.ask(good, 'accepted')).toMatchObject({ type: 'accepted' });
    expect(await decisionsIn(r)).toBe(1);
    calm.close();
  });
});
