import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RegisteredPlatform } from '../../src/room/lti-platforms.ts';
import type { RoomServer } from '../../src/server/app.ts';
import type { Database } from '../../src/server/db/database.ts';
import { createAssignment } from '../server/assignment-helpers.ts';
import { DATABASES, json } from '../server/helpers.ts';
import { DEPLOYMENT_ID, formFields, ROLE, TestPlatform } from './platform.ts';
import { launchFrom, postForm, step, toolWithPlatform } from './steps.ts';

// Registering a platform again, as its administrator does when a second course (another
// deployment) or a moved URL comes: the courses already using it keep launching, the
// answer says which deployments there are now, a deployment goes only when removed by
// name, every refusal is a sentence naming its field, and a platform removed while one of
// its learners is launching gives that learner a page saying so.

const ADMIN = 'admin-secret-for-the-platform-tests';

interface Answer {
  platform: RegisteredPlatform;
  message: string;
}

describe.each(DATABASES)('registering an LTI platform on $kind', ({ open }) => {
  let db: Database;
  let server: RoomServer;
  let base: string;
  let platform: TestPlatform;
  let assignmentId: string;

  beforeAll(async () => {
    db = await open();
    ({ server, base, platform } = await toolWithPlatform(db, ADMIN));
    assignmentId = (await createAssignment(base, { attempts: 5 })).assignment.id;
  }, 120_000);
  afterAll(async () => {
    await platform?.close();
    await server?.close();
    await db?.close();
  });
  beforeEach(() => {
    platform.plan = TestPlatform.learnerPlan({ assignment: assignmentId });
  });

  const register = (body: unknown) =>
    json<Answer & { message: string }>(base, '/api/lti/platforms', { body, secret: ADMIN });
  const removeDeployment = (id: string, deployment: string) =>
    json<Answer>(base, `/api/lti/platforms/${id}/deployments/${encodeURIComponent(deployment)}`, {
      method: 'DELETE',
      secret: ADMIN,
    });

  it('adds a second deployment and keeps the first course launching', async () => {
    const again = await register({
      ...platform.registration(),
      name: 'Test LMS, two courses',
      deploymentIds: ['2'],
    });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body.platform.deploymentIds).toEqual([DEPLOYMENT_ID, '2']);
    expect(again.body.platform.name).toBe('Test LMS, two courses');
    expect(again.body.message).toBe(
      `Test LMS, two courses now has deployments “${DEPLOYMENT_ID}” and “2”.`,
    );
    // the course on the first deployment still gets in
    expect((await launchFrom(platform)).status).toBe(303);
    // the same deployment given again is not listed twice
    const same = await register({ ...platform.registration(), deploymentIds: ['2', '2'] });
    expect(same.body.platform.deploymentIds).toEqual([DEPLOYMENT_ID, '2']);
    // and the answer does not pretend it added anything: only the name changed
    expect(same.body.message).toBe(
      `Test LMS already had deployments “${DEPLOYMENT_ID}” and “2”; its name is updated.`,
    );
    const unchanged = await register({ ...platform.registration(), deploymentIds: ['2'] });
    expect(unchanged.body.message).toBe(
      `Test LMS already had deployments “${DEPLOYMENT_ID}” and “2”: nothing changed.`,
    );
    const moved = await register({
      ...platform.registration(),
      name: 'Test LMS, moved',
      jwksUrl: `${platform.registration().jwksUrl}?v=2`,
      deploymentIds: [DEPLOYMENT_ID],
    });
    expect(moved.body.message).toBe(
      `Test LMS, moved already had deployments “${DEPLOYMENT_ID}” and “2”; its name and addresses are updated.`,
    );
    await register(platform.registration());
  });

  it('removes a deployment only by name, and never the last one', async () => {
    const { platform: p } = (await register(platform.registration())).body;
    const removed = await removeDeployment(p.id, DEPLOYMENT_ID);
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(removed.body.platform.deploymentIds).toEqual(['2']);
    expect(removed.body.message).toContain(`Deployment “${DEPLOYMENT_ID}” is removed`);
    const refused = await launchFrom(platform);
    expect(refused.status).toBe(401);
    expect(refused.text).toContain(
      `The deployment &quot;${DEPLOYMENT_ID}&quot; of Test LMS is not registered`,
    );
    // who can mend it, said in words (a learner cannot act on a file of the game)
    expect(refused.text).toContain(
      'gives the game&#39;s admin this deployment id, and the game&#39;s admin adds it to Test LMS',
    );
    expect(refused.text).not.toMatch(/docs\/|\.md\b/);
    const unknown = await removeDeployment(p.id, 'nine');
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('has no deployment “nine”');
    const last = await removeDeployment(p.id, '2');
    expect(last.status).toBe(400);
    expect(last.body.message).toContain('remove the platform instead');
    // registered again, the first course is back
    await register(platform.registration());
    expect((await launchFrom(platform)).status).toBe(303);
  });

  it('tells a learner whose launch was under way that the platform was removed, and admits nobody', async () => {
    const { platform: p } = (await register(platform.registration())).body;
    // the learner's browser has been to the tool's login and is at the platform
    const login = await step(platform.loginUrl());
    expect(login.status, login.text).toBe(302);
    const auth = await step(login.location!);
    expect(auth.status, auth.text).toBe(200);
    const gone = await json(base, `/api/lti/platforms/${p.id}`, {
      method: 'DELETE',
      secret: ADMIN,
    });
    expect(gone.status).toBe(204);
    const { action, fields } = formFields(auth.text);
    const landed = await postForm(action, fields, login.cookies);
    expect(landed.status, landed.text).toBe(410);
    expect(landed.text).toContain('The learning platform you came from was removed from the game');
    expect(landed.text).not.toContain('used already');
    // nobody was admitted, and the next click on the course link is refused at the login
    expect(landed.location).toBeNull();
    const after = await step(platform.loginUrl());
    expect(after.status).toBe(400);
    expect(after.text).toContain('is not registered with the game');
    // registered again, the course launches as before
    expect((await register(platform.registration())).status).toBe(201);
    expect((await launchFrom(platform)).status).toBe(303);
  });

  it('tells the learner the platform was removed when that happens after their launch is checked', async () => {
    // keys read from an address the tool has not cached yet: the platform's answer is the
    // moment between the launch's check and the learner's row, where the admin removes it
    const { platform: p } = (
      await register({ ...platform.registration(), jwksUrl: `${platform.base}/jwks?mid-launch` })
    ).body;
    platform.onKeysRead = async () => {
      platform.onKeysRead = null;
      await json(base, `/api/lti/platforms/${p.id}`, { method: 'DELETE', secret: ADMIN });
    };
    const landed = await launchFrom(platform);
    expect(landed.status, landed.text).toBe(410);
    expect(landed.text).toContain('The learning platform you came from was removed from the game');
    expect(platform.onKeysRead).toBeNull();
    expect((await register(platform.registration())).status).toBe(201);
  });

  it('tells an instructor placing an assessment that the platform was removed meanwhile', async () => {
    const { platform: p } = (await register(platform.registration())).body;
    platform.plan = {
      ...platform.plan,
      roles: [ROLE.instructor],
      sub: 'teacher-1',
      messageType: 'LtiDeepLinkingRequest',
    };
    const launched = await launchFrom(platform);
    expect(launched.status, launched.text).toBe(303);
    const choice = new URL(launched.location!, base).href;
    expect((await step(choice)).text).toContain('Place an assessment in your course');
    await json(base, `/api/lti/platforms/${p.id}`, { method: 'DELETE', secret: ADMIN });
    for (const answer of [
      await step(choice),
      await postForm(choice, {
        choice: 'new',
        title: 'Q3',
        scenario: 'tutorial',
        passMark: '60',
        attempts: '1',
      }),
    ]) {
      expect(answer.status, answer.text).toBe(410);
      expect(answer.text).toContain(
        'The learning platform you came from was removed from the game',
      );
    }
    expect((await register(platform.registration())).status).toBe(201);
  });

  it('refuses a registration with sentences that name each field, not zod text', async () => {
    const none = await register({ ...platform.registration(), deploymentIds: [] });
    expect(none.status).toBe(400);
    expect(none.body.message).toBe('deploymentIds: give at least one deployment id');
    const several = await register({
      ...platform.registration(),
      name: ' ',
      tokenUrl: 'ftp://lms.example.com/token',
      clientId: undefined,
      colour: 'blue',
    });
    expect(several.status).toBe(400);
    const m = several.body.message;
    expect(m).toContain('name: give a name HR will know the platform by');
    expect(m).toContain('tokenUrl: give an http:// or https:// address');
    expect(m).toContain('clientId: give the client id the platform gave the tool');
    expect(m).toContain('colour: not a field of a platform');
    expect(m).not.toMatch(/✖|expected|Too small|Invalid/);
    const notObject = await json<{ message: string }>(base, '/api/lti/platforms', {
      raw: '["a"]',
      secret: ADMIN,
    });
    expect(notObject.body.message).toBe('the platform: send a JSON object with its fields');
  });
});
