import { expect, type Page, test } from '@playwright/test';
import { linkQuery } from '../../src/links/links.ts';
import { expectNoAxeViolations, openGame, watchPage } from './helpers/game.ts';

// One market in two tabs of one browser: one tab plays, the other says so and offers to
// take over; an assessed market opened twice uses one attempt, not two.

const assignment = `?${linkQuery({
  kind: 'assignment',
  session: 'hr-tabs',
  scenario: 'tutorial',
  seed: '21',
  trainee: 'T-7',
  attempts: 2,
  passMark: 60,
})}`;

const elsewhere = (page: Page) =>
  page.getByRole('heading', { level: 1, name: 'This market is open in another tab' });
const attemptsUsed = (page: Page) =>
  page.evaluate(() => localStorage.getItem('tow.attempts.v1.hr-tabs.T-7'));
const savedChoices = (page: Page) =>
  page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('tow.save.'));
    return key ? (JSON.parse(localStorage.getItem(key)!).choices as string[]) : null;
  });

test('a second tab on the same assessed market says so, uses no attempt, and can take over', async ({
  context,
}, testInfo) => {
  const first = await context.newPage();
  const problems = await watchPage(first);
  await openGame(first, assignment);
  await first.getByRole('button', { name: 'Start quarter 1' }).click();
  await first.locator('button.choice').first().click();
  const played = await savedChoices(first);
  expect(played).toHaveLength(1);
  expect(await attemptsUsed(first)).toBe('1');

  // the same link in a second tab
  const second = await context.newPage();
  problems.push(...(await watchPage(second)));
  await openGame(second, assignment);
  await expect(elsewhere(second)).toBeVisible();
  await expect(second.locator('.banner')).toContainText('trainee T-7');
  await expect(second.getByText('your game continues where you left it')).toHaveCount(0);
  await expectNoAxeViolations(second, 'market open in another tab');
  await expect(second.getByRole('button', { name: 'Start quarter 1' })).toHaveCount(0);
  expect(await attemptsUsed(second)).toBe('1');
  for (const [name, size] of [
    ['1280', { width: 1280, height: 800 }],
    ['360', { width: 360, height: 740 }],
  ] as const) {
    await second.setViewportSize(size);
    await second.screenshot({ path: testInfo.outputPath(`elsewhere-${name}.png`) });
  }

  // the first tab plays on meanwhile; the second takes over from there
  await first.locator('[data-next]').click();
  await first.locator('button.choice').first().click();
  const twoPlayed = await savedChoices(first);
  expect(twoPlayed).toHaveLength(2);
  await second.getByRole('button', { name: 'Play here instead' }).click();
  // the first tab was showing quarter 2's outcome: the second opens on it, then moves on
  await expect(second.locator('.kicker')).toContainText('Quarter 2 of 4 · outcome');
  expect(await second.evaluate(() => window.__TEST__!.store.getState().sim!.choices)).toEqual(
    twoPlayed,
  );
  await expect(elsewhere(first)).toBeVisible();
  expect(await attemptsUsed(second)).toBe('1');
  await second.locator('[data-next]').click();
  await expect(second.locator('.kicker')).toContainText('Quarter 3');

  // the second tab plays to the end and its last decision is kept; the first tab, told,
  // can take the game back
  await second.locator('button.choice').first().click();
  expect(await savedChoices(second)).toHaveLength(3);
  await second.locator('[data-next]').click();
  await second.waitForTimeout(550); // a player who reads the situation first
  await second.locator('button.choice').first().click();
  expect(await savedChoices(second)).toHaveLength(4);
  await first.getByRole('button', { name: 'Play here instead' }).click();
  await expect(first.locator('.kicker')).toContainText('Quarter 4 of 4 · outcome');
  await first.locator('[data-next]').click();
  await expect(first.locator('.kicker')).toContainText('Debrief');
  await expect(first.locator('.banner')).toContainText('attempt 1 of 2');
  expect((await first.evaluate(() => window.__TEST__!.store.getState().sim!.choices)).length).toBe(
    4,
  );
  await expect(elsewhere(second)).toBeVisible();
  expect(await attemptsUsed(first)).toBe('1');
  expect(problems).toEqual([]);
});

test('a tab that closes lets its market go: the next tab plays it at once', async ({ context }) => {
  const first = await context.newPage();
  await openGame(first, '?scenario=tutorial&seed=31');
  await first.getByRole('button', { name: 'Start quarter 1' }).click();
  await first.locator('button.choice').first().click();
  await first.close();
  const second = await context.newPage();
  await openGame(second, '?scenario=tutorial&seed=31');
  await expect(second.getByText('your game continues where you left it')).toBeVisible();
  // the first tab closed on quarter 1's outcome: the next tab opens on it
  await expect(second.locator('.kicker')).toContainText('Quarter 1 of 4 · outcome');
  await expect(elsewhere(second)).toHaveCount(0);
  await second.locator('[data-next]').click();
  await expect(second.locator('.kicker')).toContainText('Quarter 2');
});
