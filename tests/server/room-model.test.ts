import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/csv.ts';
import { CLOSE_OTHER_MODEL } from '../../src/room/close-codes.ts';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { MODEL_VERSION, playChoices, situationById, underModel } from '../../src/sim/index.ts';
import { serveDuringSuite } from './harness.ts';
import { createRoom, DATABASES, join, json } from './helpers.ts';

// A room is stamped with the model it was opened under. A room still open after the
// server moved to another model would replay its teams' decisions as another game: the
// server refuses whatever would replay it (joining, playing on, the trainees' results),
// in plain words, and its decisions stay readable as they were made (the facilitator's
// view and the exports, with no figures worked out again).

const silos = loadBundledScenarios().find((b) => b.scenario.id === 'silos')!.scenario;
/** a model this version no longer replays */
const OLDER = 2;

describe.each(DATABASES)('a room of another model on $kind', ({ open }) => {
  const server = serveDuringSuite(open);

  /** a room where Ana played two quarters, then the server moved on to this model */
  async function roomPlayedBefore(model: number | null) {
    const room = await createRoom(server.base, { seed: '5' });
    const ana = await join(server.base, room.code, 'Ana');
    const sock = await server.live(room.code);
    await sock.ask({ type: 'hello', role: 'player', token: ana.token }, 'welcome');
    const chosen: string[] = [];
    for (let quarter = 1; quarter <= 2; quarter++) {
      const situation = situationById(silos, playChoices(silos, '5', chosen).situationId!);
      const choiceId = situation.choices[1]!.id;
      await sock.ask({ type: 'decide', quarter, situationId: situation.id, choiceId }, 'accepted');
      chosen.push(choiceId);
    }
    sock.close();
    await server.db.query('UPDATE rooms SET model = $1 WHERE code = $2', [model, room.code]);
    return { room, ana, chosen };
  }

  it('stamps a new room with the model and plays it as before', async () => {
    const room = await createRoom(server.base);
    const [row] = await server.db.query<{ model: number }>(
      'SELECT model FROM rooms WHERE code = $1',
      [room.code],
    );
    expect(row?.model).toBe(MODEL_VERSION);
    const view = await json(server.base, `/api/rooms/${room.code}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ code: room.code });
    expect(view.body).not.toHaveProperty('otherModel');
  });

  it('plays a room opened under model 3 on under model 3, and tells the pages so', async () => {
    const { room, ana, chosen } = await roomPlayedBefore(3);
    const underThree = underModel(silos, 3);
    // the trainee's socket: welcomed, told the room's model, and plays quarter 3
    const sock = await server.live(room.code);
    const hello = await sock.ask({ type: 'hello', role: 'player', token: ana.token }, 'welcome');
    if (hello.type !== 'welcome' || hello.role !== 'player')
      throw new Error(`refused: ${JSON.stringify(hello)}`);
    expect(hello.room.model).toBe(3);
    expect(hello.room).not.toHaveProperty('otherModel');
    const waiting = playChoices(underThree, '5', chosen).situationId!;
    const choiceId = situationById(underThree, waiting).choices[0]!.id;
    const accepted = await sock.ask(
      { type: 'decide', quarter: 3, situationId: waiting, choiceId },
      'accepted',
    );
    expect(accepted).toMatchObject({ type: 'accepted' });
    sock.close();
    // a newcomer joins it, and the export's figures are model 3's
    const joining = await json(server.base, `/api/rooms/${room.code}/players`, {
      body: { name: 'Bo' },
    });
    expect(joining.status).toBe(201);
    const exported = await json<{ model: number; room: { model?: number } }>(
      server.base,
      `/api/rooms/${room.code}/export.json`,
      { secret: room.secret },
    );
    expect(exported.body).toMatchObject({ model: 3, room: { model: 3 } });
  });

  it("refuses playing on, joining and the trainees' results of an older model's room, saying why", async () => {
    const { room, ana, chosen } = await roomPlayedBefore(OLDER);
    const why = `room ${room.code} was made by model ${OLDER} of the simulation; this version of the game runs model ${MODEL_VERSION}, replays models 3 and 4, and cannot replay it`;

    // the trainee's socket: refused with the reason, closed for good
    const sock = await server.live(room.code);
    const hello = await sock.ask({ type: 'hello', role: 'player', token: ana.token }, 'welcome');
    expect(hello).toMatchObject({ type: 'error', error: 'other_model' });
    if (hello.type === 'error') {
      expect(hello.message).toContain(why);
      expect(hello.message).toContain('open a new room to play on');
    }
    await expect(sock.next('welcome', () => true, 2000)).rejects.toThrow(/closed \(4409\)/);
    expect(sock.closed?.code).toBe(CLOSE_OTHER_MODEL);

    // a newcomer cannot join it
    const joining = await json(server.base, `/api/rooms/${room.code}/players`, {
      body: { name: 'Bo' },
    });
    expect(joining).toMatchObject({ status: 409, body: { error: 'other_model' } });
    expect(String((joining.body as { message: string }).message)).toContain(why);

    // released or not, the trainees' results would be this model's replay: refused
    await json(server.base, `/api/rooms/${room.code}/commands`, {
      body: { type: 'release', release: { debrief: true } },
      secret: room.secret,
    });
    const results = await json(server.base, `/api/rooms/${room.code}/results`, {
      secret: ana.token,
    });
    expect(results).toMatchObject({ status: 409, body: { error: 'other_model' } });

    // nothing was added to what was stored
    const stored = await server.db.query<{ choice_id: string }>(
      'SELECT d.choice_id FROM decisions d JOIN rooms r ON r.id = d.room_id WHERE r.code = $1 ORDER BY d.quarter',
      [room.code],
    );
    expect(stored.map((d) => d.choice_id)).toEqual(chosen);
  });

  it('shows the facilitator the decisions as stored, with the reason, and exports them without figures', async () => {
    const { room, chosen } = await roomPlayedBefore(OLDER);
    const dash = await server.live(room.code);
    const welcome = await dash.ask(
      { type: 'hello', role: 'facilitator', secret: room.secret },
      'welcome',
    );
    if (welcome.type !== 'welcome' || welcome.role !== 'facilitator')
      throw new Error(`refused: ${JSON.stringify(welcome)}`);
    expect(welcome.view.room.otherModel).toContain(`made by model ${OLDER}`);
    expect(welcome.view.players).toEqual([
      expect.objectContaining({ name: 'Ana', choices: chosen, score: null, situationId: '' }),
    ]);
    dash.socket.close();

    const exported = await json<{
      model: number | null;
      room: { otherModel?: string };
      players: { choices: string[]; score: number | null; outcomes: unknown }[];
    }>(server.base, `/api/rooms/${room.code}/export.json`, { secret: room.secret });
    expect(exported.status).toBe(200);
    expect(exported.body.model).toBe(OLDER);
    expect(exported.body.room.otherModel).toContain(`made by model ${OLDER}`);
    expect(exported.body.players).toEqual([
      expect.objectContaining({ choices: chosen, score: null, outcomes: null }),
    ]);

    const csv = await fetch(`${server.base}/api/rooms/${room.code}/export.csv`, {
      headers: { authorization: `Bearer ${room.secret}` },
    });
    const [header, row] = parseCsv(await csv.text());
    expect(row![header!.indexOf('q1')]).toBe(chosen[0]);
    expect(row![header!.indexOf('q2')]).toBe(chosen[1]);
    expect(row![header!.indexOf('score')]).toBe('');
    expect(row![header!.indexOf('share and outlook (%)')]).toBe('');
  });

  it('treats a room opened before rooms were stamped as of an unknown model, and refuses playing on', async () => {
    const { room, ana } = await roomPlayedBefore(null);
    const sock = await server.live(room.code);
    const hello = await sock.ask({ type: 'hello', role: 'player', token: ana.token }, 'welcome');
    expect(hello).toMatchObject({ type: 'error', error: 'other_model' });
    if (hello.type === 'error')
      expect(hello.message).toContain('opened before rooms recorded the version of the simulation');
  });
});
