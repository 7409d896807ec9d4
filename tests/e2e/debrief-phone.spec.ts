import { expect, type Page, test } from '@playwright/test';
import {
  expectNoAxeViolations,
  openGame,
  playThroughStore,
  waitForRopeView,
  watchPage,
} from './helpers/game.ts';

// The debrief on a phone: after a full game its long parts fold to their headings, so the
// score, the fair score and the band's verdict fill the first screens and each quarter's
// "why" is one tap away. Where the rope view stands beside it (1280×800) the parts are open.

const PHONE = { width: 360, height: 740 };
const LAPTOP = { width: 1280, height: 800 };
// the same 8-quarter game measured 17,777 px tall at 360×740 with everything open
const HEIGHT_WITH_EVERYTHING_OPEN = 17_777;

/** Plays 8 quarters of silos (seed 7) through the store's actions and opens the debrief. */
async function playToDebrief(page: Page): Promise<void> {
  await openGame(page);
  await waitForRopeView(page);
  await playThroughStore(page, { scenario: 'silos', seed: '7', pick: 'mixed' });
  await page.evaluate(() => window.__TEST__!.store.getState().nextQuarter());
  await expect(page.locator('.fair-statement')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('.decision-card')).toHaveCount(8, { timeout: 60_000 });
}

/** Where an element ends, from the top of the page (not of the window). */
function bottomOnPage(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => el.getBoundingClientRect().bottom + window.scrollY);
}

async function shotAtTop(page: Page, selector: string, name: string): Promise<void> {
  await page
    .locator(selector)
    .first()
    .evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(300);
  await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
}

test.describe('the debrief on a phone', () => {
  test.use({ viewport: PHONE, hasTouch: true });

  test('shows how the game went in the first two screens, and each quarter’s causes on a tap', async ({
    page,
  }) => {
    const problems = await watchPage(page);
    await playToDebrief(page);
    await expect(page.locator('.charts canvas')).toHaveCount(4, { timeout: 60_000 });

    // the result and its reasons: score, fair score, the band's verdict and the lessons
    // end within two screens of the top, without a tap
    const twoScreens = 2 * PHONE.height;
    for (const part of ['.verdict', '.fair-statement', '.score', '.band', '.lessons li']) {
      await expect(page.locator(part).first()).toBeVisible();
      expect(await bottomOnPage(page, part), `${part} within two screens`).toBeLessThan(twoScreens);
    }
    await shotAtTop(page, 'body', 'debrief-phone-top');

    // every quarter's card is folded to its heading, which still says how the reply fared
    const cards = page.locator('.decision-card');
    for (let i = 0; i < 8; i++) {
      await expect(cards.nth(i).locator('summary h3')).toHaveText(
        new RegExp(`^Quarter ${i + 1}: `),
      );
      await expect(cards.nth(i).locator('.lead-sentence')).toBeHidden();
    }
    await expect(page.locator('.decision-card .fit').first()).toBeVisible();

    // as it opens, the page is a fraction of its length with everything open
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(`debrief at 360×740 as it opens: ${height} px`);
    expect(height).toBeLessThan(HEIGHT_WITH_EVERYTHING_OPEN / 2);

    // a tap on quarter 3 opens its causes: what the reply did, then and later, and the coach
    const third = page.locator('.decision-card[data-quarter="3"]');
    await third.locator('summary').tap();
    await expect(third.locator('.lead-sentence')).toBeVisible();
    await expect(third.locator('.effects li').first()).toBeVisible();
    await expect(third.locator('.coach')).toBeVisible();
    await expect(
      third.getByRole('button', { name: 'What if I had chosen differently in quarter 3?' }),
    ).toBeVisible();
    // the others stay folded
    await expect(page.locator('.decision-card[data-quarter="4"] .lead-sentence')).toBeHidden();
    await shotAtTop(page, '.decision-card[data-quarter="3"]', 'debrief-phone-quarter-open');

    // by keyboard too: Enter on a card's heading opens it
    const fifth = page.locator('.decision-card[data-quarter="5"]');
    await fifth.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect(fifth.locator('.lead-sentence')).toBeVisible();

    // the folded parts are all there, one tap away: the charts open at the phone's width
    const charts = page.locator('section[aria-labelledby="charts-h"]');
    await expect(charts.locator('canvas').first()).toBeHidden();
    await charts.locator('summary').first().tap();
    await expect(charts.locator('canvas')).toHaveCount(4);
    await expect
      .poll(() =>
        charts
          .locator('canvas')
          .first()
          .evaluate((c) => c.getBoundingClientRect().width),
      )
      .toBeGreaterThan(240);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow, 'no sideways scrolling at 360 px').toBeLessThanOrEqual(0);
    await shotAtTop(page, '#charts-h', 'debrief-phone-charts-open');
    // printed, the folded reflection prints whole (its plan's plain copy), as on a laptop
    await expect(page.locator('.reflect-plan')).toBeHidden();
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.reflect-plan .print-answer')).toBeVisible();
    await expect(page.locator('.reflect-plan .print-answer')).toHaveText('(not answered)');
    await page.emulateMedia({ media: 'screen' });
    await page.locator('section.reflect summary').first().tap();
    await expect(page.getByLabel(/Your action plan/)).toBeVisible();
    await expectNoAxeViolations(page, 'the debrief at 360 px with folds open and closed');
    expect(problems).toEqual([]);
  });
});

test('at 1280×800 the quarters’ causes are open beside the rope view', async ({ page }) => {
  await page.setViewportSize(LAPTOP);
  await playToDebrief(page);
  const cards = page.locator('.decision-card');
  for (let i = 0; i < 8; i++) await expect(cards.nth(i).locator('.lead-sentence')).toBeVisible();
  await expect(page.locator('.charts canvas').first()).toBeVisible({ timeout: 60_000 });
  await expect(
    page.getByRole('complementary', { name: 'Your market' }).locator('p').last(),
  ).toBeVisible();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  console.log(`debrief at 1280×800: ${height} px`);
  await shotAtTop(page, 'body', 'debrief-laptop-top');
  await shotAtTop(page, '.decision-card[data-quarter="3"]', 'debrief-laptop-quarter-open');
});
