import { expect, test } from '@playwright/test';
import { attachScreenshot, openGame, watchPage } from './helpers/game.ts';

// who-owns, seed 1, is dealt "chloe seasoned": Ben is new to hospitals. On this line the
// admin jobs were passed down, a retention bonus stood in for a second person on the
// tender, and Sara, worn down, resigned in quarter 4 with the contacts only she held. When Ben
// finds his opening the account needs a second person for next year, and coaching him
// through it beats handing the deal to Chloé here (docs/scenarios.md, "Ben's opening").
// The quarter's outcome gives the coach's reason, and the debrief counts the call among
// the strongest of the game.

const SIZES = [
  [1280, 800],
  [360, 740],
] as const;

const BEFORE = ['account-team', 'push-down', 'specialist', 'retention-bonus', 'no-data'];
const AFTER = ['chloe-recall', 'chloe-deputy'];

async function decide(page: import('@playwright/test').Page, id: string): Promise<void> {
  await page.locator(`button.choice[data-choice="${id}"]`).click();
}

async function next(page: import('@playwright/test').Page): Promise<void> {
  await page.getByRole('button', { name: /^(On to quarter \d+|See the debrief)$/ }).click();
}

for (const [width, height] of SIZES) {
  test(`Ben new and Sara gone: coaching Ben, and why it paid, at ${width}×${height}`, async ({
    page,
  }, testInfo) => {
    const problems = await watchPage(page);
    await page.setViewportSize({ width, height });
    await openGame(page, '?scenario=who-owns&seed=1');
    await expect(page.getByRole('complementary', { name: 'Your market' })).toContainText(
      'he has never closed a hospital deal',
    );
    await page.getByRole('button', { name: 'Start quarter 1' }).click();
    for (const id of BEFORE) {
      await decide(page, id);
      await next(page);
    }
    await decide(page, 'coach-ben');
    await expect(page.locator('main')).toContainText('grows fastest leading a real deal');
    await attachScreenshot(page, testInfo, `coach-ben-outcome-${width}`);
    await page.getByText('Coach:').scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`coach-ben-outcome-coach-${width}.png`) });
    await next(page);
    for (const id of AFTER) {
      await decide(page, id);
      await next(page);
    }
    const debrief = page.locator('.debrief');
    await expect(debrief).toBeVisible();
    // in the game this player built, no other reply to Ben's opening would have done better
    await expect(debrief).toContainText(/The strongest replies: [^.]*\bQ6\b/);
    await page.screenshot({ path: testInfo.outputPath(`coach-ben-debrief-top-${width}.png`) });
    const q6 = debrief.getByRole('heading', { name: "Quarter 6: Ben's opening" });
    await q6.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`coach-ben-debrief-q6-${width}.png`) });
    await page.getByText(/^The strongest replies:/).scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`coach-ben-debrief-calls-${width}.png`) });
    expect(problems).toEqual([]);
  });
}
