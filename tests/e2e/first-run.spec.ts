import { expect, type Page, test } from '@playwright/test';
import {
  clickListed,
  expectNoAxeViolations,
  openGame,
  shootAtBothSizes,
  watchPage,
} from './helpers/game.ts';

// A first-time trainee's path, as a reviewer walked it: the title screen and the list of
// markets lead to the tutorial until one is finished; the tutorial names a situation's
// kind as a term; the way on from an outcome is two keys away; a practice debrief reads as
// feedback; and the live region never keeps the last game's words.

const TUTORIAL = 'First quarter on the ropes';
const NEXT = /^(On to quarter \d+|See the debrief)$/;

async function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => (document.activeElement?.textContent ?? '').replace(/\s+/g, ' '));
}

test('a newcomer is led to the tutorial, and no longer once one is finished', async ({ page }) => {
  test.setTimeout(180_000);
  const problems = await watchPage(page);
  await openGame(page);
  const title = page.locator('.title-screen');
  const buttons = title.locator('.row').first().getByRole('button');
  await expect(buttons.first()).toHaveText('Play the tutorial');
  await expect(buttons.first()).toHaveClass(/btn-primary/);
  await expect(title.getByRole('button', { name: 'Choose a market' })).not.toHaveClass(
    /btn-primary/,
  );
  await expect(page.locator('#tutorial-note')).toContainText('4 quarters, guided');
  await expectNoAxeViolations(page, 'the title screen of a newcomer');
  await shootAtBothSizes(page, 'title-newcomer');

  // the list: the tutorial first, and where to start said on it
  await title.getByRole('button', { name: 'Choose a market' }).click();
  const first = page.locator('.scenario-card').first();
  await expect(first.locator('h2')).toHaveText(TUTORIAL);
  await expect(first.locator('.start-here')).toHaveText(/^Start here: 4 quarters, guided/);
  await expect(page.locator('.start-here')).toHaveCount(1);
  await expectNoAxeViolations(page, 'the list of markets of a newcomer');
  await shootAtBothSizes(page, 'picker-newcomer');
  await page.getByRole('button', { name: 'Back to the title' }).click();

  await page.getByRole('button', { name: 'Play the tutorial' }).click();
  await expect(page.getByRole('heading', { level: 1, name: TUTORIAL })).toBeVisible();
  await page.getByRole('button', { name: 'Start quarter 1' }).click();

  // the situation's kind, named in guided mode, is explained where it is first shown
  const kind = page.locator('.situation .kicker button.term[data-term="kind"]');
  await expect(kind).toHaveText(/^(Slow build|Crisis|Routine)$/);
  await kind.click();
  await expect(page.locator('.situation .kicker .term-wrap.open .term-tip')).toContainText(
    'A crisis calls for speed',
  );
  await shootAtBothSizes(page, 'situation-kind-term');
  await kind.click();

  // the outcome: the heading has focus, the first Tab offers the way on, Enter goes there
  await clickListed(page, 0);
  await expect(page.locator('.outcome h1')).toBeFocused();
  const skip = page.locator('.skip-to-next');
  await expect(skip).toHaveText('Skip to the next step');
  expect((await skip.boundingBox())?.width ?? 0).toBeLessThanOrEqual(1);
  await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  expect((await skip.boundingBox())?.width ?? 0).toBeGreaterThan(100);
  await shootAtBothSizes(page, 'outcome-skip-focused');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-next]')).toBeFocused();
  expect(await focusedText(page)).toMatch(NEXT);
  // the terms are still stops for the keyboard, after the way on's shortcut
  await expect(page.locator('.outcome button.term').first()).toBeVisible();
  await expectNoAxeViolations(page, 'the outcome');
  await page.keyboard.press('Enter');

  // the rest of the tutorial to its debrief
  while ((await page.locator('.debrief').count()) === 0) {
    const next = page.locator('[data-next]');
    if (await next.count()) await next.click();
    else await clickListed(page, 0);
  }
  const live = page.locator('#live');
  await expect(live).toHaveText('The game is over: the debrief is on screen.');
  // a practice game: feedback against a graded game's mark, not a failed test
  await expect(page.locator('.verdict')).toHaveText(
    /^(✓ )?Fair score \d+ of 100: (at or above the 75 a graded game needs|below the 75 a graded game would need)\.$/,
    { timeout: 60_000 },
  );
  await expect(page.locator('.verdict')).not.toContainText(/pass/i);
  await expect(page.locator('.score-note')).toContainText(
    'the fair score is what a grade would read',
  );
  await page.locator('.headline').scrollIntoViewIfNeeded();
  await shootAtBothSizes(page, 'practice-debrief');

  // the next game's quarter 1 is on screen: the live region no longer says the game is over
  await page.getByRole('button', { name: 'Replay this market' }).click();
  await expect(page.locator('.situation h1')).toBeVisible();
  await expect(live).toHaveText('');

  // finished once: the title screen and the list no longer lead to it
  await openGame(page);
  await expect(page.getByRole('button', { name: 'Play the tutorial' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Choose a market' })).toHaveClass(/btn-primary/);
  await page.getByRole('button', { name: 'Choose a market' }).click();
  await expect(page.locator('.scenario-card').first().locator('h2')).toHaveText(TUTORIAL);
  await expect(page.locator('.start-here')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('a link that names a market opens it, whatever the tutorial', async ({ page }) => {
  await openGame(page, '?scenario=who-owns&seed=1');
  await expect(page.locator('.title-screen')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Start quarter 1' })).toBeVisible();
  const id = await page.evaluate(() => window.__TEST__!.store.getState().entry!.scenario.id);
  expect(id).toBe('who-owns');
});
