import { expect, type Page, test } from '@playwright/test';
import { attachScreenshot, openGame, tabTo, waitForRopeView } from './helpers/game.ts';

// Reduced motion (the system's setting or the in-game toggle) turns the quarter's
// animation off: the ropes jump to their new places and stay still.

async function stageFrames(page: Page): Promise<Buffer[]> {
  const frames: Buffer[] = [];
  for (let i = 0; i < 3; i++) {
    await page.waitForTimeout(250);
    frames.push(await page.locator('#stage').screenshot({ animations: 'allow' }));
  }
  return frames;
}

async function toFirstDecision(page: Page) {
  await openGame(page, '?scenario=tutorial&seed=5');
  await waitForRopeView(page);
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
}

test('with prefers-reduced-motion the quarter does not animate', async ({ page }, testInfo) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await toFirstDecision(page);
  await expect(page.locator('#motion-toggle')).toBeChecked();
  await page.locator('button.choice').first().click();
  expect(await page.evaluate(() => window.__TEST__!.store.getState().animating)).toBe(false);
  await expect(page.getByRole('button', { name: 'Skip animation' })).toBeHidden();
  await page.waitForTimeout(300);
  const frames = await stageFrames(page);
  expect(frames[1]!.equals(frames[0]!)).toBe(true);
  expect(frames[2]!.equals(frames[0]!)).toBe(true);
  await attachScreenshot(page, testInfo, 'rope-view-reduced-motion', '#stage');
});

test('without it the quarter animates, can be skipped, the toggle turns it off, and the system rules again', async ({
  page,
}, testInfo) => {
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await toFirstDecision(page);
  await expect(page.locator('#motion-toggle')).not.toBeChecked();
  await page.locator('button.choice').first().click();
  expect(await page.evaluate(() => window.__TEST__!.store.getState().animating)).toBe(true);
  const frames = await stageFrames(page);
  expect(frames.some((f) => !f.equals(frames[0]!))).toBe(true);
  await attachScreenshot(page, testInfo, 'rope-view-animating', '#stage');
  // the animation ends by itself and the view says so
  await expect
    .poll(() => page.evaluate(() => window.__TEST__!.store.getState().animating))
    .toBe(false);

  // the next quarter's animation is skipped with the button
  await page.locator('[data-next]').click();
  await page.locator('button.choice').first().click();
  await page.getByRole('button', { name: 'Skip animation' }).click();
  await expect(page.getByRole('button', { name: 'Skip animation' })).toBeHidden();
  expect(await page.evaluate(() => window.__TEST__!.store.getState().skipped)).toBe(true);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();

  // the in-game toggle, by keyboard, and it is remembered
  await page.locator('[data-next]').click();
  await page.locator('#motion-toggle').focus();
  await page.keyboard.press('Space');
  await expect(page.locator('#motion-toggle')).toBeChecked();
  await page.locator('button.choice').first().click();
  expect(await page.evaluate(() => window.__TEST__!.store.getState().animating)).toBe(false);
  await page.waitForTimeout(300);
  const still = await stageFrames(page);
  expect(still[2]!.equals(still[0]!)).toBe(true);
  await page.reload();
  await page.waitForFunction(() => window.__TEST__?.ready === true);
  await expect(page.locator('#motion-toggle')).toBeChecked();

  // and the way back to the system's setting, which is remembered too
  const follow = page.getByRole('button', { name: 'Follow system' });
  await follow.click();
  await expect(page.locator('#motion-toggle')).not.toBeChecked();
  await expect(page.locator('#motion-toggle')).toBeFocused();
  await expect(follow).toBeHidden();
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await expect(page.locator('#motion-toggle')).toBeChecked();
  await page.reload();
  await page.waitForFunction(() => window.__TEST__?.ready === true);
  await expect(page.locator('#motion-toggle')).toBeChecked();
  await expect(follow).toBeHidden();
});

test('keys reach the buttons while the rope view runs', async ({ page }) => {
  await toFirstDecision(page);
  // Space and Enter on focused buttons, arrows and Tab: none is taken by Phaser
  await page.keyboard.press('ArrowDown');
  await tabTo(page, /Directive|Collaborative/, 'Space');
  await expect(
    page.getByRole('heading', { level: 1, name: /What happened in quarter 1/ }),
  ).toBeFocused();
});
