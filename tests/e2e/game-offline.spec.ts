import { expect, test } from '@playwright/test';
import { openGame, waitForRopeView } from './helpers/game.ts';

// After the first visit the service worker has cached the whole site, Phaser included:
// with the network gone, the game still opens and plays.

test('plays offline after the first visit', async ({ page, context }) => {
  await openGame(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect(page.getByText('ready to play offline')).toBeVisible({ timeout: 30_000 });
  await context.setOffline(true);
  await page.goto('./?scenario=tutorial&seed=3');
  await page.waitForFunction(() => window.__TEST__?.ready === true);
  await waitForRopeView(page);
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
  await page.locator('button.choice').first().click();
  await expect(
    page.getByRole('heading', { level: 1, name: /What happened in quarter 1/ }),
  ).toBeVisible();
  await context.setOffline(false);
});
