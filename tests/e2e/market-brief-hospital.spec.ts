import { expect, test } from '@playwright/test';
import { attachScreenshot, openGame, watchPage } from './helpers/game.ts';

// who-owns deals two starting situations (issue 18): seed 2 is dealt "Ben seasoned, Chloé new", where
// Ben has sold servicing to hospitals for ten years and Chloé is new to them. The trainee
// reads it on the briefing and beside the first decision, and plays the market to its
// debrief with that variant's best path: every hand-over goes to Ben, not Chloé.

const SIZES = [
  [1280, 800],
  [360, 740],
] as const;

// the report's best path for seed 2 (npm run scenario:report -- scenarios/who-owns.yaml)
const BEST = [
  'account-team',
  'pick-one',
  'ben-audit',
  'ben-tender',
  'contact-strategy',
  'ben-runs',
  'ben-recall',
  'ben-deputy',
];

for (const [width, height] of SIZES) {
  test(`ben seasoned: the brief, and its best path to the debrief at ${width}×${height}`, async ({
    page,
  }, testInfo) => {
    const problems = await watchPage(page);
    await page.setViewportSize({ width, height });
    await openGame(page, '?scenario=who-owns&seed=2');
    const brief = page.getByRole('complementary', { name: 'Your market' });
    // named as the scenario names it, accent and all, not from its id
    await expect(brief).toContainText('Your market: Ben seasoned, Chloé new');
    await expect(brief).toContainText('ten years selling equipment servicing to hospitals');
    await expect(page.locator('.kicker').first()).toContainText(
      'market #2 · Ben seasoned, Chloé new',
    );
    await attachScreenshot(page, testInfo, `briefing-ben-seasoned-${width}`);

    await page.getByRole('button', { name: 'Start quarter 1' }).click();
    await expect(page.getByRole('complementary', { name: 'Your market' })).toContainText(
      'she has never sold to a hospital',
    );
    await attachScreenshot(page, testInfo, `quarter-1-ben-seasoned-${width}`);
    for (const id of BEST) {
      await page.locator(`button.choice[data-choice="${id}"]`).click();
      await page.getByRole('button', { name: /^(On to quarter \d+|See the debrief)$/ }).click();
    }
    await expect(page.locator('.debrief')).toBeVisible();
    await expect(page.locator('.debrief .kicker')).toContainText(
      'market #2 · Ben seasoned, Chloé new',
    );
    await expect(page.locator('.debrief')).not.toContainText('ben seasoned');
    // the variant's best path reaches the top band of the debrief
    await expect(page.locator('.debrief')).toContainText(
      "St Brigid's ended the year buying more from Halvorsen.",
    );
    await attachScreenshot(page, testInfo, `debrief-ben-seasoned-${width}`);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: testInfo.outputPath(`debrief-top-${width}.png`) });
    expect(problems).toEqual([]);
  });
}
