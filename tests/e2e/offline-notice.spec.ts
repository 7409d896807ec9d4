import { expect, test } from '@playwright/test';
import {
  attachScreenshot,
  waitForOfflineCache,
  waitForRopeView,
  watchPage,
} from './helpers/game.ts';
import { createAssessment, createRoom, roomServerForFile } from './helpers/room-server.ts';

// "The game is now ready to play offline, too." is said only where it is true. An assessed
// attempt and a live room are played by the server, so their pages never say it, even on
// the first visit, when the service worker caches the site; a player who leaves a room for
// the title screen, where the game does play offline, hears it there.

const NOTE = 'The game is now ready to play offline, too.';

const server = roomServerForFile();

test('an assessed attempt does not say that the game plays offline', async ({ page }, testInfo) => {
  const problems = await watchPage(page);
  const { links } = await createAssessment(server.base, {
    title: 'Offline check',
    scenario: { kind: 'bundled', id: 'tutorial' },
    passMark: 50,
    attempts: 1,
    trainees: ['ana@example.com'],
  });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(links[0]!);
  // the attempt's rules first, then the dealt market's briefing, then quarter 1
  await page.getByRole('button', { name: 'Start attempt 1 of 1' }).click();
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
  await waitForRopeView(page);
  await expect(page.locator('.room-bar')).toContainText('Assessed: Offline check');
  await expect(page.locator('button.choice').first()).toBeVisible();
  await waitForOfflineCache(page);
  await expect(page.getByText(NOTE)).toHaveCount(0);
  await attachScreenshot(page, testInfo, 'assessed-no-offline-note-1280');
  expect(problems).toEqual([]);
});

test('a live room does not say it; the title screen does once the player leaves the room', async ({
  page,
}, testInfo) => {
  const problems = await watchPage(page);
  const { code } = await createRoom(server.base, {
    scenario: { kind: 'bundled', id: 'tutorial' },
    seed: 'offline',
    pacing: { mode: 'gated' },
  });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${server.base}?room=${code}`);
  await expect(page.getByRole('heading', { name: 'Join a live room' })).toBeVisible();
  await waitForOfflineCache(page);
  await expect(page.getByText(NOTE)).toHaveCount(0);
  await attachScreenshot(page, testInfo, 'room-no-offline-note-1280');
  await page.getByRole('button', { name: 'Back to the title' }).click();
  await expect(page.getByRole('button', { name: 'Choose a market' })).toBeVisible();
  await expect(page.getByText(NOTE)).toBeVisible();
  await attachScreenshot(page, testInfo, 'title-offline-note-1280');
  expect(problems).toEqual([]);
});
