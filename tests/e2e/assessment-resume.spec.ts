import { expect, type Page, test } from '@playwright/test';
import { clickListed, playQuarter, shootAtBothSizes, watchPage } from './helpers/game.ts';
import { roomServerForFile } from './helpers/room-server.ts';

// The server holds an assessed attempt's choices; the page keeps which screen was open, so
// a reload on a quarter's outcome (a phone that discarded the tab) opens that outcome again,
// worked out from the server's choices, rather than the next quarter's decision.

const server = roomServerForFile();

/** everything the quarter's outcome says, as the page shows it */
const outcomeText = (page: Page) => page.locator('.screen.outcome').textContent();

test('a reload on an assessed attempt’s outcome shows that outcome again, not the next quarter', async ({
  page,
}) => {
  const problems = await watchPage(page);
  const res = await fetch(`${server.base}api/assignments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title: 'Reload check',
      scenario: { kind: 'bundled', id: 'value-discipline' },
      passMark: 50,
      attempts: 1,
      trainees: ['ana@example.com'],
    }),
  });
  expect(res.ok).toBe(true);
  const made = (await res.json()) as {
    assignment: { id: string };
    trainees: { token: string }[];
  };
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${server.base}?assess=${made.assignment.id}&t=${made.trainees[0]!.token}`);
  await page.getByRole('button', { name: 'Start attempt 1 of 1' }).click();
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
  await playQuarter(page, 0);
  await playQuarter(page, 1);
  await clickListed(page, 2);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What happened in quarter 3');
  const before = await outcomeText(page);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What happened in quarter 3');
  await expect(page.locator('.kicker')).toContainText('Quarter 3 of 8 · outcome');
  expect(await outcomeText(page)).toBe(before);
  await expect(page.locator('.room-bar')).toContainText('connected');
  await shootAtBothSizes(page, 'assessed-reload-on-outcome');
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.locator('[data-next]').click();
  await expect(page.locator('.kicker')).toContainText('Quarter 4 of 8');
  // moved on: a reload now opens quarter 4's decision
  await page.reload();
  await expect(page.locator('.kicker')).toContainText('Quarter 4 of 8');
  await expect(page.locator('button.choice').first()).toBeVisible();
  expect(problems).toEqual([]);
});
