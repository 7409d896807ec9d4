import { expect, test } from '@playwright/test';
import { accountsText, PASSWORDS, signIn } from '../server/account-helpers.ts';
import { attachScreenshot, expectNoAxeViolations, watchPage } from './helpers/game.ts';
import { createRoom, type RoomServer, startRoomServer } from './helpers/room-server.ts';

// Signing in to the server on the pages (issue 18): HR signs in on hr.html, sees every
// assessment on the server, opens a cohort without its admin secret and signs out; a
// facilitator signs in on the workshop page and sees the rooms made under their name.
// The real server (npm start's), with accounts set in its environment.

let server: RoomServer;
test.beforeAll(async () => {
  server = await startRoomServer(undefined, { TOW_ACCOUNTS: await accountsText() });
});
test.afterAll(async () => {
  await server?.stop();
});

async function makeAssignment(title: string): Promise<string> {
  const res = await fetch(`${server.base}api/assignments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title,
      scenario: { kind: 'bundled', id: 'tutorial' },
      passMark: 50,
      attempts: 2,
      trainees: ['ana@example.com', 'ben@example.com'],
    }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { assignment: { id: string } }).assignment.id;
}

// a refused sign-in is a 401, which Chromium logs as a failed load: expected here
const unexpected = (problems: string[]) =>
  problems.filter((p) => !/status of 401|status of 403/.test(p));

test('HR signs in on hr.html, sees every assessment, opens a cohort without its secret, signs out', async ({
  page,
}, testInfo) => {
  const problems = await watchPage(page);
  const id = await makeAssignment('Sales academy <i>March</i>');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${server.base}hr.html`);
  const panel = page.getByRole('group', { name: 'Sign in to the server' });
  await expect(panel).toBeVisible();
  await expect(panel.getByLabel('Server address')).toHaveValue(new URL(server.base).origin);

  // a wrong password says so, and signs nobody in
  await panel.getByLabel('Name').fill('hana');
  await panel.getByLabel('Password').fill('not-the-password');
  await panel.getByRole('button', { name: 'Sign in' }).click();
  await expect(panel.getByRole('status')).toHaveText(
    'Wrong name or password. Check both and try again.',
  );
  await expect(panel.getByLabel('Password')).toHaveValue('');
  await panel.scrollIntoViewIfNeeded();
  await attachScreenshot(page, testInfo, 'hr-signin-1280', '.server-account');
  await page.setViewportSize({ width: 360, height: 740 });
  await attachScreenshot(page, testInfo, 'hr-signin-360', '.server-account');
  await page.setViewportSize({ width: 1280, height: 800 });

  await panel.getByLabel('Password').fill(PASSWORDS.hana);
  await panel.getByLabel('Password').press('Enter');
  await expect(panel).toContainText('Signed in as hana (HR)');
  const list = page.getByRole('table', { name: 'Assessments on the server' });
  const row = list.getByRole('row', { name: /Sales academy <i>March<\/i>/ });
  await expect(row).toContainText('0 of 2');
  await expect(row).toContainText('no account (admin secret)');
  // the title is text, not markup
  await expect(list.locator('i')).toHaveCount(0);
  await expectNoAxeViolations(page, 'HR signed in, with the list of assessments');
  await attachScreenshot(page, testInfo, 'hr-list-1280', '.server-account');
  await page.setViewportSize({ width: 360, height: 740 });
  await attachScreenshot(page, testInfo, 'hr-list-360', '.server-account');
  await page.setViewportSize({ width: 1280, height: 800 });

  // an assessment made on the page while signed in is listed at once, under Hana's name
  await page.getByLabel('Title').fill('Made on the page');
  await page.getByLabel('Trainees').fill('cy@example.com');
  await page.getByRole('button', { name: 'Create the assessment' }).click();
  await expect(list.getByRole('row', { name: /Made on the page/ })).toContainText('hana');

  await row.getByRole('button', { name: /Open the cohort/ }).click();
  await expect(page.locator('#s-id')).toHaveValue(id);
  await expect(page.locator('#s-secret')).toHaveValue('');
  const cohort = page.locator('#s-status ~ div');
  await expect(cohort.getByRole('row', { name: /ana@example\.com/ })).toContainText('not started');
  await expect(page.locator('#s-status')).toContainText('2 trainees, followed live as they play');
  // the cohort's live socket too goes through on the sign-in
  await expect(page.locator('.live-note')).toHaveAttribute('data-state', 'live');
  await attachScreenshot(
    page,
    testInfo,
    'hr-cohort-on-signin-1280',
    'section.hr-section:has(#server-title)',
  );

  // the sign-in outlives a reload (the session is the server's, kept in its database)
  await page.reload();
  await expect(panel).toContainText('Signed in as hana (HR)');
  await expect(list.getByRole('row', { name: /Sales academy/ })).toBeVisible();

  await panel.getByRole('button', { name: 'Sign out' }).click();
  await expect(panel.getByRole('status')).toHaveText('hana is signed out.');
  await expect(panel.getByLabel('Name')).toBeVisible();
  await expect(list).toHaveCount(0);
  // signed out, the cohort needs its secret again
  await page.locator('#s-id').fill(id);
  await page.getByRole('button', { name: 'Show the cohort' }).click();
  await expect(page.locator('.live-note')).toHaveAttribute('data-state', 'refused');
  await expect(page.locator('.live-note')).toContainText(
    "this needs the assignment's admin secret",
  );
  expect(unexpected(problems)).toEqual([]);
});

