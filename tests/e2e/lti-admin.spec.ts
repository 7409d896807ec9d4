import { expect, type Page, type TestInfo, test } from '@playwright/test';
import { DEPLOYMENT_ID, TestPlatform } from '../lti/platform.ts';
import { accountsText, PASSWORDS } from '../server/account-helpers.ts';
import { shotsAtBothSizes } from './helpers/both-sizes.ts';
import { expectNoAxeViolations, watchPage } from './helpers/game.ts';
import { type RoomServer, startRoomServer } from './helpers/room-server.ts';

// Learning platforms (LTI) on HR's page, against the test platform (tests/lti/platform.ts)
// and the real server with accounts: an HR account is told the platforms are for admins;
// an admin sees the addresses to give the platform, registers it (problems said at their
// fields, the name shown as text), adds a second deployment, and the course on the first
// keeps launching until that deployment is removed. Every removal is asked first in the
// page (keyboard kept inside, Escape keeps everything); a server that cannot be reached or
// refuses is said in a sentence, with what was typed still there; a learner launching
// while their platform is removed is told so.

let server: RoomServer;
let tool: string;
let platform: TestPlatform;
let assignmentId: string;

test.beforeAll(async () => {
  server = await startRoomServer(undefined, {
    TOW_ACCOUNTS: await accountsText(),
    TOW_ADMIN_SECRET: 'e2e-admin-secret-for-platforms',
  });
  tool = server.base.replace(/\/$/, '');
  platform = await TestPlatform.start(tool);
  const made = await fetch(`${tool}/api/assignments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title: 'Sales academy, LTI',
      scenario: { kind: 'bundled', id: 'tutorial' },
      passMark: 50,
      attempts: 2,
      trainees: ['placeholder'],
    }),
  });
  assignmentId = ((await made.json()) as { assignment: { id: string } }).assignment.id;
});
test.afterAll(async () => {
  await platform?.close();
  await server?.stop();
});

async function signIn(page: Page, name: keyof typeof PASSWORDS) {
  const panel = page.getByRole('group', { name: 'Sign in to the server' });
  await panel.getByLabel('Name').fill(name);
  await panel.getByLabel('Password').fill(PASSWORDS[name]);
  await panel.getByRole('button', { name: 'Sign in' }).click();
  await expect(panel.locator(`[data-signed-in="${name}"]`)).toBeVisible();
}

async function shots(page: Page, name: string, testInfo: TestInfo) {
  await shotsAtBothSizes(page, name, testInfo, 'section[aria-labelledby="lti-title"]');
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** A learner's click on the course link: into the game, or a page saying why not. */
async function launch(page: Page): Promise<string> {
  platform.plan = TestPlatform.learnerPlan({ assignment: assignmentId });
  await page.goto(platform.loginUrl());
  await page.waitForLoadState('load');
  return page.url();
}

test('an admin registers a platform on HR’s page, adds a deployment and removes one', async ({
  page,
}, testInfo) => {
  const problems = await watchPage(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${tool}/hr.html`);
  const section = page.getByRole('region', { name: 'Learning platforms (LTI)' });
  const status = section.locator('#lti-status');
  const registered = section.locator('#lti-register-status');

  // an HR account may not register platforms, and is told who may
  await signIn(page, 'hana');
  await expect(status).toContainText(
    'You are signed in as hana (HR): learning platforms are for admin accounts.',
  );
  await page.locator('#hr-signin-sign-out').click();
  await signIn(page, 'ada');
  await expect(section.getByText('No learning platform is registered yet')).toBeVisible();
  await expect(section.getByText(`${tool}/lti/jwks`)).toBeVisible();

  // nothing typed: each problem under its field, nothing sent
  await section.getByRole('button', { name: 'Register the platform' }).click();
  await expect(section.locator('#lti-deploymentIds-problem')).toHaveText(
    'Give at least one deployment id.',
  );
  await expect(section.getByLabel('Issuer')).toHaveAttribute('aria-invalid', 'true');
  await expect(section.getByLabel('Name')).toBeFocused();
  await expectNoAxeViolations(page, 'the platform form with its problems');
  await shots(page, 'lti-admin-problems', testInfo);

  const reg = platform.registration();
  const name = 'Test LMS <img src=x onerror="window.__pwned=1">';
  await section.getByLabel('Name').fill(name);
  await section.getByLabel('Issuer').fill(reg.issuer);
  await section.getByLabel('Client id').fill(reg.clientId);
  await section.getByLabel('Deployment ids').fill(DEPLOYMENT_ID);
  await section.getByLabel('Authorisation (OIDC login) URL').fill(reg.authUrl);
  await section.getByLabel('Access token URL').fill('ftp://wrong.example.com/token');
  await section.getByLabel('Public keyset (JWKS) URL').fill(reg.jwksUrl);
  await section.getByRole('button', { name: 'Register the platform' }).click();
  await expect(section.locator('#lti-tokenUrl-problem')).toHaveText(
    'Give an http:// or https:// address, as the platform shows it.',
  );
  await section.getByLabel('Access token URL').fill(reg.tokenUrl);
  await section.getByRole('button', { name: 'Register the platform' }).click();
  await expect(registered).toHaveText(`${name} now has deployment “${DEPLOYMENT_ID}”.`);
  // pressed again by mistake: the answer says nothing was added
  await section.getByRole('button', { name: 'Register the platform' }).click();
  await expect(registered).toHaveText(
    `${name} already had deployment “${DEPLOYMENT_ID}”: nothing changed.`,
  );
  const card = section.getByRole('article', { name });
  await expect(card.getByRole('heading', { name })).toBeVisible();
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page).toHaveURL(/hr\.html/);
  // HR's page said nothing wrong (the platform's own pages, next, are not ours to judge)
  expect(problems).toEqual([]);
  expect(await launch(page)).toContain(`assess=${assignmentId}`);

  // a second course: its deployment added, the first kept
  await page.goto(`${tool}/hr.html`);
  await expect(card).toBeVisible();
  await card.getByRole('button', { name: `Add a deployment or change it: ${name}` }).click();
  await expect(section.getByLabel('Deployment ids')).toBeFocused();
  await expect(section.getByLabel('Issuer')).toHaveValue(reg.issuer);
  await section.getByLabel('Deployment ids').fill('course-2');
  await section.getByRole('button', { name: 'Register the platform' }).click();
  await expect(registered).toHaveText(
    `${name} now has deployments “${DEPLOYMENT_ID}” and “course-2”.`,
  );
  await expect(card.getByRole('listitem')).toHaveText([`${DEPLOYMENT_ID}Remove`, 'course-2Remove']);
  await expectNoAxeViolations(page, 'the registered platform');
  await shots(page, 'lti-admin-registered', testInfo);
  expect(await launch(page)).toContain(`assess=${assignmentId}`);

  // the first deployment removed, on purpose: its course is refused from then on
  await page.goto(`${tool}/hr.html`);
  await card.getByRole('button', { name: `Remove deployment ${DEPLOYMENT_ID} of ${name}` }).click();
  await page
    .getByRole('dialog', { name: `Remove deployment “${DEPLOYMENT_ID}” of ${name}?` })
    .getByRole('button', { name: 'Remove the deployment' })
    .click();
  await expect(status).toHaveText(
    `Deployment “${DEPLOYMENT_ID}” is removed: ${name} now has deployment “course-2”.`,
  );
  await expect(card.getByText('(the only one: a platform needs one)')).toBeVisible();
  await launch(page);
  await expect(page.getByRole('alert')).toContainText(
    `The deployment "${DEPLOYMENT_ID}" of ${name} is not registered with the game, so the game cannot open from this course. Tell the course's instructor: the learning platform's administrator gives the game's admin this deployment id, and the game's admin adds it to ${name} on the game's HR page, under “Learning platforms (LTI)”.`,
  );
});

