import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/csv.ts';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { formatIssue } from '../../src/scenario/errors.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import {
  fairScoreOf,
  OUTCOME_LABELS,
  type Outcome,
  outcomes,
  playChoices,
  score,
  situationById,
} from '../../src/sim/index.ts';
import { serveDuringSuite } from './harness.ts';
import { createRoom, DATABASES, join, json } from './helpers.ts';

// A room played through, as a facilitator and trainees would: made, joined, paced, played,
// seen live, rejoined, released, exported and deleted, on each database.

const silos = loadBundledScenarios().find((b) => b.scenario.id === 'silos')!.scenario;
const euros = loadBundledScenarios().find((b) => b.scenario.id === 'value-discipline')!.scenario;

/** The situation waiting after `choices`, and its replies. */
function waiting(seed: string, choices: string[]) {
  const state = playChoices(silos, seed, choices);
  const situation = situationById(silos, state.situationId!);
  return { situationId: situation.id, replies: situation.choices.map((c) => c.id) };
}

/** a word of each outcome's CSV column, to find it by */
const COLUMN: Record<Outcome, string> = {
  share: 'share',
  growth: 'growth',
  attainment: 'attainment',
  morale: 'morale',
  trust: 'trust',
  brand: 'brand',
  earnings: 'earnings',
  alignment: 'alignment',
  profit: 'profit a quarter',
};

