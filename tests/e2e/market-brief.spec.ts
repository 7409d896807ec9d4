import { expect, test } from '@playwright/test';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { marketIndex, marketName } from '../../src/sim/index.ts';
import { attachScreenshot, openGame, simulate, watchPage } from './helpers/game.ts';

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

    // seed 7 of silos is dealt "New leads, a weakened rival": Priya is still learning there
    await openGame(page, '?scenario=silos&seed=7');
    const brief = page.getByRole('complementary', { name: 'Your market' });
    await expect(brief).toContainText('New leads, a weakened rival');
    await expect(brief).toContainText('took over their lines this year');
    await expect(page.locator('.kicker').first()).toContainText(
      'market #7 · New leads, a weakened rival',
    );
    const priya = page.locator('.team-list [data-member="priya"]');
    await expect(priya).toContainText('still learning');
    await attachScreenshot(page, testInfo, `briefing-new-leads-${width}`);

    await page.getByRole('button', { name: 'Start quarter 1' }).click();
    await expect(page.getByRole('complementary', { name: 'Your market' })).toContainText(
      'New leads, a weakened rival',
    );
    await page.locator('button.choice').first().click();
    await page.locator('[data-next]').click();
    // after the first call the figures carry the situation on: the brief is not repeated
    await expect(page.locator('button.choice').first()).toBeVisible();
    await expect(page.getByRole('complementary', { name: 'Your market' })).toHaveCount(0);

    // seed 3 is dealt "Two seasoned leads, a strong rival": the same Priya is strong there
    await openGame(page, '?scenario=silos&seed=3');
    await expect(page.getByRole('complementary', { name: 'Your market' })).toContainText(
      'Two seasoned leads, a strong rival',
    );
    await expect(page.locator('.team-list [data-member="priya"]')).toContainText('strong');
    expect(problems).toEqual([]);
  });
}

// value-discipline deals three starting situations too. Seed 3 is dealt "new team": the
// account team took Oakmoor over this year and Oakmoor trusts Halden, so the best path
// there is the firm one (name the discipline, make the case, take charge of the failed
// line, answer Polyform's offer by Friday), which would tell a seasoned team what to do.
// Played to the debrief along it.
const NEW_TEAM_BEST = [
  'name-it',
  'cost-case',
  'distributor',
  'roadmap',
  'take-charge',
  'standard-grade',
  'counter-price',
  'set-plan',
];

for (const [width, height] of SIZES) {
  test(`value-discipline's new team, briefed and played to the debrief at ${width}×${height}`, async ({
    page,
  }, testInfo) => {
    const problems = await watchPage(page);
    await page.setViewportSize({ width, height });
    await openGame(page, '?scenario=value-discipline&seed=3');
    const brief = page.getByRole('complementary', { name: 'Your market' });
    await expect(brief).toContainText('New team, a customer that trusts us');
    await expect(brief).toContainText('none has carried it alone');
    await expect(page.locator('.team-list [data-member="ravi"]')).toContainText('new to the job');
    await attachScreenshot(page, testInfo, `vd-briefing-new-team-${width}`);

    await page.getByRole('button', { name: 'Start quarter 1' }).click();
    await expect(page.getByRole('complementary', { name: 'Your market' })).toContainText(
      "Oakmoor has run on Halden's film for fifteen years",
    );
    await attachScreenshot(page, testInfo, `vd-quarter-1-new-team-${width}`);
    for (const [i, id] of NEW_TEAM_BEST.entries()) {
      await expect(page.locator('button.choice').first()).toBeEnabled();
      await page.waitForTimeout(550);
      await page.locator(`button.choice[data-choice="${id}"]`).click();
      if (i === 0) await attachScreenshot(page, testInfo, `vd-outcome-1-new-team-${width}`);
      await page.getByRole('button', { name: /^(On to quarter \d+|See the debrief)$/ }).click();
    }
    await expect(page.locator('.debrief')).toBeVisible();
    // the score on screen is the model's for this market and these replies
    const expected = simulate('value-discipline', '3', NEW_TEAM_BEST).score;
    await expect(page.locator('.headline .score')).toHaveAttribute('data-score', String(expected));
    await expect(page.locator('.headline .score')).toContainText(`${expected} / 100`);
    await expect(page.locator('.debrief')).toContainText('New team, a customer that trusts us');
    await attachScreenshot(page, testInfo, `vd-debrief-new-team-${width}`);
    expect(problems).toEqual([]);
  });
}

// A brief sits above the first call, so a long one can push a reply below the first screen.
// Every variant of every shipped scenario, on a seed dealt it: all of quarter 1's replies
// are on screen at 1280×800 without scrolling.
for (const { scenario } of loadBundledScenarios().filter((b) => b.scenario.markets)) {
  test(`${scenario.id}: in every starting situation, quarter 1's replies fit the first screen`, async ({
    page,
  }) => {
    const problems = await watchPage(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    for (const [i, market] of scenario.markets!.entries()) {
      let n = 1;
      while (marketIndex(scenario, String(n)) !== i) n++;
      await openGame(page, `?scenario=${scenario.id}&seed=${n}`);
      await page.getByRole('button', { name: 'Start quarter 1' }).click();
      await expect(page.getByRole('complementary', { name: 'Your market' })).toContainText(
        marketName(market),
      );
      const bottom = await page
        .locator('button.choice')
        .evaluateAll((els) => Math.max(...els.map((e) => e.getBoundingClientRect().bottom)));
      expect(bottom, `${market.id} (seed ${n}): the last reply's bottom edge`).toBeLessThanOrEqual(
        800,
      );
      // the brief, read on the briefing, opens again beside the call on demand
      const again = page.getByRole('complementary', { name: 'Your market' });
      await expect(again.getByText(market.brief)).toBeHidden();
      await again.locator('summary').click();
      await expect(again.getByText(market.brief)).toBeVisible();
    }
    expect(problems).toEqual([]);
  });
}
