import { expect, test } from '@playwright/test';
import { accountsText, PASSWORDS } from '../server/account-helpers.ts';
import { expectNoAxeViolations, shootAtBothSizes, watchPage } from './helpers/game.ts';
import { type RoomServer, startRoomServer } from './helpers/room-server.ts';

// An account whose password has been guessed at too often: the sign-in form says so, with
// the minutes to wait, and signs nobody in, its right password included. The real server,
// with a low limit per account set in its environment.

let server: RoomServer;
test.beforeAll(async () => {
  server = await startRoomServer(undefined, {
    TOW_ACCOUNTS: await accountsText(),
    TOW_SIGNIN_ACCOUNT_RATE: '3',
    TOW_SIGNIN_ACCOUNT_MINUTES: '20',
  });
});
test.afterAll(async () => {
  await server?.stop();
});

test('after too many wrong passwords for one account, the form says how long to wait, even for the right one', async ({
  page,
}) => {
  const problems = await watchPage(page);
  await page.goto(`${server.base}hr.html`);
  const panel = page.getByRole('group', { name: 'Sign in to the server' });
  const tryPassword = async (password: string) => {
    await panel.getByLabel('Name').fill('hana');
    await panel.getByLabel('Password').fill(password);
    await panel.getByRole('button', { name: 'Sign in' }).click();
  };
  for (const guess of ['summer2026!!', 'Summer2026!!', 'password1234']) {
    await tryPassword(guess);
    await expect(panel.getByRole('status')).toHaveText(
      'Wrong name or password. Check both and try again.',
    );
  }
  await tryPassword(PASSWORDS.hana);
  await expect(panel.getByRole('status')).toHaveText(
    'Too many wrong passwords for this account: try again in 20 minutes.',
  );
  await expect(panel).not.toContainText('Signed in as hana');
  await expect(panel.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'the sign-in refused for too many wrong passwords');
  await panel.scrollIntoViewIfNeeded();
  await shootAtBothSizes(page, 'signin-too-many');
  expect(problems.filter((p) => !/status of 401|status of 429/.test(p))).toEqual([]);
});
