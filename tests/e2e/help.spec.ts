import { expect, type Page, test } from '@playwright/test';
import {
  attachScreenshot,
  clickListed,
  expectNoAxeViolations,
  openGame,
  playToDebrief,
  tabTo,
} from './helpers/game.ts';

// Help from every page: a Help button the keyboard reaches, opening a dialog on how to play,
// what the figures mean (with the glossary a button away) and the tutorial to start again.
// The dialog keeps the keyboard inside, Escape closes it and focus returns to the button.

async function checkHelp(page: Page, where: string): Promise<void> {
  const opener = page.getByRole('button', { name: 'Help', exact: true });
  await expect(opener, where).toBeVisible();
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Help' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('How to play');
  await expect(dialog).toContainText('Market share');
  await expect(dialog.getByText(/Play the tutorial/)).toBeVisible();
  await expectNoAxeViolations(page, `help on ${where}`);
  // the keyboard stays in the dialog
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() =>
        document.activeElement?.closest('dialog')?.classList.contains('help'),
      ),
      `${where}: focus after ${i + 1} tabs`,
    ).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
}

test('Help is on every screen of the game, by keyboard, and passes axe', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openGame(page);
  // the title screen: reached by Tab from the top of the page
  await tabTo(page, /^Help$/);
  await expect(page.getByRole('dialog', { name: 'Help' })).toBeVisible();
  await page.keyboard.press('Escape');
  await checkHelp(page, 'title');
  await openGame(page, '?scenario=silos&seed=31');
  await checkHelp(page, 'briefing');
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
  await checkHelp(page, 'quarter');
  await clickListed(page, 1);
  await expect(page.locator('.outcome')).toBeVisible();
  await checkHelp(page, 'outcome');
  await page.locator('[data-next]').click();
  await page.evaluate(() => localStorage.clear());
  await openGame(page, '?scenario=tutorial&seed=31');
  await playToDebrief(page);
  await checkHelp(page, 'debrief');
});

test('Help opens the glossary and gives focus back to Help', async ({ page }) => {
  await openGame(page);
  await page.getByRole('button', { name: 'Help', exact: true }).click();
  await page.getByRole('button', { name: 'Every figure, in the glossary' }).click();
  const glossary = page.getByRole('dialog', { name: 'Glossary' });
  await expect(glossary).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Help' })).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(glossary).toBeHidden();
  await expect(page.getByRole('button', { name: 'Help', exact: true })).toBeFocused();
});

test('Help starts the tutorial again, and the game in progress waits on the title screen', async ({
  page,
}, testInfo) => {
  for (const [width, height] of [
    [1280, 800],
    [360, 740],
  ] as const) {
    await page.setViewportSize({ width, height });
    await openGame(page, `?scenario=silos&seed=${width + 7}`);
    await page.getByRole('button', { name: 'Start quarter 1' }).click();
    await clickListed(page, 0);
    await page.locator('[data-next]').click();
    await page.getByRole('button', { name: 'Help', exact: true }).click();
    await attachScreenshot(page, testInfo, `help-${width}`);
    await page.screenshot({ path: testInfo.outputPath(`help-view-${width}.png`) });
    await page.getByRole('button', { name: 'Play the tutorial' }).click();
    await expect(page.getByRole('dialog', { name: 'Help' })).toBeHidden();
    await expect(page.locator('h1')).toBeFocused();
    await expect(page.getByRole('button', { name: 'Start quarter 1' })).toBeVisible();
    expect(await page.evaluate(() => window.__TEST__!.store.getState().entry?.scenario.id)).toBe(
      'tutorial',
    );
    await expect(page.getByRole('region', { name: 'Messages' })).toContainText(
      'is saved: open it again from the title screen',
    );
    // the silos game waits on the title screen, where it was left
    await page.getByRole('button', { name: 'Choose another market' }).click();
    await page.getByRole('button', { name: 'Back to the title' }).click();
    await page
      .getByRole('button', { name: /^Resume / })
      .first()
      .click();
    await expect
      .poll(() => page.evaluate(() => window.__TEST__!.store.getState().sim?.quarter))
      .toBe(1);
    expect(await page.evaluate(() => window.__TEST__!.store.getState().entry?.scenario.id)).toBe(
      'silos',
    );
    await page.evaluate(() => localStorage.clear());
  }
});

for (const [path, where] of [
  ['workshop.html', 'the facilitator’s page'],
  ['hr.html', 'the HR page'],
] as const) {
  test(`Help on ${where}: by keyboard, axe clean, the tutorial a link away`, async ({
    page,
  }, testInfo) => {
    for (const [width, height] of [
      [1280, 800],
      [360, 740],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.goto(`./${path}`);
      await checkHelp(page, `${path} at ${width}`);
      await page.getByRole('button', { name: 'Help', exact: true }).click();
      const link = page.getByRole('link', { name: /Play the tutorial/ });
      await expect(link).toHaveAttribute('href', './index.html?scenario=tutorial');
      await attachScreenshot(page, testInfo, `help-${path}-${width}`);
      await page.screenshot({ path: testInfo.outputPath(`help-view-${path}-${width}.png`) });
      await page.keyboard.press('Escape');
      // Help and the glossary are never pushed off the side of the screen
      for (const name of ['Help', 'Glossary']) {
        const box = await page.getByRole('button', { name, exact: true }).boundingBox();
        expect(box!.x + box!.width, `${name} at ${width}`).toBeLessThanOrEqual(width);
      }
    }
  });
}

test('where the browser keeps no games, Help says the tutorial would end the game in progress', async ({
  page,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('denied', 'SecurityError');
      },
    });
  });
  await openGame(page, '?scenario=silos&seed=77');
  await page.getByRole('button', { name: 'Help', exact: true }).click();
  // nothing played yet: nothing to lose
  await expect(page.locator('.help-warning')).toBeHidden();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
  await clickListed(page, 0);
  await page.getByRole('button', { name: 'Help', exact: true }).click();
  await expect(page.locator('.help-warning')).toHaveText(
    'This browser is not keeping saved games, so starting the tutorial ends the game you are playing.',
  );
  await expectNoAxeViolations(page, 'help with its warning');
});