describe.each(DATABASES)('rooms on $kind', ({ open }) => {
  const server = serveDuringSuite(open);

  it('plays a gated room: the facilitator opens quarters and sees every decision live', async () => {
    const room = await createRoom(server.base, { pacing: { mode: 'gated' } });
    const dash = await server.live(room.code);
    dash.send({ type: 'hello', role: 'facilitator', secret: room.secret });
    expect((await dash.next('welcome')).role).toBe('facilitator');

    const ana = await join(server.base, room.code, 'Ana');
    expect((await dash.next('player', (m) => m.player.name === 'Ana')).player.connected).toBe(
      false,
    );
    const sock = await server.live(room.code);
    const welcome = await sock.ask({ type: 'hello', role: 'player', token: ana.token }, 'welcome');
    expect(welcome).toMatchObject({ type: 'welcome', role: 'player', game: { choices: [] } });
    expect((await dash.next('player', (m) => m.player.connected)).player.id).toBe(ana.id);

    // a second trainee, to check that nobody's choices reach another trainee
    const ben = await join(server.base, room.code, 'Ben');
    const benSock = await server.live(room.code);
    await benSock.ask({ type: 'hello', role: 'player', token: ben.token }, 'welcome');

    const first = waiting('7', []);
    const decide = {
      type: 'decide',
      quarter: 1,
      situationId: first.situationId,
      choiceId: first.replies[1],
    };
    expect(await sock.ask(decide, 'accepted')).toMatchObject({
      type: 'error',
      error: 'quarter_not_open',
    });

    const opened = await json(server.base, `/api/rooms/${room.code}/commands`, {
      body: { type: 'open-quarter', quarter: 1 },
      secret: room.secret,
    });
    expect(opened.body).toMatchObject({ openQuarter: 1 });
    expect((await sock.next('room')).room.openQuarter).toBe(1);

    const accepted = await sock.ask(decide, 'accepted');
    const after = playChoices(silos, '7', [first.replies[1]!]);
    expect(accepted).toMatchObject({ type: 'accepted', game: { situationId: after.situationId } });
    const seen = await dash.next('decision');
    expect(seen).toMatchObject({ quarter: 1, choiceId: first.replies[1] });
    expect(seen.player).toMatchObject({ id: ana.id, choices: [first.replies[1]] });

    // the next quarter is closed until opened
    const second = waiting('7', [first.replies[1]!]);
    const next = {
      type: 'decide',
      quarter: 2,
      situationId: second.situationId,
      choiceId: second.replies[0],
    };
    expect(await sock.ask(next, 'accepted')).toMatchObject({ error: 'quarter_not_open' });
    expect((await benSock.next('room')).room.openQuarter).toBe(1);
    expect(benSock.received.map((m) => m.type)).toEqual([]);
    const peek = await json(server.base, `/api/rooms/${room.code}/admin`, { secret: ben.token });
    expect(peek).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
    benSock.close();
    sock.close();
    dash.close();
  });

  it('ends play when the debrief is released while a trainee still plays: no more decisions', async () => {
    const room = await createRoom(server.base, { pacing: { mode: 'gated' } });
    const command = (body: unknown) =>
      json(server.base, `/api/rooms/${room.code}/commands`, { body, secret: room.secret });
    const cy = await join(server.base, room.code, 'Cy');
    const sock = await server.live(room.code);
    await sock.ask({ type: 'hello', role: 'player', token: cy.token }, 'welcome');
    await command({ type: 'open-quarter', quarter: 2 });
    expect((await sock.next('room')).room.endedAt).toBeUndefined();
    // Cy never answers; the facilitator releases the debrief
    const released = await command({ type: 'release', release: { debrief: true } });
    expect(released.body).toMatchObject({ release: { debrief: true } });
    const ended = (released.body as { endedAt?: string }).endedAt;
    expect(Date.parse(ended ?? '')).not.toBeNaN();
    // Cy's page hears that play ended, and a late decision is refused in words
    expect((await sock.next('room', (m) => m.room.release.debrief)).room.endedAt).toBe(ended);
    const w = waiting('7', []);
    const late = { type: 'decide', quarter: 1, situationId: w.situationId, choiceId: w.replies[0] };
    expect(await sock.ask(late, 'accepted')).toMatchObject({
      type: 'error',
      error: 'game_over',
      message: expect.stringContaining('ended play'),
    });
    // nothing opens any more
    expect(await command({ type: 'open-quarter', quarter: 3 })).toMatchObject({
      status: 409,
      body: { error: 'not_allowed' },
    });
    // the export has Cy unfinished, with no choices
    const exported = await json<{
      players: { name: string; finished: boolean; choices: string[] }[];
    }>(server.base, `/api/rooms/${room.code}/export.json`, { secret: room.secret });
    expect(exported.body.players).toEqual([
      expect.objectContaining({ name: 'Cy', finished: false, choices: [] }),
    ]);
    sock.close();
  });

  it('a debrief open from the start does not end play', async () => {
    const room = await createRoom(server.base, {
      release: { debrief: true, bestPath: false, whatIf: false },
    });
    const p = await join(server.base, room.code, 'Dee');
    const sock = await server.live(room.code);
    const welcome = await sock.ask({ type: 'hello', role: 'player', token: p.token }, 'welcome');
    expect(welcome).toMatchObject({ role: 'player' });
    expect('room' in welcome && welcome.room.endedAt).toBeFalsy();
    const w = waiting('7', []);
    const decide = {
      type: 'decide',
      quarter: 1,
      situationId: w.situationId,
      choiceId: w.replies[0],
    };
    expect(await sock.ask(decide, 'accepted')).toMatchObject({ type: 'accepted' });
    sock.close();
  });

  it('runs a timed room from its start, and refuses commands that do not fit the pacing', async () => {
    const room = await createRoom(server.base, { pacing: { mode: 'timer', seconds: 600 } });
    const command = (body: unknown) =>
      json(server.base, `/api/rooms/${room.code}/commands`, { body, secret: room.secret });
    expect(await command({ type: 'open-quarter', quarter: 2 })).toMatchObject({
      status: 409,
      body: { error: 'not_allowed' },
    });
    const p = await join(server.base, room.code, 'Tim');
    const sock = await server.live(room.code);
    await sock.ask({ type: 'hello', role: 'player', token: p.token }, 'welcome');
    const w = waiting('7', []);
    const decide = {
      type: 'decide',
      quarter: 1,
      situationId: w.situationId,
      choiceId: w.replies[0],
    };
    expect(await sock.ask(decide, 'accepted')).toMatchObject({ error: 'quarter_not_open' });
    const started = await command({ type: 'start' });
    expect(started.body).toMatchObject({ openQuarter: 1 });
    expect(started.body.startedAt).toEqual(expect.any(String));
    expect(await command({ type: 'start' })).toMatchObject({
      status: 409,
      body: { error: 'not_allowed' },
    });
    expect(await sock.ask(decide, 'accepted')).toMatchObject({ type: 'accepted' });
    const w2 = waiting('7', [w.replies[0]!]);
    const second = {
      type: 'decide',
      quarter: 2,
      situationId: w2.situationId,
      choiceId: w2.replies[0],
    };
    expect(await sock.ask(second, 'accepted')).toMatchObject({ error: 'quarter_not_open' });
    // ten minutes on, by the database's clock, quarter 2 opens with no timer running anywhere
    await server.db.query(
      "UPDATE rooms SET started_at = started_at - interval '600 seconds' WHERE code = $1",
      [room.code],
    );
    expect(await sock.ask(second, 'accepted')).toMatchObject({ type: 'accepted' });
    sock.close();
  });

  it('gives a trainee who comes back their game where they left it, and the room its results on release', async () => {
    const room = await createRoom(server.base, { seed: '11' });
    const bo = await join(server.base, room.code, 'Bo');
    const chosen: string[] = [];
    let sock = await server.live(room.code);
    await sock.ask({ type: 'hello', role: 'player', token: bo.token }, 'welcome');
    for (let q = 1; q <= 3; q++) {
      const w = waiting('11', chosen);
      const choiceId = w.replies[q % w.replies.length]!;
      expect(
        await sock.ask(
          { type: 'decide', quarter: q, situationId: w.situationId, choiceId },
          'accepted',
        ),
      ).toMatchObject({
        type: 'accepted',
      });
      chosen.push(choiceId);
    }
    sock.close();

    // a reload: a new socket, the same token
    sock = await server.live(room.code);
    const back = await sock.ask({ type: 'hello', role: 'player', token: bo.token }, 'welcome');
    expect(back).toMatchObject({
      game: { choices: chosen, situationId: waiting('11', chosen).situationId },
    });
    for (let q = 4; q <= room.quarters; q++) {
      const w = waiting('11', chosen);
      const choiceId = w.replies[0]!;
      await sock.ask(
        { type: 'decide', quarter: q, situationId: w.situationId, choiceId },
        'accepted',
      );
      chosen.push(choiceId);
    }
    const finalScore = score(silos.rubric, playChoices(silos, '11', chosen));

    const early = await json(server.base, `/api/rooms/${room.code}/results`, { secret: bo.token });
    expect(early).toMatchObject({ status: 403, body: { error: 'not_released' } });
    await json(server.base, `/api/rooms/${room.code}/commands`, {
      body: { type: 'release', release: { debrief: true } },
      secret: room.secret,
    });
    expect((await sock.next('room')).room.release).toEqual({
      debrief: true,
      bestPath: false,
      whatIf: false,
    });
    const released = await json(server.base, `/api/rooms/${room.code}/results`, {
      secret: bo.token,
    });
    expect(released.body).toEqual({
      players: [{ name: 'Bo', choices: chosen, score: finalScore }],
    });
    sock.close();
  });

  it('exports a CSV a facilitator reads in a spreadsheet: percentages, euros, fair score and pass', async () => {
    const room = await createRoom(server.base, {
      scenario: { kind: 'bundled', id: 'value-discipline' },
      seed: '11',
    });
    const seat = await join(server.base, room.code, 'Ana');
    const sock = await server.live(room.code);
    await sock.ask({ type: 'hello', role: 'player', token: seat.token }, 'welcome');
    const mine: string[] = [];
    for (let q = 1; q <= room.quarters; q++) {
      const state = playChoices(euros, '11', mine);
      const situation = situationById(euros, state.situationId!);
      const choiceId = situation.choices[q % situation.choices.length]!.id;
      await sock.ask(
        { type: 'decide', quarter: q, situationId: situation.id, choiceId },
        'accepted',
      );
      mine.push(choiceId);
    }
    sock.close();
    await join(server.base, room.code, 'Bo'); // joined, nothing decided yet

    const res = await fetch(`${server.base}/api/rooms/${room.code}/export.csv`, {
      headers: { authorization: `Bearer ${room.secret}` },
    });
    const [header, ana, bo] = parseCsv(await res.text());
    expect(header).toEqual([
      'player',
      'name',
      'joined (UTC)',
      'decisions',
      ...mine.map((_, i) => `q${i + 1}`),
      'finished',
      'score',
      'fair score (percentile)',
      'pass mark',
      'passed',
      'share and outlook (%)',
      'growth a year (%)',
      'plan attainment (%)',
      'morale (%)',
      'trust (%)',
      'brand (%)',
      "reps' earnings against the start (%)",
      'alignment (%)',
      'profit a quarter against the starting revenue (%)',
      'revenue, last quarter (EUR)',
      'profit, last quarter (EUR)',
    ]);
    // Ana's row as the facilitator reads it, worked out here from her choices
    const state = playChoices(euros, '11', mine);
    const grade = fairScoreOf(euros, state);
    const last = state.history.at(-1)!.metrics;
    const got = Object.fromEntries(header!.map((h, i) => [h, ana![i]]));
    expect(got.name).toBe('Ana');
    expect(got['joined (UTC)']).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(got.finished).toBe('yes');
    expect(got.score).toBe(String(score(euros.rubric, state)));
    expect(got['fair score (percentile)']).toBe(String(Math.round(grade.percentile!)));
    expect(got['pass mark']).toBe(String(euros.rubric.passMark));
    expect(got.passed).toBe(grade.passed ? 'yes' : 'no');
    const o = outcomes(state);
    for (const key of Object.keys(OUTCOME_LABELS) as Outcome[]) {
      const cell = ana![header!.findIndex((h) => h.endsWith('(%)') && h.includes(COLUMN[key]))]!;
      // one decimal at most, and the fraction's value
      expect(cell).toMatch(/^-?\d+(\.\d)?$/);
      expect(Number(cell)).toBeCloseTo(o[key] * 100, 1);
    }
    expect(got['share and outlook (%)']).toBe(String(Math.round(o.share * 1000) / 10));
    expect(got['revenue, last quarter (EUR)']).toBe(String(Math.round(last.revenue * 1000)));
    expect(got['profit, last quarter (EUR)']).toBe(String(Math.round(last.profit * 1000)));
    // Bo has not finished: no score, no grade, no pass mark to hold him to yet
    const notYet = Object.fromEntries(header!.map((h, i) => [h, bo![i]]));
    expect(notYet).toMatchObject({
      name: 'Bo',
      decisions: '0',
      finished: 'no',
      score: '',
      'fair score (percentile)': '',
      'pass mark': '',
      passed: '',
    });
    // nor outcomes or money: the market's starting figures are no result of Bo's
    for (const head of header!.filter((h) => h.includes('(%)') || h.includes('(EUR)')))
      expect(notYet[head], head).toBe('');

    // the JSON keeps the model's figures whole: fractions, euros, the same grade
    const exported = await json<{
      currency: string | null;
      passMark: number;
      players: {
        fairScore: number | null;
        passed: boolean | null;
        outcomes: Record<Outcome, number> | null;
        money: { revenue: number; profit: number } | null;
      }[];
    }>(server.base, `/api/rooms/${room.code}/export.json`, { secret: room.secret });
    expect(exported.body.currency).toBe('EUR');
    expect(exported.body.passMark).toBe(euros.rubric.passMark);
    expect(exported.body.players[0]).toMatchObject({
      fairScore: Math.round(grade.percentile!),
      passed: grade.passed,
      outcomes: o,
      money: { revenue: last.revenue * 1000, profit: last.profit * 1000 },
    });
    expect(exported.body.players[1]).toMatchObject({ fairScore: null, passed: null });
  }, 120_000);

  it("exports a CSV that matches the server's replay, and deletes a room with all its data", async () => {
    const room = await createRoom(server.base, { seed: '3' });
    const players = [
      await join(server.base, room.code, '=cmd|calc'),
      await join(server.base, room.code, 'Cy'),
    ];
    const chosen: string[][] = [];
    for (const [i, p] of players.entries()) {
      const sock = await server.live(room.code);
      await sock.ask({ type: 'hello', role: 'player', token: p.token }, 'welcome');
      const mine: string[] = [];
      for (let q = 1; q <= (i === 0 ? room.quarters : 2); q++) {
        const w = waiting('3', mine);
        const choiceId = w.replies[(q + i) % w.replies.length]!;
        await sock.ask(
          { type: 'decide', quarter: q, situationId: w.situationId, choiceId },
          'accepted',
        );
        mine.push(choiceId);
      }
      chosen.push(mine);
      sock.close();
    }
    const csv = await fetch(`${server.base}/api/rooms/${room.code}/export.csv`, {
      headers: { authorization: `Bearer ${room.secret}` },
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const [header, ...rows] = parseCsv(await csv.text());
    const col = (name: string) => header!.indexOf(name);
    expect(rows).toHaveLength(2);
    for (const [i, row] of rows.entries()) {
      const choices = Array.from({ length: room.quarters }, (_, q) => row[col(`q${q + 1}`)]).filter(
        Boolean,
      );
      expect(choices).toEqual(chosen[i]);
      const state = playChoices(silos, '3', choices as string[]);
      expect(row[col('finished')]).toBe(state.situationId === null ? 'yes' : 'no');
      expect(row[col('score')]).toBe(
        state.situationId === null ? String(score(silos.rubric, state)) : '',
      );
    }
    const exported = await json<{
      players: { name: string; choices: string[]; score: number | null }[];
    }>(server.base, `/api/rooms/${room.code}/export.json`, { secret: room.secret });
    expect(exported.body.players.map((p) => p.choices)).toEqual(chosen);
    expect(exported.body.players.map((p) => String(p.score ?? ''))).toEqual(
      rows.map((r) => r[col('score')]),
    );
    // a name that a spreadsheet would run as a formula is written as text
    expect(rows[0]![col('name')]).toBe("'=cmd|calc");

    const [{ id } = { id: '' }] = await server.db.query<{ id: string }>(
      'SELECT id FROM rooms WHERE code = $1',
      [room.code],
    );
    const gone = await json(server.base, `/api/rooms/${room.code}`, {
      method: 'DELETE',
      secret: room.secret,
    });
    expect(gone.status).toBe(204);
    expect((await json(server.base, `/api/rooms/${room.code}`)).body).toMatchObject({
      error: 'no_room',
    });
    const left = await server.db.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM players WHERE room_id = $1)::int
            + (SELECT count(*) FROM decisions WHERE room_id = $1)::int AS n`,
      [id],
    );
    expect(left[0]!.n).toBe(0);
  });

  it("refuses an uploaded scenario with scenario:check's own errors and positions, and plays a good one", async () => {
    const text = 'schemaVersion: "1.0"\nid: broken\ntitle: 3\n';
    const res = await json<{ error: string; issues: { text: string }[] }>(
      server.base,
      '/api/rooms',
      {
        body: {
          scenario: { kind: 'upload', text, fileName: 'mine.yaml' },
          seed: '1',
          pacing: { mode: 'self' },
        },
      },
    );
    expect(res.status).toBe(422);
    const expected = loadScenario(text, 'mine.yaml');
    expect(expected.ok).toBe(false);
    if (!expected.ok)
      expect(res.body.issues.map((i) => i.text)).toEqual(expected.issues.map(formatIssue));

    const tutorial = loadBundledScenarios().find((b) => b.scenario.id === 'tutorial')!;
    const { readFileSync } = await import('node:fs');
    const upload = readFileSync(tutorial.file, 'utf8').replace('id: tutorial', 'id: my-tutorial');
    const made = await json<{ room: { code: string; scenario: { id: string; source: string } } }>(
      server.base,
      '/api/rooms',
      { body: { scenario: { kind: 'upload', text: upload }, seed: '1', pacing: { mode: 'self' } } },
    );
    expect(made.status).toBe(201);
    expect(made.body.room.scenario).toMatchObject({ id: 'my-tutorial', source: 'upload' });
    const stored = await json<{ text: string }>(
      server.base,
      `/api/rooms/${made.body.room.code}/scenario`,
    );
    expect(stored.body.text).toBe(upload);
  });

  it('counts a trainee as connected only while their server process proves it is alive', async () => {
    const room = await createRoom(server.base);
    const p = await join(server.base, room.code, 'Gil');
    const sock = await server.live(room.code);
    await sock.ask({ type: 'hello', role: 'player', token: p.token }, 'welcome');
    const view = async () =>
      (
        await json<{ players: { name: string; connected: boolean }[] }>(
          server.base,
          `/api/rooms/${room.code}/admin`,
          { secret: room.secret },
        )
      ).body.players;
    expect(await view()).toMatchObject([{ name: 'Gil', connected: true }]);
    // the process holding the socket stops proving it is alive (as a crashed one would)
    const holding = 'id IN (SELECT instance_id FROM connections WHERE player_id = $1)';
    await server.db.query(
      `UPDATE server_instances SET seen_at = now() - interval '31 seconds' WHERE ${holding}`,
      [p.id],
    );
    expect(await view()).toMatchObject([{ name: 'Gil', connected: false }]);
    await server.db.query(`UPDATE server_instances SET seen_at = now() WHERE ${holding}`, [p.id]);
    expect(await view()).toMatchObject([{ name: 'Gil', connected: true }]);
    sock.close();
  });

  it('forgets a room once it expires, for every request, and the sweep removes its rows', async () => {
    const room = await createRoom(server.base);
    await join(server.base, room.code, 'Dee');
    await server.db.query(
      "UPDATE rooms SET expires_at = now() - interval '1 second' WHERE code = $1",
      [room.code],
    );
    expect((await json(server.base, `/api/rooms/${room.code}`)).status).toBe(404);
    const { sweep } = await import('../../src/server/rooms/manage.ts');
    expect(await sweep(server.db)).toBeGreaterThanOrEqual(1);
    const rows = await server.db.query('SELECT 1 FROM rooms WHERE code = $1', [room.code]);
    expect(rows).toHaveLength(0);
  });
});
