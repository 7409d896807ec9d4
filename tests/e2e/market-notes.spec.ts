import { expect, test } from '@playwright/test';
import { attachScreenshot, openGame, watchPage } from './helpers/game.ts';

// who-owns deals seed 1 "Chloé seasoned, Ben new" and seed 2 "Ben seasoned, Chloé new". The
// same reply, Chloé taking the clinical specialist to the audit in quarter 3, gets the coach
// note of the trainee's own market, in the quarter's outcome and in the debrief: no "if she
// knows how a hospital works" left for the trainee to settle.

const BEFORE = ['account-team', 'push-down'];
const AFTER = ['retention-bonus', 'no-data', 'coach-ben', 'chloe-recall', 'chloe-deputy'];

const MARKETS = [
  {
    seed: '1',
    brief: 'he has never closed a hospital deal',
    note: 'Chloé, who has sold to its wards for six years, knows how a hospital works',
    not: 'still learning how a hospital works',
  },
  {
    seed: '2',
    brief: 'she has never sold to a hospital',
    note: 'Chloé came from consumer goods this year and is still learning how a hospital works',
    not: 'who has sold to its wards for six years',
  },
] as const;

async function decide(page: import('@playwright/test').Page, id: string): Promise<void> {
  await page.locator(`button.choice[data-choice="${id}"]`).click();
}

async function next(page: import('@playwright/test').Page): Promise<void> {
  await page.getByRole('button', { name: /^(On to quarter \d+|See the debrief)$/ }).click();
}

for (const m of MARKETS) {
  test(`who-owns seed ${m.seed}: the audit's coach note is the one for this market`, async ({
    page,
  }, testInfo) => {
    const problems = await watchPage(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    await openGame(page, `?scenario=who-owns&seed=${m.seed}`);
    await expect(page.getByRole('complementary', { name: 'Your market' })).toContainText(m.brief);
    await page.getByRole('button', { name: 'Start quarter 1' }).click();
    for (const id of BEFORE) {
      await decide(page, id);
      await next(page);
    }
    await decide(page, 'chloe-audit');
    const main = page.locator('main');
    await expect(main).toContainText(m.note);
    await expect(main).not.toContainText(m.not);
    await page.getByText('Coach:').scrollIntoViewIfNeeded();
    await attachScreenshot(page, testInfo, `market-note-outcome-seed-${m.seed}`);
    await next(page);
    for (const id of AFTER) {
      await decide(page, id);
      await next(page);
    }
    const debrief = page.locator('.debrief');
    await expect(debrief).toBeVisible();
    const q3 = debrief.locator('li.decision-card[data-quarter="3"]');
    await expect(q3).toContainText(m.note);
    await expect(q3).not.toContainText(m.not);
    expect(problems).toEqual([]);
  });
}
