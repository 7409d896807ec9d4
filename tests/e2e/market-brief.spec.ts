import { expect, test } from '@playwright/test';
import { attachScreenshot, openGame, watchPage } from './helpers/game.ts';

// Market variants (issue 18, 14): each market of silos is dealt one of three starting
// situations. The trainee reads theirs on the briefing and beside the first call, the team
// is introduced with that market's own figures, and the debrief names it.

const SIZES = [
  [1280, 800],
  [360, 740],
] as const;

for (const [width, height] of SIZES) {
  test(`the market's brief and its own team at ${width}×${height}`, async ({ page }, testInfo) => {
    const problems = await watchPage(page);
    await page.setViewportSize({ width, height });

    // seed 7 of silos is dealt "new leads": Priya is still learning there
    await openGame(page, '?scenario=silos&seed=7');
    const brief = page.getByRole('complementary', { name: 'Your market' });
    await expect(brief).toContainText('new leads');
    await expect(brief).toContainText('took over their lines this year');
    await expect(page.locator('.kicker').first()).toContainText('market #7 · new leads');
    const priya = page.locator('.team-list [data-member="priya"]');
    await expect(priya).toContainText('still learning');
    await attachScreenshot(page, testInfo, `briefing-new-leads-${width}`);

    await page.getByRole('button', { name: 'Start quarter 1' }).click();
    await expect(page.getByRole('complementary', { name: 'Your market' })).toContainText(
      'new leads',
    );
    await page.locator('button.choice').first().click();
    await page.locator('[data-next]').click();
    // after the first call the figures carry the situation on: the brief is not repeated
    await expect(page.locator('button.choice').first()).toBeVisible();
    await expect(page.getByRole('complementary', { name: 'Your market' })).toHaveCount(0);

    // seed 3 is dealt "seasoned leads": the same Priya is strong there
    await openGame(page, '?scenario=silos&seed=3');
    await expect(page.getByRole('complementary', { name: 'Your market' })).toContainText(
      'seasoned leads',
    );
    await expect(page.locator('.team-list [data-member="priya"]')).toContainText('strong');
    expect(problems).toEqual([]);
  });
}
