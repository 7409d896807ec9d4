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
// keeps launching until that deployment is removed.

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
  await expect(status).toHaveText(`${name} now has deployment “${DEPLOYMENT_ID}”.`);
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
  await expect(status).toHaveText(`${name} now has deployments “${DEPLOYMENT_ID}” and “course-2”.`);
  await expect(card.getByRole('listitem')).toHaveText([`${DEPLOYMENT_ID}Remove`, 'course-2Remove']);
  await expectNoAxeViolations(page, 'the registered platform');
  await shots(page, 'lti-admin-registered', testInfo);
  expect(await launch(page)).toContain(`assess=${assignmentId}`);

  // the first deployment removed, on purpose: its course is refused from then on
  await page.goto(`${tool}/hr.html`);
  page.once('dialog', (d) => void d.accept());
  await card.getByRole('button', { name: `Remove deployment ${DEPLOYMENT_ID} of ${name}` }).click();
  await expect(status).toHaveText(
    `Deployment “${DEPLOYMENT_ID}” is removed: ${name} now has deployment “course-2”.`,
  );
  await expect(card.getByText('(the only one: a platform needs one)')).toBeVisible();
  await launch(page);
  await expect(page.getByRole('alert')).toContainText(
    `The deployment "${DEPLOYMENT_ID}" of ${name} is not registered with the game.`,
  );
});
