import { expect, test } from '@playwright/test';
import { attachScreenshot, openGame, watchPage } from './helpers/game.ts';

// scripts-or-judgement deals two starting situations (issue 18): seed 2 is dealt "shared
// notes", where the CRM already holds the accounts and Ingrid is the only rep who knows
// kitchens. The trainee reads it on the briefing and beside the first call, and plays the
// market to its debrief with that variant's best path.

const SIZES = [
  [1280, 800],
  [360, 740],
] as const;

// the report's best path for seed 2 (npm run scenario:report)
const BEST = [
  'veterans-free',
  'make-good',
  'one-useful',
  'reps-decide',
  'whole-kitchen',
  'enforce',
  'match',
  'pods',
];

for (const [width, height] of SIZES) {
  test(`shared notes: the brief, and its best path to the debrief at ${width}×${height}`, async ({
    page,
  }, testInfo) => {
    const problems = await watchPage(page);
    await page.setViewportSize({ width, height });
    await openGame(page, '?scenario=scripts-or-judgement&seed=2');
    const brief = page.getByRole('complementary', { name: 'Your market' });
    await expect(brief).toContainText('Notes in the CRM, a green team');
    await expect(brief).toContainText('the CRM already holds what the team knows');
    await expect(page.locator('.kicker').first()).toContainText(
      'market #2 · Notes in the CRM, a green team',
    );
    await attachScreenshot(page, testInfo, `briefing-shared-notes-${width}`);

    await page.getByRole('button', { name: 'Start quarter 1' }).click();
    await expect(page.getByRole('complementary', { name: 'Your market' })).toContainText(
      'Ingrid is the only rep who knows restaurant kitchens well',
    );
    await attachScreenshot(page, testInfo, `quarter-1-shared-notes-${width}`);
    for (const id of BEST) {
      await page.locator(`button.choice[data-choice="${id}"]`).click();
      await page.getByRole('button', { name: /^(On to quarter \d+|See the debrief)$/ }).click();
    }
    await expect(page.locator('.debrief')).toBeVisible();
    // the variant's best path passes and reaches the top band of the debrief
    await expect(page.locator('.debrief')).toContainText(
      "Harbour Quarter's owners bought more from Halvard",
    );
    await attachScreenshot(page, testInfo, `debrief-shared-notes-${width}`);
    // the debrief's opening, as it first meets the eye
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: testInfo.outputPath(`debrief-top-${width}.png`) });
    expect(problems).toEqual([]);
  });
}
