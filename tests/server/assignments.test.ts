import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/csv.ts';
import { marketNumber } from '../../src/lib/market-number.ts';
import { verify } from '../../src/record/record.ts';
import { checkSignature, type KeySet, type SignedResultFile } from '../../src/record/signed.ts';
import type { CohortView, PublicAssignment, TraineeStatus } from '../../src/room/assignments.ts';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import {
  bestPath,
  fairScoreOf,
  MODEL_VERSION,
  marketVariant,
  playChoices,
  situationById,
} from '../../src/sim/index.ts';
import { marketCensus } from '../../src/workers/fair-score.ts';
import {
  bundled,
  createAssignment,
  decide,
  playThrough,
  start,
  tokenOf,
} from './assignment-helpers.ts';
import { serveDuringSuite } from './harness.ts';
import { DATABASES, json } from './helpers.ts';

// Assessed assignments on the server, played through the API, and each way a trainee who
// wants a better grade might try to get one (issue 18): each is refused with a clear reason
// or cannot happen. The signed result itself is tested in signing.test.ts.

const tutorial = bundled('tutorial');
const scenarios = new Map(loadBundledScenarios().map((b) => [b.scenario.id, b]));
const ANA = 'ana@example.com';
const BEN = 'ben@example.com';

describe.each(DATABASES)('assignments on $kind', ({ open }) => {
  const server = serveDuringSuite(open);

  const keys = async () => (await json<KeySet>(server.base, '/.well-known/jwks.json')).body;

  it('opening the personal link starts no attempt: only Start does, and the cohort says so', async () => {
    const made = await createAssignment(server.base);
    const id = made.assignment.id;
    const token = tokenOf(made, ANA);
    const cohortRow = async () =>
      (
        await json<CohortView>(server.base, `/api/assignments/${id}/cohort`, {
          secret: made.adminSecret,
        })
      ).body.trainees.find((t) => t.trainee === ANA);
    // everything the game page reads when the link opens, before the trainee presses Start
    for (let reload = 0; reload < 2; reload++) {
      expect((await json(server.base, `/api/assignments/${id}`)).status).toBe(200);
      expect((await json(server.base, `/api/assignments/${id}/scenario`)).status).toBe(200);
      const me = await json<TraineeStatus>(server.base, `/api/assignments/${id}/me`, {
        secret: token,
      });
      expect(me.body).toMatchObject({ attemptsUsed: 0, attempts: [] });
    }
    expect(await cohortRow()).toMatchObject({ status: 'not started', attemptsUsed: 0 });
    // Start: the attempt is dealt and counts from now
    expect((await start(server.base, id, token)).status).toBe(201);
    expect(await cohortRow()).toMatchObject({ status: 'in progress', attemptsUsed: 1 });
  });

  it('deals the market when the attempt starts, grades it on the server and signs the result', async () => {
    const made = await createAssignment(server.base);
    const id = made.assignment.id;
    const token = tokenOf(made, ANA);

    // before the attempt, the market exists nowhere: not in the link's answers
    const pub = await json<PublicAssignment>(server.base, `/api/assignments/${id}`);
    expect(pub.body).toMatchObject({ title: 'Sales academy, March', passMark: 50, attempts: 2 });
    expect(JSON.stringify(pub.body)).not.toMatch(/seed/);
    const me = await json<TraineeStatus>(server.base, `/api/assignments/${id}/me`, {
      secret: token,
    });
    expect(me.body).toMatchObject({ name: ANA, attemptsUsed: 0, attempts: [] });

    const started = await start(server.base, id, token);
    expect(started.status).toBe(201);
    const attempt = started.body.attempt;
    expect(attempt).toMatchObject({ number: 1, choices: [], finishedAt: null });
    expect(attempt.situationId).toBe(playChoices(tutorial, attempt.seed, []).situationId);

    const done = await playThrough(server.base, id, token, tutorial, attempt);
    expect(done.situationId).toBeNull();
    const expected = fairScoreOf(tutorial, playChoices(tutorial, attempt.seed, done.choices), 50);
    expect(done).toMatchObject({
      score: expected.raw,
      fairScore: expected.grade,
      passed: expected.passed,
    });

    const result = await json<SignedResultFile>(
      server.base,
      `/api/assignments/${id}/attempts/1/result`,
      {
        secret: token,
      },
    );
    expect(result.status).toBe(200);
    const file = result.body;
    expect(file.record).toMatchObject({
      seed: attempt.seed,
      choices: done.choices,
      player: ANA,
      session: id,
      attempt: 1,
      score: expected.raw,
      terms: { passMark: 50, attempts: 2 },
    });
    expect(file.server).toMatchObject({ trainee: ANA, attempt: 1, fairScore: expected.grade });
    expect(file.server.decisions).toHaveLength(tutorial.quarters);
    // replayed as HR's verifier replays any result, and signed by the key the server publishes
    expect(verify(file.record, scenarios).genuine).toBe(true);
    const jwks = await keys();
    expect(jwks.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: file.signature.kid });
    expect(JSON.stringify(jwks)).not.toMatch(/"d"/);
    expect(checkSignature(file, jwks)).toEqual({ kind: 'signed', kid: file.signature.kid });
  });

  it('deals every attempt a fresh market of its own, unknown beforehand', async () => {
    const made = await createAssignment(server.base, { attempts: 3 });
    const id = made.assignment.id;
    const seeds = new Set<string>();
    for (const name of [ANA, BEN]) {
      for (let i = 0; i < 3; i++) {
        const a = (await start(server.base, id, tokenOf(made, name))).body.attempt;
        seeds.add(a.seed);
        await playThrough(server.base, id, tokenOf(made, name), tutorial, a);
      }
    }
    expect(seeds.size).toBe(6);
    for (const s of seeds) expect(s).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });

  it('cheat: copying a colleague’s replies: consecutive attempts are dealt different starting situations', async () => {
    // the tutorial with three market variants, uploaded as HR would
    const text = readFileSync(
      new URL('../../scenarios/tutorial.yaml', import.meta.url),
      'utf8',
    ).replace(
      /\nsituations:/,
      `
markets:
  - { id: green, brief: "A new team." }
  - { id: seasoned, brief: "A seasoned team." }
  - { id: burned, brief: "A customer burned last year.", customer: { trust: 0.05 } }
situations:`,
    );
    const made = await createAssignment(server.base, {
      scenario: { kind: 'upload', text },
      attempts: 2,
      trainees: ['a@example.com', 'b@example.com', 'c@example.com'],
    });
    const id = made.assignment.id;
    const scenario = loadScenario(text, 'upload.yaml');
    if (!scenario.ok) throw new Error('the test scenario does not load');
    const dealt: (string | undefined)[] = [];
    for (const name of ['a@example.com', 'b@example.com', 'c@example.com']) {
      const a = (await start(server.base, id, tokenOf(made, name))).body.attempt;
      dealt.push(marketVariant(scenario.scenario, a.seed)?.id);
    }
    // three colleagues who start one after the other read three different markets
    expect(dealt).toEqual(['green', 'seasoned', 'burned']);
  });

  it('cheat: copying a colleague’s replies: in a shipped scenario, a colleague’s best path typed in on the next market dealt is graded far below hers', async () => {
    const vd = bundled('value-discipline');
    const made = await createAssignment(server.base, {
      scenario: { kind: 'bundled', id: 'value-discipline' },
      attempts: 1,
      passMark: 60,
    });
    const id = made.assignment.id;
    // Ana plays her own market's best path, as a strong trainee would
    const first = (await start(server.base, id, tokenOf(made, ANA))).body.attempt;
    const hers = marketCensus(vd, first.seed).par.find((p) => p.policy === 'best')!.choices;
    const anaDone = await playThrough(
      server.base,
      id,
      tokenOf(made, ANA),
      vd,
      first,
      (_, q) => hers[q - 1]!,
    );
    expect(anaDone.fairScore).toBeGreaterThanOrEqual(95);
    expect(anaDone.passed).toBe(true);
    // Ben starts next, is dealt the next starting situation, and types in Ana's replies
    const second = (await start(server.base, id, tokenOf(made, BEN))).body.attempt;
    expect(marketVariant(vd, second.seed)?.id).not.toBe(marketVariant(vd, first.seed)?.id);
    const benDone = await playThrough(
      server.base,
      id,
      tokenOf(made, BEN),
      vd,
      second,
      (replies, q) => (replies.includes(hers[q - 1]!) ? hers[q - 1]! : replies[0]!),
    );
    expect(benDone.choices).toEqual(hers);
    // over 10,000 such pairs of markets (100 seasoned x 100 new team, drawn as the server
    // draws them) the copy never went above the 33rd percentile
    expect(benDone.fairScore).toBeLessThanOrEqual(40);
    expect(benDone.passed).toBe(false);
  });

  it('cheat: typing in the best path worked out for a guessed seed', async () => {
    const made = await createAssignment(server.base, { attempts: 1 });
    const id = made.assignment.id;
    const token = tokenOf(made, ANA);
    const guessed = bestPath(tutorial, '7');

    // nothing is accepted before the attempt starts
    const early = await decide(server.base, id, token, 1, {
      quarter: 1,
      situationId: playChoices(tutorial, '7', []).situationId,
      choiceId: guessed.choices[0],
    });
    expect(early.status).toBe(404);
    expect(early.body.error).toBe('no_attempt');

    const attempt = (await start(server.base, id, token)).body.attempt;
    expect(attempt.seed).not.toBe('7');
    // the whole path at once: only the next quarter is open
    const ahead = await decide(server.base, id, token, 1, {
      quarter: 3,
      situationId: playChoices(tutorial, '7', guessed.choices.slice(0, 2)).situationId,
      choiceId: guessed.choices[2],
    });
    expect(ahead.status).toBe(409);
    expect(ahead.body).toMatchObject({ error: 'quarter_not_open' });
    expect(ahead.body.message).toContain('the next is 1');

    // a reply the waiting situation does not offer
    const offered = await decide(server.base, id, token, 1, {
      quarter: 1,
      situationId: attempt.situationId,
      choiceId: 'walk-away-with-the-bonus',
    });
    expect(offered.body).toMatchObject({ error: 'not_offered' });

    // typed in anyway, the guessed path is graded on the market the server dealt
    const done = await playThrough(server.base, id, token, tutorial, attempt, (replies, q) =>
      replies.includes(guessed.choices[q - 1]!) ? guessed.choices[q - 1]! : replies[0]!,
    );
    const onDealt = fairScoreOf(tutorial, playChoices(tutorial, attempt.seed, done.choices), 50);
    expect(done.score).toBe(onDealt.raw);
    expect(done.fairScore).toBe(onDealt.grade);
    // and the game over, nothing more is taken
    const after = await decide(server.base, id, token, 1, {
      quarter: tutorial.quarters,
      situationId: situationById(tutorial, playChoices(tutorial, '7', []).situationId!).id,
      choiceId: 'x',
    });
    expect(after.body).toMatchObject({ error: 'game_over' });
  });

  it('cheat: a fresh browser for another attempt: attempts are counted on the server', async () => {
    const made = await createAssignment(server.base, { attempts: 2 });
    const id = made.assignment.id;
    const token = tokenOf(made, BEN);
    const first = (await start(server.base, id, token)).body.attempt;
    // a second browser (the same link) resumes the attempt in play: no new market to fish in
    const again = await start(server.base, id, token);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ resumed: true, attempt: { number: 1, seed: first.seed } });
    await playThrough(server.base, id, token, tutorial, first);

    // three browsers starting at once make one attempt, not three
    const racing = await Promise.all([1, 2, 3].map(() => start(server.base, id, token)));
    expect(new Set(racing.map((r) => r.body.attempt.number))).toEqual(new Set([2]));
    expect(racing.filter((r) => r.status === 201)).toHaveLength(1);
    await playThrough(server.base, id, token, tutorial, racing[0]!.body.attempt);

    const over = await start(server.base, id, token);
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ error: 'attempts_used' });
    expect((over.body as unknown as { message: string }).message).toBe(
      'all 2 attempts allowed are used',
    );
    const me = await json<TraineeStatus>(server.base, `/api/assignments/${id}/me`, {
      secret: token,
    });
    expect(me.body.attemptsUsed).toBe(2);
  });

  it('an attempt dealt under model 3 is played on, graded and signed under model 3, and a new one is dealt under this model', async () => {
    const made = await createAssignment(server.base, { attempts: 2 });
    const id = made.assignment.id;
    const token = tokenOf(made, ANA);
    const first = (await start(server.base, id, token)).body.attempt;
    expect(first).not.toHaveProperty('model');
    // as the database holds an attempt dealt before the upgrade to this model
    await server.db.query(
      `UPDATE attempts SET model = 3 WHERE trainee_id IN
         (SELECT id FROM trainees WHERE assignment_id = $1)`,
      [id],
    );
    // resumed, not voided: the page is told to play it by model 3's rules
    const resumed = await start(server.base, id, token);
    expect(resumed.body).toMatchObject({ resumed: true, attempt: { number: 1, model: 3 } });
    const done = await playThrough(server.base, id, token, tutorial, resumed.body.attempt);
    expect(done).toMatchObject({ situationId: null, voided: null, model: 3 });
    const result = await json<SignedResultFile>(
      server.base,
      `/api/assignments/${id}/attempts/1/result`,
      { secret: token },
    );
    // its record says model 3 played it, and verifies to the score the server graded
    expect(result.body.record.model).toBe(3);
    const verdict = verify(result.body.record, scenarios);
    expect(verdict.genuine && verdict.scenario.model).toBe(3);
    expect(verdict.genuine && verdict.replay.score).toBe(done.score);
    // the next attempt is dealt under this model
    const second = await start(server.base, id, token);
    expect(second.body.attempt).toMatchObject({ number: 2, voided: null });
    expect(second.body.attempt).not.toHaveProperty('model');
    const [row] = await server.db.query<{ model: number }>(
      `SELECT a.model FROM attempts a JOIN trainees t ON t.id = a.trainee_id
        WHERE t.assignment_id = $1 AND a.number = 2`,
      [id],
    );
    expect(row?.model).toBe(MODEL_VERSION);
  });

  it('an attempt left open when the server moved to a model that no longer replays it is closed as void, says why, and costs no attempt', async () => {
    const made = await createAssignment(server.base, { attempts: 1 });
    const id = made.assignment.id;
    const token = tokenOf(made, ANA);
    const first = (await start(server.base, id, token)).body.attempt;
    const quarter1 = {
      quarter: 1,
      situationId: first.situationId!,
      choiceId: situationById(tutorial, first.situationId!).choices[0]!.id,
    };
    expect((await decide(server.base, id, token, 1, quarter1)).status).toBe(200);
    // as the database holds it after an upgrade: dealt by a model this version cannot replay
    const older = 2;
    await server.db.query(
      `UPDATE attempts SET model = $2 WHERE trainee_id IN
         (SELECT id FROM trainees WHERE assignment_id = $1)`,
      [id, older],
    );

    const refused = await decide(server.base, id, token, 1, { ...quarter1, quarter: 2 });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: 'other_model' });
    expect((refused.body as unknown as { message: string }).message).toContain(
      `attempt 1 was made by model ${older} of the simulation`,
    );

    // starting again deals a new market in attempt 2; the old one is kept, void, with its reason
    const fresh = await start(server.base, id, token);
    expect(fresh.status).toBe(201);
    expect(fresh.body.attempt).toMatchObject({ number: 2, choices: [], voided: null });
    const me = await json<TraineeStatus>(server.base, `/api/assignments/${id}/me`, {
      secret: token,
    });
    // the one attempt allowed is the new one: the void one is not counted
    expect(me.body.attemptsUsed).toBe(1);
    expect(me.body.attempts[0]!.choices).toEqual([quarter1.choiceId]);
    expect(me.body.attempts[0]!.voided).toMatch(/closed without a grade and does not count/);
    const cohort = await json<CohortView>(server.base, `/api/assignments/${id}/cohort`, {
      secret: made.adminSecret,
    });
    expect(cohort.body.trainees.find((t) => t.trainee === ANA)).toMatchObject({
      status: 'in progress',
      attemptsUsed: 1,
      bestAttempt: null,
    });
    await playThrough(server.base, id, token, tutorial, fresh.body.attempt);
    const after = await json<CohortView>(server.base, `/api/assignments/${id}/cohort`, {
      secret: made.adminSecret,
    });
    expect(after.body.trainees.find((t) => t.trainee === ANA)).toMatchObject({
      // graded on attempt 2 (failed or passed, by its play); the void attempt is never the best
      status: expect.stringMatching(/^(submitted|over attempts)$/),
      attemptsUsed: 1,
      bestAttempt: 2,
    });
  });

  it('cheat: enrolling again under the same name, or on a listed assignment', async () => {
    const open = await createAssignment(server.base, { trainees: undefined, attempts: 1 });
    expect(open.assignment.openEnrolment).toBe(true);
    const id = open.assignment.id;
    const first = await json<{ token: string }>(server.base, `/api/assignments/${id}/trainees`, {
      body: { name: 'Chidi' },
    });
    expect(first.status).toBe(201);
    const second = await json(server.base, `/api/assignments/${id}/trainees`, {
      body: { name: 'Chidi' },
    });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ error: 'name_taken' });

    const listed = await createAssignment(server.base);
    const refused = await json(server.base, `/api/assignments/${listed.assignment.id}/trainees`, {
      body: { name: 'Mallory' },
    });
    expect(refused.body).toMatchObject({ error: 'enrolment_closed' });
    // another assignment's token does not work here
    const wrong = await start(server.base, listed.assignment.id, first.body.token);
    expect(wrong.body).toMatchObject({ error: 'wrong_room' });
    const none = await start(server.base, listed.assignment.id, 'x'.repeat(43));
    expect(none.status).toBe(401);
  });

  it('cheat: playing after the due date, by the server clock', async () => {
    const past = await createAssignment(server.base, {
      due: new Date(Date.now() - 60_000).toISOString(),
    });
    const late = await start(server.base, past.assignment.id, tokenOf(past, ANA));
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ error: 'past_due' });

    // an attempt started in time cannot be finished after the due moment
    const soon = await createAssignment(server.base, {
      due: new Date(Date.now() + 1500).toISOString(),
    });
    const token = tokenOf(soon, ANA);
    const attempt = (await start(server.base, soon.assignment.id, token)).body.attempt;
    await new Promise((r) => setTimeout(r, 1800));
    const situation = situationById(tutorial, attempt.situationId!);
    const refused = await decide(server.base, soon.assignment.id, token, 1, {
      quarter: 1,
      situationId: situation.id,
      choiceId: situation.choices[0]!.id,
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: 'past_due' });
  });

  it("HR's cohort: every trainee's status and best grade, as JSON and CSV, with the admin secret only", async () => {
    const made = await createAssignment(server.base, {
      attempts: 1,
      trainees: [ANA, BEN, '=cmd|calc'],
    });
    const id = made.assignment.id;
    const a = (await start(server.base, id, tokenOf(made, ANA))).body.attempt;
    const done = await playThrough(server.base, id, tokenOf(made, ANA), tutorial, a);
    await start(server.base, id, tokenOf(made, BEN));

    const denied = await json(server.base, `/api/assignments/${id}/cohort`, {
      secret: tokenOf(made, ANA),
    });
    expect(denied.status).toBe(401);
    const view = await json<CohortView>(server.base, `/api/assignments/${id}/cohort`, {
      secret: made.adminSecret,
    });
    const byName = Object.fromEntries(view.body.trainees.map((t) => [t.trainee, t]));
    expect(byName[ANA]).toMatchObject({
      status: done.passed ? 'submitted' : 'over attempts',
      attemptsUsed: 1,
      bestAttempt: 1,
      fairScore: done.fairScore,
      passed: done.passed,
    });
    expect(byName[BEN]).toMatchObject({
      status: 'in progress',
      attemptsUsed: 1,
      quartersDecided: 0,
      fairScore: null,
    });
    expect(byName['=cmd|calc']).toMatchObject({ status: 'not started', attemptsUsed: 0 });
    // the market each trainee plays or last played, which HR's page names by its short number
    expect(byName[ANA]!.latestSeed).toBe(a.seed);
    expect(byName['=cmd|calc']!.latestSeed).toBeNull();

    const csv = await fetch(`${server.base}/api/assignments/${id}/cohort.csv`, {
      headers: { authorization: `Bearer ${made.adminSecret}` },
    });
    const rows = parseCsv(await csv.text());
    expect(rows[0]).toEqual([
      'trainee',
      'status',
      'passed',
      'fair_score',
      'score',
      'best_attempt',
      'attempts_used',
      'attempts_allowed',
      'pass_mark',
      'due',
      'last_activity',
      'quarters_decided',
      'latest_market',
      'latest_seed',
      'best_market',
      'best_seed',
      'each_attempt',
    ]);
    const anaRow = rows.find((r) => r[0] === ANA)!;
    expect(anaRow.slice(-5, -3)).toEqual([`#${marketNumber(a.seed)}`, a.seed]);
    expect(rows.find((r) => r[0] === ANA)!.slice(1, 4)).toEqual([
      done.passed ? 'submitted' : 'over attempts',
      done.passed ? 'yes' : 'no',
      String(done.fairScore),
    ]);
    // a name that looks like a formula is written as text
    expect(rows.some((r) => r[0] === "'=cmd|calc")).toBe(true);

    const download = await json<SignedResultFile>(
      server.base,
      `/api/assignments/${id}/results/1?trainee=${encodeURIComponent(ANA)}`,
      { secret: made.adminSecret },
    );
    expect(download.body.record).toMatchObject({ player: ANA, attempt: 1 });
  });

  it('refuses a malformed assignment, and an uploaded scenario with errors, saying why', async () => {
    const bad = await json(server.base, '/api/assignments', {
      body: {
        title: 'x',
        scenario: { kind: 'bundled', id: 'tutorial' },
        passMark: 150,
        attempts: 1,
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: 'malformed' });
    const broken = await json(server.base, '/api/assignments', {
      body: {
        title: 'x',
        scenario: { kind: 'upload', text: 'id: broken\nquarters: nine\n' },
        passMark: 50,
        attempts: 1,
      },
    });
    expect(broken.status).toBe(422);
    expect(broken.body).toMatchObject({ error: 'scenario_invalid' });
    const twice = await json(server.base, '/api/assignments', {
      body: {
        title: 'x',
        scenario: { kind: 'bundled', id: 'tutorial' },
        passMark: 50,
        attempts: 1,
        trainees: ['Ana', 'Ana'],
      },
    });
    expect(twice.body).toMatchObject({
      error: 'malformed',
      message: '"Ana" is on the trainee list twice',
    });
  });
});
