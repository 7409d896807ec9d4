import { describe, expect, it } from 'vitest';
import { CLOSE_GONE, CLOSE_UNAUTHORISED } from '../../src/room/close-codes.ts';
import { serveDuringSuite } from './harness.ts';
import { createRoom, DATABASES, join, json } from './helpers.ts';

// A facilitator's link with a wrong key, or a room that has gone: the socket's hello is
// refused with the reason, and the socket is closed with a code the page takes as final,
// so it shows the reason instead of trying again and again. Nothing of the room is sent.

describe.each(DATABASES)("the room socket's refusals on $kind", ({ open }) => {
  const server = serveDuringSuite(open);

  it('refuses a wrong admin key once, closes the socket for good, and shows it nothing of the room', async () => {
    const room = await createRoom(server.base);
    const ana = await join(server.base, room.code, 'Ana');
    const wrong = `${room.secret.slice(0, -4)}AAAA`;
    const dash = await server.live(room.code);
    const answer = await dash.ask({ type: 'hello', role: 'facilitator', secret: wrong }, 'welcome');
    expect(answer).toMatchObject({ type: 'error', error: 'unauthorized' });
    if (answer.type === 'error') expect(answer.message).toMatch(/not this room's admin secret/);
    await expect(dash.next('welcome', () => true, 2000)).rejects.toThrow(/closed \(4401\)/);
    expect(dash.closed?.code).toBe(CLOSE_UNAUTHORISED);

    // a trainee's token is not a facilitator's key either
    const asTrainee = await server.live(room.code);
    const refused = await asTrainee.ask(
      { type: 'hello', role: 'facilitator', secret: ana.token },
      'welcome',
    );
    expect(refused).toMatchObject({ type: 'error', error: 'unauthorized' });
    await expect(asTrainee.next('welcome', () => true, 2000)).rejects.toThrow(/closed/);

    // whatever happens in the room afterwards, the refused sockets heard nothing but the
    // refusal (which ask() took)
    const right = await server.live(room.code);
    right.send({ type: 'hello', role: 'facilitator', secret: room.secret });
    const welcome = await right.next('welcome');
    expect(welcome.role).toBe('facilitator');
    expect(JSON.stringify(dash.received)).not.toContain('Ana');
    expect(dash.received).toEqual([]);
    expect(asTrainee.received).toEqual([]);
    right.socket.close();
  });

  it('refuses a facilitator of a deleted room with "no room" and closes the socket as gone', async () => {
    const room = await createRoom(server.base);
    const del = await json(server.base, `/api/rooms/${room.code}`, {
      method: 'DELETE',
      secret: room.secret,
    });
    expect(del.status).toBe(204);
    const dash = await server.live(room.code);
    const answer = await dash.ask(
      { type: 'hello', role: 'facilitator', secret: room.secret },
      'welcome',
    );
    expect(answer).toMatchObject({ type: 'error', error: 'no_room' });
    await expect(dash.next('welcome', () => true, 2000)).rejects.toThrow(/closed \(4404\)/);
    expect(dash.closed?.code).toBe(CLOSE_GONE);
  });

  it("refuses a trainee's token of another room and closes the socket", async () => {
    const one = await createRoom(server.base);
    const other = await createRoom(server.base);
    const ana = await join(server.base, other.code, 'Ana');
    const live = await server.live(one.code);
    const answer = await live.ask({ type: 'hello', role: 'player', token: ana.token }, 'welcome');
    expect(answer).toMatchObject({ type: 'error', error: 'wrong_room' });
    await expect(live.next('welcome', () => true, 2000)).rejects.toThrow(/closed \(4401\)/);
  });
});
