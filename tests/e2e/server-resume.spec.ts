import { expect, type Page, test } from '@playwright/test';
import { clickListed, playQuarter, shootAtBothSizes, watchPage } from './helpers/game.ts';
import { createAssessment, createRoom, roomServerForFile } from './helpers/room-server.ts';

// The server holds the choices of an assessed attempt and of a live room's game; the page
// keeps which screen was open, so a reload on a quarter's outcome (a phone that discarded
// the tab) opens that outcome again, worked out from the server's choices, rather than the
// next quarter's decision.

const server = roomServerForFile();

/** everything the quarter's outcome says, as the page shows it */
const outcomeText = (page: Page) => page.locator('.screen.outcome').textContent();

/** reloads on the outcome of `quarter`, which must come back as it was; then moves on */
async function reloadOnOutcome(page: Page, quarter: number, shot: string) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `What happened in quarter ${quarter}`,
  );
  const before = await outcomeText(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `What happened in quarter ${quarter}`,
  );
  await expect(page.locator('.kicker')).toContainText(`Quarter ${quarter} of 8 · outcome`);
  expect(await outcomeText(page)).toBe(before);
  await expect(page.locator('.room-bar')).toContainText('connected');
  await shootAtBothSizes(page, shot);
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.locator('[data-next]').click();
  await expect(page.locator('.kicker')).toContainText(`Quarter ${quarter + 1} of 8`);
  // moved on: a reload now opens the next quarter's decision
  await page.reload();
  await expect(page.locator('.kicker')).toContainText(`Quarter ${quarter + 1} of 8`);
  await expect(page.locator('button.choice').first()).toBeVisible();
}

test('a reload on an assessed attempt’s outcome shows that outcome again, not the next quarter', async ({
  page,
}) => {
  const problems = await watchPage(page);
  const { links } = await createAssessment(server.base, {
    title: 'Reload check',
    scenario: { kind: 'bundled', id: 'value-discipline' },
    passMark: 50,
    attempts: 1,
    trainees: ['ana@example.com'],
  });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(links[0]!);
  await page.getByRole('button', { name: 'Start attempt 1 of 1' }).click();
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
  await playQuarter(page, 0);
  await playQuarter(page, 1);
  await clickListed(page, 2);
  await reloadOnOutcome(page, 3, 'assessed-reload-on-outcome');
  expect(problems).toEqual([]);
});

test('a reload on a live room’s outcome shows that outcome again', async ({ page }) => {
  const problems = await watchPage(page);
  const { code } = await createRoom(server.base, {
    scenario: { kind: 'bundled', id: 'value-discipline' },
    seed: 'reload',
    pacing: { mode: 'self' },
  });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${server.base}?room=${code}`);
  await page.getByLabel(/Your name/).fill('Ana');
  await page.getByRole('button', { name: 'Join the room' }).click();
  await expect(page.locator('button.choice').first()).toBeEnabled();
  await clickListed(page, 0);
  await reloadOnOutcome(page, 1, 'room-reload-on-outcome');
  expect(problems).toEqual([]);
});
