import { expect, type Page, test } from '@playwright/test';
import { attachScreenshot, openGame, watchPage } from './helpers/game.ts';

// A situation's card follows what the player has done (scenarios/who-owns.yaml's
// `alternatives`): after Sara was asked to lead an account team, the lunch no longer says
// that every contact on the tender is in her phone; after Ben ran half the tender, his
// servicing deal is no longer "his first at St Brigid's". A player who left Sara alone
// reads the text as written.

const SIZES = [
  [1280, 800],
  [360, 740],
] as const;

async function play(page: Page, ids: readonly string[]) {
  for (const id of ids) {
    await page.locator(`button.choice[data-choice="${id}"]`).click();
    await page.getByRole('button', { name: /^On to quarter \d+$/ }).click();
  }
}

const card = (page: Page) => page.locator('.situation-text');

for (const [width, height] of SIZES) {
  test(`the cards follow the replies taken before them at ${width}×${height}`, async ({
    page,
  }, testInfo) => {
    const problems = await watchPage(page);
    await page.setViewportSize({ width, height });
    await openGame(page, '?scenario=who-owns&seed=2');
    await page.getByRole('button', { name: 'Start quarter 1' }).click();

    await play(page, ['account-team', 'pick-one']);
    await expect(card(page)).toContainText('She now takes Chloé and Ben to her meetings');
    await play(page, ['ben-audit']);
    await expect(page.getByRole('heading', { name: 'The lunch' })).toBeVisible();
    await expect(card(page)).toContainText('Chloé and Ben know the theatre managers by name now');
    await expect(card(page)).not.toContainText("every contact on it is in Sara's phone");
    await attachScreenshot(page, testInfo, `lunch-after-account-team-${width}`);

    await play(page, ['ben-tender']);
    await expect(card(page)).toContainText('Marketing has noticed the CRM now holds names');
    await play(page, ['no-data']);
    await expect(page.getByRole('heading', { name: "Ben's opening" })).toBeVisible();
    await expect(card(page)).toContainText(
      'Ben ran half of the theatre tender; this one would be the first',
    );
    await expect(card(page)).not.toContainText('his first at St Brigid');
    await attachScreenshot(page, testInfo, `ben-deal-after-tender-${width}`);
    expect(problems).toEqual([]);
  });
}

test('a player who left Sara alone reads the lunch as written', async ({ page }) => {
  const problems = await watchPage(page);
  await openGame(page, '?scenario=who-owns&seed=2');
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
  await play(page, ['leave-sara', 'pick-one']);
  await expect(card(page)).toContainText('she would rather not bring anyone else in');
  await play(page, ['ben-audit']);
  await expect(card(page)).toContainText("every contact on it is in Sara's phone");
  await play(page, ['talk-sara']);
  await expect(card(page)).toContainText('Marketing wants the names the reps hold');
  expect(problems).toEqual([]);
});
