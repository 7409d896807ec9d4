import { decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CohortView } from '../../src/room/assignments.ts';
import type { RoomServer } from '../../src/server/app.ts';
import type { Database } from '../../src/server/db/database.ts';
import { INSTRUCTOR_AUDIENCE } from '../../src/server/lti/launch.ts';
import { MAX_TRIES } from '../../src/server/lti/passback.ts';
import { GRACE_DAYS, ToolKey } from '../../src/server/lti/tool-key.ts';
import { bundled, createAssignment, playThrough, start } from '../server/assignment-helpers.ts';
import { DATABASES, json } from '../server/helpers.ts';
import { CLIENT_ID, formFields, ROLE, TestPlatform } from './platform.ts';
import { launchFrom, postForm, step, toolWithPlatform, until } from './steps.ts';

// The game as an LTI 1.3 tool, against a platform written to the IMS specifications
// (platform.ts): a learner launched from a course plays an assessed attempt through the
// server and the platform's gradebook receives the grade; an instructor places an
// assessment by deep linking and sees the cohort; and the launches an attacker might try
// (posted again, signed with another key, meant for another tool, expired) are refused
// with a page saying why.

const ADMIN = 'admin-secret-for-the-tests';
const tutorial = bundled('tutorial');

describe.each(DATABASES)('LTI 1.3 on $kind', ({ open }) => {
  let db: Database;
  let server: RoomServer;
  let base: string;
  let platform: TestPlatform;
  let assignmentId: string;
  let adminSecret: string;

  beforeAll(async () => {
    db = await open();
    ({ server, base, platform } = await toolWithPlatform(db, ADMIN));
    const made = await createAssignment(base, { attempts: 2, passMark: 50 });
    assignmentId = made.assignment.id;
    adminSecret = made.adminSecret;
  }, 120_000);
  afterAll(async () => {
    await platform?.close();
    await server?.close();
    await db?.close();
  });
  beforeEach(() => {
    platform.plan = TestPlatform.learnerPlan({ assignment: assignmentId });
  });

  it('registers platforms only with the admin secret, and checks what it is given', async () => {
    const none = await json(base, '/api/lti/platforms', { body: platform.registration() });
    expect(none.status).toBe(401);
    const wrong = await json(base, '/api/lti/platforms', {
      body: platform.registration(),
      secret: 'x'.repeat(30),
    });
    expect(wrong.status).toBe(401);
    const bad = await json<{ message: string }>(base, '/api/lti/platforms', {
      body: { ...platform.registration(), jwksUrl: 'javascript:alert(1)' },
      secret: ADMIN,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('jwksUrl');
    const list = await json<{ platforms: { issuer: string }[]; tool: { jwksUrl: string } }>(
      base,
      '/api/lti/platforms',
      {
        secret: ADMIN,
      },
    );
    expect(list.body.platforms.map((p) => p.issuer)).toContain(platform.issuer);
    expect(list.body.tool.jwksUrl).toBe(`${base}/lti/jwks`);
    const jwks = await json<{ keys: { kty: string; alg: string; kid: string; d?: string }[] }>(
      base,
      '/lti/jwks',
    );
    // one key, or on a PostgreSQL database kept from an earlier run, those of its rotations
    expect(jwks.body.keys.length).toBeGreaterThanOrEqual(1);
    for (const key of jwks.body.keys) {
      expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256' });
      expect(key.d).toBeUndefined();
    }
  });

  it('launches a learner into the assessment, and the platform receives the grade the server gave', async () => {
    const launched = await launchFrom(platform);
    expect(launched.status, launched.text).toBe(303);
    const to = new URL(launched.location!, base);
    expect(to.pathname).toBe('/');
    expect(to.searchParams.get('assess')).toBe(assignmentId);
    const token = to.searchParams.get('t')!;
    const started = await start(base, assignmentId, token);
    expect(started.status).toBe(201);
    const finished = await playThrough(base, assignmentId, token, tutorial, started.body.attempt);
    expect(finished.fairScore).not.toBeNull();
    const score = await until(() => platform.scores[0]);
    expect(score.lineitem).toBe(platform.lineitem);
    expect(score.contentType).toBe('application/vnd.ims.lis.v1.score+json');
    expect(score.body).toMatchObject({
      userId: 'user-ana-7731',
      scoreGiven: finished.fairScore,
      scoreMaximum: 100,
      activityProgress: 'Completed',
      gradingProgress: 'FullyGraded',
    });
    expect(Math.abs(Date.parse(score.body.timestamp as string) - Date.now())).toBeLessThan(60_000);
    expect(platform.tokenRequests.at(-1)).toMatchObject({
      scope: 'https://purl.imsglobal.org/spec/lti-ags/scope/score',
      ok: true,
    });
    // HR's cohort has the learner under the name the platform gave
    const cohort = await json<CohortView>(base, `/api/assignments/${assignmentId}/cohort`, {
      secret: adminSecret,
    });
    expect(cohort.body.trainees.find((t) => t.trainee === 'Ana Souza')).toMatchObject({
      status: 'submitted',
      fairScore: finished.fairScore,
    });
  });

  it('a second launch of the same learner is the same trainee, and only the newest token plays', async () => {
    const first = new URL((await launchFrom(platform)).location!, base).searchParams.get('t')!;
    const second = new URL((await launchFrom(platform)).location!, base).searchParams.get('t')!;
    expect(second).not.toBe(first);
    const old = await json(base, `/api/assignments/${assignmentId}/me`, { secret: first });
    expect(old.status).toBe(401);
    const me = await json<{ name: string; attemptsUsed: number }>(
      base,
      `/api/assignments/${assignmentId}/me`,
      {
        secret: second,
      },
    );
    expect(me.body.name).toBe('Ana Souza');
    expect(me.body.attemptsUsed).toBe(1);
  });

  it('refuses a launch posted a second time, and an old id_token under a fresh login (nonce)', async () => {
    await launchFrom(platform);
    const replay = await postForm(`${base}/lti/launch`, platform.lastLaunch!);
    expect(replay.status).toBe(401);
    expect(replay.text).toContain('has been used already');
    expect(replay.text).not.toMatch(/Error:|\n\s+at /); // no stack trace
    // a fresh login gives a fresh state; the old token carries the old nonce
    const stolen = platform.lastLaunch!.id_token;
    const login = await step(platform.loginUrl());
    const state = new URL(login.location!).searchParams.get('state')!;
    const forged = await postForm(`${base}/lti/launch`, { id_token: stolen, state }, login.cookies);
    expect(forged.status).toBe(401);
    expect(forged.text).toContain('nonce');
  });

  it("binds the login's state to the browser: a state taken to another browser is refused", async () => {
    const login = await step(platform.loginUrl());
    expect(login.cookies).toMatch(/^tow-lti-[\w-]+=1$/);
    const auth = await step(login.location!);
    const { action, fields } = formFields(auth.text);
    // the victim's browser, holding no cookie of this login, is made to post it (login CSRF)
    const elsewhere = await postForm(action, fields);
    expect(elsewhere.status).toBe(401);
    expect(elsewhere.text).toContain('third-party cookies');
    // holding another login's cookie is no better
    const other = await step(platform.loginUrl());
    const mixed = await postForm(action, fields, other.cookies);
    expect(mixed.status).toBe(401);
    expect(mixed.text).toContain('did not start in this browser');
    // a state no login made, with characters no cookie name may hold, is refused as such
    const odd = await postForm(action, { ...fields, state: 'a b;c=d' }, login.cookies);
    expect(odd.status).toBe(401);
    expect(odd.text).toContain('has been used already, or did not start here');
    // the refused posts spoilt nothing: the browser that logged in launches
    const own = await postForm(action, fields, login.cookies);
    expect(own.status, own.text).toBe(303);
    expect(own.cookies).toMatch(/^tow-lti-[\w-]+=$/); // its cookie is spent with the state
  });

  it('refuses an id_token signed with a key the platform does not hold, meant for another tool, or expired', async () => {
    platform.plan.misuse = 'wrong-key';
    const rogue = await launchFrom(platform);
    expect(rogue.status).toBe(401);
    expect(rogue.text).toContain('not signed by the platform');
    platform.plan.misuse = 'wrong-audience';
    const other = await launchFrom(platform);
    expect(other.status).toBe(401);
    expect(other.text).toContain(`client id ${CLIENT_ID}`);
    platform.plan.misuse = 'expired';
    const late = await launchFrom(platform);
    expect(late.status).toBe(401);
    expect(late.text).toContain('expired');
  });

  it('refuses a login from a platform no one registered, and a link naming no assessment', async () => {
    const u = new URL(platform.loginUrl());
    u.searchParams.set('iss', 'https://lms.example.org');
    const stranger = await step(u.href);
    expect(stranger.status).toBe(400);
    expect(stranger.text).toContain('https://lms.example.org');
    expect(stranger.text).toContain('is not registered');
    // the learner is told who does what, in words they can pass on: no file of the game's
    expect(stranger.text).toContain(
      'the learning platform&#39;s administrator gives the game&#39;s admin the details',
    );
    expect(stranger.text).not.toMatch(/docs\/|\.md\b/);
    const u2 = new URL(platform.loginUrl());
    u2.searchParams.delete('login_hint');
    const incomplete = await step(u2.href);
    expect(incomplete.status).toBe(400);
    expect(incomplete.text).toContain('login_hint');
    const u3 = new URL(platform.loginUrl('https://elsewhere.example.com/launch'));
    const elsewhere = await step(u3.href);
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.text).toContain('not on this server');
    platform.plan.custom = {};
    const nowhere = await launchFrom(platform);
    expect(nowhere.status).toBe(400);
    expect(nowhere.text).toContain('does not say which assessment of the game to open');
    expect(nowhere.text).toContain('Ask the course&#39;s instructor');
    platform.plan.custom = { assignment: 'AAAAAAAAAAAA' };
    const gone = await launchFrom(platform);
    expect(gone.status).toBe(404);
    expect(gone.text).toContain('names the assessment “AAAAAAAAAAAA”, which is not (or no longer)');
    // a name no assessment of the game can have is one this server has not got either
    platform.plan.custom = { assignment: 'nonexistent-123' };
    const unknown = await launchFrom(platform);
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain(
      'names the assessment “nonexistent-123”, which is not (or no longer)',
    );
    expect(unknown.text).toContain('Ask the course&#39;s instructor');
    // a launch's address opened from a bookmark: a page that sends the learner to the course
    const bookmarked = await step(`${base}/lti/launch`);
    expect(bookmarked.status).toBe(405);
    expect(bookmarked.text).toContain('<h1>Open the game from your course</h1>');
    expect(bookmarked.text).not.toContain('"statusCode"');
  });

  it("a grade the platform's gradebook did not take is tried again, and the instructor sees it", async () => {
    platform.plan.sub = 'user-ben-2';
    platform.plan.name = 'Ben <b>Okafor</b>';
    const to = new URL((await launchFrom(platform)).location!, base);
    const token = to.searchParams.get('t')!;
    const started = await start(base, assignmentId, token);
    const received = platform.scores.length;
    platform.failScores = 1;
    const finished = await playThrough(
      base,
      assignmentId,
      token,
      tutorial,
      started.body.attempt,
      (r) => r.at(-1)!,
    );
    await server.passback.idle(); // the round the finishing decision started: the first try
    await server.passback.round(); // (or this one, if that round had not claimed it yet)
    const [row] = await db.query<{ status: string; last_error: string; tries: number }>(
      `SELECT p.status, p.last_error, p.tries FROM lti_passbacks p JOIN lti_learners l USING (trainee_id)
       WHERE l.sub = 'user-ben-2' AND l.assignment_id = $1`,
      [assignmentId], // on PostgreSQL the database outlives a run: this run's assignment only
    );
    expect(row).toMatchObject({ status: 'pending', tries: 1 });
    expect(row!.last_error).toContain('503');
    // the instructor's view says it is waiting
    platform.plan.roles = [ROLE.instructor];
    platform.plan.sub = 'teacher-1';
    const teacher = await launchFrom(platform);
    expect(teacher.status).toBe(303);
    expect(teacher.location).toMatch(/^\/lti\/cohort\?v=/);
    const waiting = await step(new URL(teacher.location!, base).href);
    expect(waiting.text).toContain('Ben &lt;b&gt;Okafor&lt;/b&gt;');
    expect(waiting.text).toContain(
      'attempt 1 not taken yet (the platform was busy or down: HTTP 503), trying again',
    );
    // its turn comes again
    await db.query(`UPDATE lti_passbacks SET next_try_at = now() WHERE status = 'pending'`);
    await server.passback.round();
    expect(platform.scores.slice(received).map((s) => s.body.userId)).toEqual(['user-ben-2']);
    expect(platform.scores.at(-1)!.body.scoreGiven).toBe(finished.fairScore);
    const sent = await step(new URL(teacher.location!, base).href);
    expect(sent.text).toContain(`sent: ${finished.fairScore}`);
    expect(sent.text).not.toContain('teacher-1'); // an instructor is not a trainee
    const tampered = await step(
      `${base}/lti/cohort?v=${teacher.location!.split('v=')[1]!.slice(0, -4)}abcd`,
    );
    expect(tampered.status).toBe(401);
    // a link cut short or changed says so, and how to get a whole one: not that it expired
    expect(tampered.text).toContain('This link is damaged');
    expect(tampered.text).toContain('copy all of it from the platform');
    expect(tampered.text).not.toContain('eight hours');
    const noV = await step(`${base}/lti/cohort`);
    expect(noV.status).toBe(401);
    expect(noV.text).toContain('This link is incomplete');
    expect(noV.text).toContain('Open the assessment from the course again');
    expect(noV.text).not.toContain('eight hours');
    const garbage = await step(`${base}/lti/cohort?v=abc.def.ghi`);
    expect(garbage.text).toContain('This link is damaged');
    // a whole link past its eight hours says it expired
    const toolKey = new ToolKey(db, null);
    await toolKey.start();
    const old = await toolKey.sign({ sub: assignmentId, aud: INSTRUCTOR_AUDIENCE }, -60);
    const expired = await step(`${base}/lti/cohort?v=${old}`);
    expect(expired.status).toBe(401);
    expect(expired.text).toContain('This page has expired');
    expect(expired.text).toContain('good for eight hours');
  });

  it('a grade the platform never took is given up after every try, shown to HR, and sent again on request', async () => {
    platform.plan.sub = 'user-dee-3';
    platform.plan.name = 'Dee Mensah';
    const token = new URL((await launchFrom(platform)).location!, base).searchParams.get('t')!;
    const started = await start(base, assignmentId, token);
    platform.failScores = 1000;
    const finished = await playThrough(base, assignmentId, token, tutorial, started.body.attempt);
    await server.passback.idle();
    for (let i = 0; i < MAX_TRIES; i++) {
      await db.query(`UPDATE lti_passbacks SET next_try_at = now() WHERE status = 'pending'`);
      await server.passback.round();
    }
    const hr = await json<{
      entries: { trainee: string; status: string; tries: number; lastError: string }[];
    }>(base, `/api/assignments/${assignmentId}/gradebook`, { secret: adminSecret });
    expect(hr.body.entries.find((e) => e.trainee === 'Dee Mensah')).toMatchObject({
      status: 'failed',
      tries: MAX_TRIES,
    });
    expect((await json(base, `/api/assignments/${assignmentId}/gradebook`)).status).toBe(401);
    platform.plan = { ...platform.plan, roles: [ROLE.instructor], sub: 'teacher-1' };
    const view = new URL((await launchFrom(platform)).location!, base);
    const page = await step(view.href);
    expect(page.text).toContain(
      `not sent after ${MAX_TRIES} tries: the platform was busy or down: HTTP 503`,
    );
    expect(page.text).toContain('One grade did not reach the gradebook after every try.');
    platform.failScores = 0;
    const again = await postForm(`${base}/lti/cohort/send-again`, {
      v: view.searchParams.get('v')!,
    });
    expect(again.status).toBe(200);
    expect(again.text).toContain('One grade is being sent again.');
    const got = await until(() => platform.scores.find((x) => x.body.userId === 'user-dee-3'));
    expect(got.body.scoreGiven).toBe(finished.fairScore);
    // and without a valid view link, nothing is sent again
    const forged = await postForm(`${base}/lti/cohort/send-again`, { v: 'not-a-view' });
    expect(forged.status).toBe(401);
  });

  it('places a new assessment in a course by deep linking, and its launches find it', async () => {
    platform.plan.roles = [ROLE.instructor];
    platform.plan.sub = 'teacher-1';
    platform.plan.messageType = 'LtiDeepLinkingRequest';
    const launched = await launchFrom(platform);
    expect(launched.status, launched.text).toBe(303);
    const choice = new URL(launched.location!, base).href;
    const pageText = (await step(choice)).text;
    expect(pageText).toContain('Place an assessment in your course');
    // no scenario is chosen for the instructor, and placing needs one
    expect(pageText).toContain('<option value="" selected>Choose the scenario…</option>');
    expect(pageText).not.toMatch(/<option value="tutorial" selected/);
    const unchosen = await postForm(choice, {
      choice: 'new',
      title: 'Q3 negotiation check',
      scenario: '',
      passMark: '60',
      attempts: '1',
    });
    expect(unchosen.text).toContain('Scenario: choose the one your learners play');
    // a wrong pass mark is said, and the title typed is kept
    const wrong = await postForm(choice, {
      choice: 'new',
      title: 'Q3 negotiation check',
      scenario: 'tutorial',
      passMark: '140',
      attempts: '1',
    });
    expect(wrong.status).toBe(200);
    expect(wrong.text).toContain('role="alert"');
    expect(wrong.text).toContain('Pass mark: a whole number from 0 to 100');
    expect(wrong.text).toContain('<option value="tutorial" selected>');
    expect(wrong.text).toContain('value="Q3 negotiation check"');
    const answer = await postForm(choice, {
      choice: 'new',
      title: 'Q3 negotiation check',
      scenario: 'tutorial',
      passMark: '60',
      attempts: '1',
    });
    const { action, fields } = formFields(answer.text);
    expect(action).toBe(`${platform.base}/deep-link-return`);
    // the page may post to this server and to the platform, nowhere else, and runs no script
    expect(answer.csp).toContain(`form-action 'self' ${platform.base};`);
    expect(answer.csp).toContain("script-src 'self';");
    expect(answer.text).not.toContain('<script');
    const back = await postForm(action, fields);
    expect(back.status).toBe(200);
    const placed = platform.deepLinks[0]!;
    expect(placed['https://purl.imsglobal.org/spec/lti/claim/message_type']).toBe(
      'LtiDeepLinkingResponse',
    );
    expect(placed['https://purl.imsglobal.org/spec/lti-dl/claim/data']).toBe(
      'opaque-platform-data',
    );
    const [item] = placed['https://purl.imsglobal.org/spec/lti-dl/claim/content_items'] as {
      type: string;
      custom: { assignment: string };
      lineItem: { scoreMaximum: number };
    }[];
    expect(item).toMatchObject({ type: 'ltiResourceLink', lineItem: { scoreMaximum: 100 } });
    const made = await json<{
      title: string;
      attempts: number;
      passMark: number;
      openEnrolment: boolean;
    }>(base, `/api/assignments/${item!.custom.assignment}`);
    expect(made.body).toMatchObject({
      title: 'Q3 negotiation check',
      attempts: 1,
      passMark: 60,
      openEnrolment: false,
    });
    // the choice is used once
    expect((await step(choice)).status).toBe(404);
    // a learner's launch of the placed link reaches the new assessment
    platform.plan = {
      ...platform.plan,
      roles: [ROLE.learner],
      sub: 'user-cy',
      messageType: 'LtiResourceLinkRequest',
      custom: item!.custom,
    };
    const learner = await launchFrom(platform);
    expect(new URL(learner.location!, base).searchParams.get('assess')).toBe(
      item!.custom.assignment,
    );
  });

  it('places an assessment made already only with its admin secret', async () => {
    platform.plan = {
      ...platform.plan,
      roles: [ROLE.instructor],
      sub: 'teacher-1',
      messageType: 'LtiDeepLinkingRequest',
    };
    const choice = new URL((await launchFrom(platform)).location!, base).href;
    const wrong = await postForm(choice, {
      choice: 'existing',
      assignment: assignmentId,
      secret: 'x'.repeat(43),
    });
    expect(wrong.text).toContain('that is not this assignment&#39;s admin secret');
    expect(wrong.text).toContain(`value="${assignmentId}"`);
    const right = await postForm(choice, {
      choice: 'existing',
      assignment: assignmentId,
      secret: adminSecret,
    });
    const { action, fields } = formFields(right.text);
    const before = platform.deepLinks.length;
    await postForm(action, fields);
    const items =
      platform.deepLinks[before]!['https://purl.imsglobal.org/spec/lti-dl/claim/content_items'];
    expect(items).toMatchObject([{ custom: { assignment: assignmentId } }]);
  });

  it('does not let a learner place content', async () => {
    platform.plan.messageType = 'LtiDeepLinkingRequest';
    const refused = await launchFrom(platform);
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('for its instructors');
  });

  it("rotates the tool's key: the new key signs, platforms verify it, the old one stays published for a while", async () => {
    platform.plan = { ...platform.plan, roles: [ROLE.instructor], sub: 'teacher-1' };
    const before = new URL((await launchFrom(platform)).location!, base);
    const oldKid = decodeProtectedHeader(before.searchParams.get('v')!).kid!;
    // as `npm run server:rotate-key -- --lti` does it, from another process
    const newKid = await new ToolKey(db, null).rotate();
    expect(newKid).not.toBe(oldKid);
    const jwks = await json<{ keys: { kid: string }[] }>(base, '/lti/jwks');
    expect(jwks.body.keys.map((k) => k.kid).slice(0, 2)).toEqual([newKid, oldKid]);
    // the running server signs with the new key: its grade reaches the platform
    platform.plan = TestPlatform.learnerPlan({ assignment: assignmentId });
    platform.plan.sub = 'user-eve-5';
    platform.plan.name = 'Eve Adeyemi';
    const token = new URL((await launchFrom(platform)).location!, base).searchParams.get('t')!;
    const started = await start(base, assignmentId, token);
    const finished = await playThrough(base, assignmentId, token, tutorial, started.body.attempt);
    const got = await until(() => platform.scores.find((x) => x.body.userId === 'user-eve-5'));
    expect(got.body.scoreGiven).toBe(finished.fairScore);
    expect(platform.tokenRequests.at(-1)).toMatchObject({ ok: true, kid: newKid });
    // what the old key signed still verifies during the grace period
    expect((await step(before.href)).status).toBe(200);
    // and past it the old key is no longer published, nor trusted
    await db.query(
      `UPDATE lti_tool_keys SET retired_at = now() - make_interval(days => $2) WHERE kid = $1`,
      [oldKid, GRACE_DAYS + 1],
    );
    const later = await json<{ keys: { kid: string }[] }>(base, '/lti/jwks');
    expect(later.body.keys.map((k) => k.kid)).toContain(newKid);
    expect(later.body.keys.map((k) => k.kid)).not.toContain(oldKid);
    expect((await step(before.href)).status).toBe(401);
  });
});