test('a facilitator signs in on the workshop page, sees their rooms and runs one made in another browser; hr.html tells them grades are not theirs', async ({
  page,
}, testInfo) => {
  const problems = await watchPage(page);
  await createRoom(server.base, {
    scenario: { kind: 'bundled', id: 'tutorial' },
    seed: '3',
    pacing: { mode: 'self' },
  });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${server.base}workshop.html#live`);
  const panel = page.getByRole('group', { name: 'Sign in to the server' });
  await panel.getByLabel('Name').fill('fred');
  await panel.getByLabel('Password').fill(PASSWORDS.fred);
  await panel.getByRole('button', { name: 'Sign in' }).click();
  await expect(panel).toContainText('Signed in as fred (facilitator)');
  // the room made with no one signed in is not Fred's
  await expect(page.getByRole('heading', { name: 'Your rooms on the server (0)' })).toBeVisible();

  await page.getByLabel('Scenario', { exact: true }).selectOption('tutorial');
  await page.getByRole('button', { name: 'Create the room' }).click();
  const code = (await page.locator('.join-code').textContent())!.trim();
  await page.getByRole('button', { name: '← All my rooms' }).click();
  await expect(page.getByRole('heading', { name: 'Your rooms on the server (1)' })).toBeVisible();
  // listed from the server, with the button to open it (this browser holds its key)
  const mine = page.locator('.room-list').first().locator('li');
  await expect(mine).toHaveCount(1);
  await expect(mine).toContainText('First quarter on the ropes · 0 trainees');
  await expect(mine.getByRole('button', { name: `Open room ${code}` })).toBeVisible();
  await expectNoAxeViolations(page, 'a facilitator signed in, with their rooms');
  await attachScreenshot(page, testInfo, 'workshop-signed-in-1280');
  await page.setViewportSize({ width: 360, height: 740 });
  await attachScreenshot(page, testInfo, 'workshop-signed-in-360');

  // a room Fred made in another browser opens here too, on the sign-in alone
  await page.setViewportSize({ width: 1280, height: 800 });
  const elsewhere = await signIn(server.base.replace(/\/$/, ''), 'fred', PASSWORDS.fred);
  const other = await fetch(`${server.base}api/rooms`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: elsewhere.cookie!,
      origin: new URL(server.base).origin,
    },
    body: JSON.stringify({
      scenario: { kind: 'bundled', id: 'tutorial' },
      seed: '4',
      pacing: { mode: 'gated' },
    }),
  });
  const otherCode = ((await other.json()) as { room: { code: string } }).room.code;
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your rooms on the server (2)' })).toBeVisible();
  await page.getByRole('button', { name: `Open room ${otherCode}` }).click();
  await expect(page.locator('.room-link')).toHaveText(/^Live/);
  await expect(page.getByText('You run this room signed in to the server.')).toBeVisible();
  await page.getByRole('button', { name: 'Open quarter 1' }).click();
  await expect(page.getByText('Quarter 1 of 4 is open.')).toBeVisible();
  await attachScreenshot(page, testInfo, 'workshop-room-on-signin-1280');

  // the same browser on HR's page: signed in, but a facilitator may not see grades
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${server.base}hr.html`);
  await expect(page.getByRole('group', { name: 'Sign in to the server' })).toContainText(
    'Signed in as fred (facilitator)',
  );
  await expect(page.locator('.server-account [role="alert"]')).toContainText(
    'you are signed in as fred, a facilitator account: assignments, cohorts and grades are for admin and hr accounts',
  );
  expect(unexpected(problems)).toEqual([]);
});
