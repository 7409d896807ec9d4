import { expect, test } from '@playwright/test';
import { watchPage } from './helpers/game.ts';
import { roomServerForFile } from './helpers/room-server.ts';

// A server with no accounts (TOW_ACCOUNTS unset): the sign-in card says at once that
// signing in is off, rather than offering a form that answers so only after a try.

const server = roomServerForFile();

for (const [page_, where] of [
  ['workshop.html#live', 'the facilitator’s live room tab'],
  ['hr.html', 'HR’s page'],
] as const) {
  test(`${where} says up front that signing in is off on this server`, async ({
    page,
  }, testInfo) => {
    const problems = await watchPage(page);
    for (const [width, height] of [
      [1280, 800],
      [360, 740],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.goto(`${server.base}${page_}`);
      const card = page.getByRole('group', { name: 'Sign in to the server' });
      await expect(card).toContainText('Signing in is off on');
      await expect(card).toContainText('no accounts are set up on this server');
      // nothing to type a password into, and no button to press in vain
      await expect(card.getByLabel('Password')).toHaveCount(0);
      await expect(card.getByRole('button', { name: 'Sign in' })).toHaveCount(0);
      await card.scrollIntoViewIfNeeded();
      await page.screenshot({
        path: testInfo.outputPath(`signin-off-${page_.replace(/\W+/g, '-')}-${width}.png`),
      });
    }
    expect(problems).toEqual([]);
  });
}
