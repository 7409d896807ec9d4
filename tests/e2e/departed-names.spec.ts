import { expect, type Page, test } from '@playwright/test';
import { openGame, watchPage } from './helpers/game.ts';

// who-owns, seed 1: on this line Sara resigns, worn down, in quarter 4 (the same line as
// coach-ben.spec.ts). From then on no card may name her as if she were still there: the
// recall's hand-over reads "Let Chloé brief every ward", its coach says Sara has left, and
// next year's coverage names a successor, not a deputy for when Sara is away.

const SIZES = [
  [1280, 800],
  [360, 740],
] as const;

const BEFORE = [
  'account-team',
  'push-down',
  'specialist',
  'retention-bonus',
  'no-data',
  'coach-ben',
];

async function decide(page: Page, id: string): Promise<void> {
  await page.locator(`button.choice[data-choice="${id}"]`).click();
}

async function next(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^(On to quarter \d+|See the debrief)$/ }).click();
}

for (const [width, height] of SIZES) {
  test(`Sara gone: the recall and coverage replies do not name her, at ${width}×${height}`, async ({
    page,
  }, testInfo) => {
    const problems = await watchPage(page);
    await page.setViewportSize({ width, height });
    await openGame(page, '?scenario=who-owns&seed=1');
    await page.getByRole('button', { name: 'Start quarter 1' }).click();
    for (const id of BEFORE) {
      await decide(page, id);
      await next(page);
    }
    await expect(page.locator('h1')).toHaveText('Batch recall');
    const replies = page.locator('button.choice');
    await expect(replies).toHaveCount(4);
    await expect(replies.filter({ hasText: 'Sara' })).toHaveCount(0);
    await expect(page.locator('button.choice[data-choice="chloe-recall"]')).toContainText(
      'Let Chloé brief every ward, the theatres too',
    );
    await page.screenshot({
      path: testInfo.outputPath(`recall-card-${width}.png`),
      fullPage: true,
    });
    await decide(page, 'chloe-recall');
    await expect(page.locator('.reveal')).toContainText('Let Chloé brief every ward');
    await expect(page.locator('aside.coach')).toContainText('Since Sara left, Chloé carries');
    await page.locator('aside.coach').scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`recall-outcome-${width}.png`) });
    await next(page);
    await expect(page.locator('h1')).toHaveText("Next year's coverage");
    await expect(page.locator('button.choice[data-choice="chloe-deputy"]')).toContainText(
      "Name Chloé Sara's successor on St Brigid's",
    );
    await expect(replies.filter({ hasText: 'whenever Sara is away' })).toHaveCount(0);
    await page.screenshot({
      path: testInfo.outputPath(`coverage-card-${width}.png`),
      fullPage: true,
    });
    await decide(page, 'chloe-deputy');
    await next(page);
    // the debrief names the replies as the cards did
    const debrief = page.locator('.debrief');
    await expect(debrief).toBeVisible();
    await expect(debrief).not.toContainText('Let Chloé and Sara brief');
    await expect(debrief).toContainText('Let Chloé brief every ward');
    expect(problems).toEqual([]);
  });
}
