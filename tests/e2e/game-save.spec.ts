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

test('a save that cannot be resumed is listed with the reason and kept until the player removes it', async ({
  page,
}) => {
  const problems = await watchPage(page);
  await startTutorial(page, '1');
  await playQuarters(page, 1);
  const good = await page.evaluate(() =>
    Object.keys(localStorage).find((k) => k.startsWith('tow.save.')),
  );
  // tow.save.v2.m<model>.tutorial.<hash>.1: another market of it, and a changed scenario
  const damaged = good!.replace(/\.1$/, '.2');
  const changed = good!.replace(/\.tutorial\.[^.]+\.1$/, '.tutorial.x.3');
  await page.evaluate(
    ([damaged, changed]) => {
      localStorage.setItem(damaged!, '{"format":"tow.save","v":2,"scenario":');
      localStorage.setItem(
        changed!,
        JSON.stringify({
          format: 'tow.save',
          v: 2,
          model: Number(damaged!.split('.')[3]!.slice(1)),
          scenario: 'tutorial',
          hash: 'x',
          seed: '3',
          choices: ['nope'],
          updated: 1,
          context: { kind: 'practice' },
        }),
      );
      localStorage.setItem('tow.save.v9.tutorial.4', 'whatever a later version keeps');
      localStorage.setItem('another-app', 'untouched');
    },
    [damaged, changed],
  );
  await openGame(page);
  const cannot = page.getByRole('region', { name: 'Saved games this version cannot resume' });
  await expect(cannot).toContainText('damaged (it is not valid JSON)');
  await expect(cannot).toContainText('changed since');
  await expect(page.getByRole('status').filter({ hasText: 'newer version' })).toBeVisible();
  const keys = await page.evaluate(() => Object.keys(localStorage).sort());
  for (const k of [good!, damaged, changed, 'tow.save.v9.tutorial.4', 'another-app'])
    expect(keys).toContain(k);
  // the good save is still offered, and a fresh game can be started
  await expect(page.getByRole('button', { name: /^Resume / })).toHaveCount(1);
  await expectNoAxeViolations(page, 'title with messages');
  // only the player removes one
  await cannot
    .getByRole('button', { name: /Remove the saved game: First quarter on the ropes, market #3/ })
    .click();
  expect(await page.evaluate((k) => localStorage.getItem(k), changed)).toBeNull();
  expect(await page.evaluate((k) => localStorage.getItem(k), damaged)).not.toBeNull();
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