const PAGE_SIZES = [
  [1280, 800],
  [360, 740],
] as const;

/** What the person sees in the window, the open dialog over the page: at both sizes. */
async function windowShots(page: Page, name: string, testInfo: TestInfo) {
  for (const [width, height] of PAGE_SIZES) {
    await page.setViewportSize({ width, height });
    const path = testInfo.outputPath(`${name}-${width}.png`);
    await page.screenshot({ path });
    await testInfo.attach(`${name}-${width}`, { path, contentType: 'image/png' });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('removing a deployment or a platform is asked in the page; failures are said and lose nothing', async ({
  page,
}, testInfo) => {
  const problems = await watchPage(page);
  const admin = { authorization: 'Bearer e2e-admin-secret-for-platforms' };
  const other = {
    ...platform.registration(),
    name: 'Canvas, leadership course',
    clientId: 'second-client',
    deploymentIds: ['b-1', 'b-2'],
  };
  const made = await fetch(`${tool}/api/lti/platforms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...admin },
    body: JSON.stringify(other),
  });
  expect(made.status).toBe(201);
  const otherId = ((await made.json()) as { platform: { id: string } }).platform.id;

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${tool}/hr.html`);
  await signIn(page, 'ada');
  const section = page.getByRole('region', { name: 'Learning platforms (LTI)' });
  const status = section.locator('#lti-status');
  const registered = section.locator('#lti-register-status');
  const card = section.getByRole('article', { name: other.name });
  await expect(card).toBeVisible();

  // asked first: the safe answer has focus, Tab stays inside, Escape keeps everything
  const removeB1 = card.getByRole('button', { name: `Remove deployment b-1 of ${other.name}` });
  await removeB1.click();
  const askDeployment = page.getByRole('dialog', {
    name: `Remove deployment “b-1” of ${other.name}?`,
  });
  await expect(askDeployment).toContainText('the other deployment (“b-2”) keeps working');
  const keep = askDeployment.getByRole('button', { name: 'Keep it' });
  await expect(keep).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(askDeployment.getByRole('button', { name: 'Remove the deployment' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(keep).toBeFocused();
  await expectNoAxeViolations(page, 'the question before a deployment is removed');
  await windowShots(page, 'lti-remove-deployment-asked', testInfo);
  await page.keyboard.press('Escape');
  await expect(askDeployment).toBeHidden();
  await expect(removeB1).toBeFocused();
  await expect(card.getByRole('listitem')).toHaveText(['b-1Remove', 'b-2Remove']);

  // yes: removed, said, and the keyboard goes on from the list
  await removeB1.click();
  await askDeployment.getByRole('button', { name: 'Remove the deployment' }).click();
  await expect(status).toHaveText(
    `Deployment “b-1” is removed: ${other.name} now has deployment “b-2”.`,
  );
  await expect(section.locator('#lti-list-title')).toBeFocused();

  // the whole platform: the question says what stops working and what is kept
  const removePlatform = card.getByRole('button', { name: `Remove the platform ${other.name}` });
  await removePlatform.click();
  const askPlatform = page.getByRole('dialog', { name: `Remove the platform ${other.name}?` });
  await expect(askPlatform).toContainText(
    'Learners can no longer open the game from its courses (deployment “b-2”).',
  );
  await expect(askPlatform).toContainText('Attempts and grades already recorded stay here');
  await expect(askPlatform).toContainText('Grades not yet sent to it are not sent');
  await expect(askPlatform).toContainText('their next launch makes them new trainees');
  await expect(askPlatform.getByRole('button', { name: 'Keep the platform' })).toBeFocused();
  await expectNoAxeViolations(page, 'the question before a platform is removed');
  await windowShots(page, 'lti-remove-platform-asked', testInfo);

  // the server out of reach: said in a sentence, the platform still listed
  await page.route(`**/api/lti/platforms/${otherId}`, (route) => route.abort('connectionrefused'));
  await askPlatform.getByRole('button', { name: 'Remove the platform' }).click();
  await expect(status).toHaveText(
    "The platform was not removed: The game's server cannot be reached: check the connection, then try again (nothing you typed is lost).",
  );
  await expect(card).toBeVisible();
  await expect(removePlatform).toBeFocused();
  await page.unroute(`**/api/lti/platforms/${otherId}`);
  await removePlatform.click();
  await askPlatform.getByRole('button', { name: 'Remove the platform' }).click();
  await expect(status).toHaveText(
    `${other.name} is removed: its courses can no longer open the game.`,
  );
  await expect(card).toBeHidden();
  const listed = await fetch(`${tool}/api/lti/platforms`, { headers: admin });
  const ids = ((await listed.json()) as { platforms: { id: string }[] }).platforms.map((p) => p.id);
  expect(ids).not.toContain(otherId);

  // registering while the server cannot be reached, then while it fails: nothing typed is lost
  const typed: [string, string][] = [
    ['Name', other.name],
    ['Issuer', other.issuer],
    ['Client id', other.clientId],
    ['Deployment ids', 'b-1, b-2'],
    ['Authorisation (OIDC login) URL', other.authUrl],
    ['Access token URL', other.tokenUrl],
    ['Public keyset (JWKS) URL', other.jwksUrl],
  ];
  for (const [label, value] of typed) await section.getByLabel(label).fill(value);
  const register = section.getByRole('button', { name: 'Register the platform' });
  await page.route('**/api/lti/platforms', (route) =>
    route.request().method() === 'POST' ? route.abort('connectionrefused') : route.continue(),
  );
  await register.click();
  await expect(registered).toHaveText(
    "The platform was not registered: The game's server cannot be reached: check the connection, then try again (nothing you typed is lost).",
  );
  for (const [label, value] of typed) await expect(section.getByLabel(label)).toHaveValue(value);
  await page.unroute('**/api/lti/platforms');
  await page.route('**/api/lti/platforms', (route) =>
    route.request().method() === 'POST'
      ? route.fulfill({
          status: 500,
          contentType: 'application/json',
          body: JSON.stringify({ error: 'internal', message: 'the database did not answer' }),
        })
      : route.continue(),
  );
  await register.click();
  await expect(registered).toHaveText(
    'The platform was not registered: The database did not answer.',
  );
  for (const [label, value] of typed) await expect(section.getByLabel(label)).toHaveValue(value);
  await expect(section.locator('[aria-invalid="true"]')).toHaveCount(0);
  await shots(page, 'lti-register-failed', testInfo);
  await page.unroute('**/api/lti/platforms');
  await register.click();
  await expect(registered).toHaveText(`${other.name} now has deployments “b-1” and “b-2”.`);
  expect(problems.filter((p) => !/ERR_CONNECTION_REFUSED|status of 500/.test(p))).toEqual([]);
});

test('a learner launching while their platform is removed is told so', async ({
  page,
}, testInfo) => {
  const admin = { authorization: 'Bearer e2e-admin-secret-for-platforms' };
  const reg = await fetch(`${tool}/api/lti/platforms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...admin },
    body: JSON.stringify(platform.registration()),
  });
  const { id } = ((await reg.json()) as { platform: { id: string } }).platform;
  // the admin removes the platform while the learner is between the login and the launch
  await page.route('**/lti/launch', async (route) => {
    await fetch(`${tool}/api/lti/platforms/${id}`, { method: 'DELETE', headers: admin });
    await route.continue();
  });
  await launch(page);
  await expect(page.getByRole('alert')).toContainText(
    'The learning platform you came from was removed from the game',
  );
  await expectNoAxeViolations(page, 'the page a learner sees when their platform was removed');
  await shotsAtBothSizes(page, 'lti-launch-platform-removed', testInfo);
});
