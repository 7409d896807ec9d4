import { expect, test } from '@playwright/test';
import {
  choicesOnScreen,
  clickListed,
  expectNoAxeViolations,
  openGame,
  screenState,
  tabTo,
  waitForRopeView,
  watchPage,
} from './helpers/game.ts';

// Nothing lost: a reload resumes the same game; a damaged save or a storage that refuses
// to keep anything never stops the game.

async function startTutorial(page: import('@playwright/test').Page, seed = '4242') {
  await openGame(page, `?scenario=tutorial&seed=${seed}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/./);
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
}

async function playQuarters(page: import('@playwright/test').Page, n: number) {
  for (let i = 0; i < n; i++) {
    await clickListed(page, i % 2);
    await page.locator('[data-next]').click();
  }
}

const simJson = (page: import('@playwright/test').Page) =>
  page.evaluate(() => JSON.stringify(window.__TEST__!.store.getState().sim));

test('a reload in the middle resumes the same game at the same quarter', async ({ page }) => {
  const problems = await watchPage(page);
  await openGame(page);
  await page.getByRole('button', { name: 'Choose a market' }).click();
  await page.locator('.scenario-card button').first().click();
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
  await playQuarters(page, 2);
  const before = await simJson(page);
  const where = await screenState(page);
  expect(where.quarter).toBe(2);

  await page.reload();
  await page.waitForFunction(() => window.__TEST__?.ready === true);
  await waitForRopeView(page);
  // the title screen offers the game back; the keyboard takes it
  await expect(page.getByRole('heading', { name: 'Continue where you left off' })).toBeVisible();
  await tabTo(page, /^Resume /);
  expect(await screenState(page)).toEqual(where);
  expect(await simJson(page)).toBe(before);
  await expect(page.locator('button.choice')).toHaveCount((await choicesOnScreen(page)).length);
  await expect(page.locator('.kicker')).toContainText('Quarter 3');
  expect(problems).toEqual([]);
});

test('a market opened by its address resumes by itself after a reload', async ({ page }) => {
  await startTutorial(page);
  await playQuarters(page, 1);
  const before = await simJson(page);
  await page.reload();
  await page.waitForFunction(() => window.__TEST__?.ready === true);
  expect(await simJson(page)).toBe(before);
  await expect(page.getByText('your game continues where you left it')).toBeVisible();
});

test('a damaged save gives a clear message and a fresh start, and other saves are kept', async ({
  page,
}) => {
  const problems = await watchPage(page);
  await startTutorial(page, '1');
  await playQuarters(page, 1);
  await page.evaluate(() => {
    localStorage.setItem('tow.save.v1.tutorial.2', '{"format":"tow.save","v":1,"scenario":');
    localStorage.setItem(
      'tow.save.v1.tutorial.3',
      JSON.stringify({
        format: 'tow.save',
        v: 1,
        scenario: 'tutorial',
        hash: 'x',
        seed: '3',
        choices: ['nope'],
        updated: 1,
        context: { kind: 'practice' },
      }),
    );
    localStorage.setItem('tow.save.v9.tutorial.4', JSON.stringify({ format: 'tow.save', v: 9 }));
    localStorage.setItem('another-app', 'untouched');
  });
  await openGame(page);
  const alerts = page.getByRole('alert');
  await expect(alerts.filter({ hasText: 'damaged (it is not valid JSON)' })).toBeVisible();
  await expect(alerts.filter({ hasText: 'changed since' })).toBeVisible();
  await expect(alerts.filter({ hasText: 'newer version' })).toBeVisible();
  const keys = await page.evaluate(() => Object.keys(localStorage).sort());
  expect(keys).toContain('tow.save.v1.tutorial.1');
  expect(keys).toContain('tow.save.v9.tutorial.4');
  expect(keys).toContain('another-app');
  expect(keys).not.toContain('tow.save.v1.tutorial.2');
  expect(keys).not.toContain('tow.save.v1.tutorial.3');
  // the good save is still offered, and a fresh game can be started
  await expect(page.getByRole('button', { name: /^Resume / })).toHaveCount(1);
  await expectNoAxeViolations(page, 'title with messages');
  await page.getByRole('button', { name: 'Choose a market' }).click();
  await page.locator('.scenario-card button').first().click();
  await expect(page.getByRole('button', { name: 'Start quarter 1' })).toBeVisible();
  expect(problems.filter((p) => !p.includes('CSP'))).toEqual([]);
});

for (const [name, script] of [
  [
    'localStorage throws on every write (storage full)',
    () => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    },
  ],
  [
    'localStorage cannot even be reached (private mode, blocked site)',
    () => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    },
  ],
] as const) {
  test(`the game plays to the end when ${name}`, async ({ page }) => {
    const problems = await watchPage(page);
    await page.addInitScript(script);
    await startTutorial(page);
    while ((await page.locator('.debrief').count()) === 0) {
      const next = page.locator('[data-next]');
      if (await next.count()) await next.click();
      else await clickListed(page, 0);
    }
    await expect(
      page.getByRole('status').filter({ hasText: 'not keeping saved games' }),
    ).toBeVisible();
    await expect(page.getByLabel('Result code')).toHaveValue(/^TOW1-/);
    expect(problems).toEqual([]);
  });
}
