import { expect, type Page, test } from '@playwright/test';
import {
  clickListed,
  expectNoAxeViolations,
  openGame,
  shootAtBothSizes,
  waitForRopeView,
  watchPage,
} from './helpers/game.ts';

// A reload keeps the player where they were. Phones discard background tabs often: a
// reload on a quarter's outcome must open that outcome again, not skip to the next
// decision and lose what it explains. And the notices about the save say only what is
// still true: "Welcome back" goes once the player moves on, and the damaged-save warning
// once starting the market has replaced the save.

const WELCOME = 'Welcome back: your game continues where you left it.';
/** everything the quarter's outcome says, as the page shows it */
const outcomeText = (page: Page) => page.locator('.screen.outcome').textContent();

/** the messages above the screen (one-off news that asks nothing goes after it) */
const messages = (page: Page) => page.getByRole('region', { name: 'Messages' });

async function reload(page: Page) {
  await page.reload();
  await page.waitForFunction(() => window.__TEST__?.ready === true);
}

test('a reload on a quarter’s outcome shows that outcome again; welcome back goes once the player moves on', async ({
  page,
}) => {
  const problems = await watchPage(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openGame(page, '?scenario=value-discipline&seed=4242');
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
  await clickListed(page, 0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What happened in quarter 1');
  const before = await outcomeText(page);

  await reload(page);
  await waitForRopeView(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What happened in quarter 1');
  await expect(page.locator('.kicker')).toContainText('Quarter 1 of 8 · outcome');
  expect(await outcomeText(page)).toBe(before);
  await expect(messages(page).getByText(WELCOME)).toBeVisible();
  await expectNoAxeViolations(page, 'an outcome opened again by a reload');
  await shootAtBothSizes(page, 'reload-on-outcome');
  await page.setViewportSize({ width: 1280, height: 800 });

  // on to quarter 2: the player has moved on, and the notice with them
  await page.locator('[data-next]').click();
  await expect(page.locator('.kicker')).toContainText('Quarter 2 of 8');
  await expect(page.getByText(WELCOME)).toHaveCount(0);
  // a reload on the decision opens the decision, and the welcome goes with the next call
  await reload(page);
  await expect(page.locator('.kicker')).toContainText('Quarter 2 of 8');
  await expect(page.locator('button.choice').first()).toBeVisible();
  await expect(messages(page).getByText(WELCOME)).toBeVisible();
  await clickListed(page, 1);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What happened in quarter 2');
  await expect(page.getByText(WELCOME)).toHaveCount(0);
  await page.locator('[data-next]').click();
  await expect(page.getByText(WELCOME)).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('the damaged-save warning goes once starting the market has replaced the save', async ({
  page,
}) => {
  const problems = await watchPage(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openGame(page, '?scenario=value-discipline&seed=4243');
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
  await clickListed(page, 0);
  // the save of this market is damaged while the page is away
  const key = await page.evaluate(() =>
    Object.keys(localStorage).find((k) => k.startsWith('tow.save.')),
  );
  expect(key).toBeDefined();
  await page.evaluate((k) => localStorage.setItem(k!, '{"format":"tow.save","v":2,'), key);

  await reload(page);
  // above the screen, where a message that matters is read first
  const warning = messages(page).getByText('Your saved game of this market could not be read');
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('Starting this market replaces it');
  await expect(page.getByRole('button', { name: 'Start quarter 1' })).toBeVisible();
  await shootAtBothSizes(page, 'damaged-save-briefing');
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByRole('button', { name: 'Start quarter 1' }).click();
  await expect(page.getByText('could not be read')).toHaveCount(0);
  const saved = await page.evaluate((k) => localStorage.getItem(k!), key);
  expect(JSON.parse(saved!).choices).toEqual([]);
  await clickListed(page, 0);
  await expect(page.getByText('could not be read')).toHaveCount(0);
  await shootAtBothSizes(page, 'damaged-save-replaced-outcome');
  await page.setViewportSize({ width: 1280, height: 800 });
  // and a reload finds the new game on its outcome, with nothing said about a damaged one
  await reload(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What happened in quarter 1');
  await expect(page.getByText('could not be read')).toHaveCount(0);
  expect(problems).toEqual([]);
});
