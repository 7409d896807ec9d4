import { expect, test } from '@playwright/test';
import {
  attachScreenshot,
  bundledIds,
  clickListed,
  expectNoAxeViolations,
  openGame,
  playByKeyboard,
  simulate,
  tabTo,
  waitForRopeView,
  watchPage,
} from './helpers/game.ts';

// Every bundled scenario, played from the title to the debrief with the keyboard alone,
// must end where the model's CLI says the same choices end.

for (const id of bundledIds()) {
  test(`${id}: played by keyboard to the debrief, equal to npm run simulate`, async ({
    page,
  }, testInfo) => {
    const problems = await watchPage(page);
    await openGame(page);
    await waitForRopeView(page);
    await tabTo(page, /^Choose a market$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Choose a market' })).toBeFocused();
    const title = await page.evaluate(
      (sid) =>
        window.__TEST__!.store.getState().scenarios.find((e) => e.scenario.id === sid)!.scenario
          .title,
      id,
    );
    await tabTo(page, new RegExp(`^Play “${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}”$`));
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeFocused();
    await tabTo(page, /^Start quarter 1$/);
    // mix the choices so every scenario is played along a path of its own
    const played = await playByKeyboard(page, (q, n) => (q * 7 + id.length) % n);
    await expect(
      page.getByRole('heading', { level: 1, name: 'How your market went' }),
    ).toBeVisible();

    const { seed, hash } = await page.evaluate(() => {
      const s = window.__TEST__!.store.getState();
      return { seed: s.sim!.seed, hash: s.entry!.hash };
    });
    const expected = simulate(id, seed, played);
    expect(hash, 'the built site bundles this scenario file as it is now (rebuild if not)').toBe(
      expected.hash,
    );
    expect(expected.finished).toBe(true);
    const browser = await page.evaluate(() => {
      const s = window.__TEST__!.store.getState();
      return { choices: s.sim!.choices, metrics: s.sim!.history.map((h) => h.metrics) };
    });
    expect(browser.choices).toEqual(played);
    expect(browser.metrics).toEqual(expected.quarters.map((q) => q.metrics));
    await expect(page.locator('[data-score]')).toHaveAttribute(
      'data-score',
      String(expected.score),
    );
    await expect(page.locator('.score-value')).toHaveText(String(expected.score));
    // the result code is there to hand in, and the charts are drawn
    await expect(page.getByLabel('Result code')).toHaveValue(/^TOW1-/);
    await expect(page.locator('figure.chart')).toHaveCount(4);
    await expect(page.locator('figure.chart canvas').first()).toBeVisible();
    await attachScreenshot(page, testInfo, `${id}-debrief`);
    expect(problems).toEqual([]);
  });
}

test('every screen passes axe and fits the width, at desktop and phone sizes', async ({
  page,
}, testInfo) => {
  const check = async (where: string) => {
    await expectNoAxeViolations(page, where);
    // nothing is wider than the screen
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow, `horizontal scroll on ${where}`).toBeLessThanOrEqual(0);
  };
  // two whole games with axe on every screen: on a loaded two-core machine this has taken
  // just over two minutes, and about half a minute when it has a core to itself
  test.setTimeout(240_000);
  const problems = await watchPage(page);
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 360, height: 740 },
  ]) {
    await page.setViewportSize(viewport);
    const tag = `${viewport.width}`;
    await page.evaluate(() => localStorage.clear()).catch(() => undefined);
    await openGame(page);
    await waitForRopeView(page);
    await check(`title ${tag}`);
    await attachScreenshot(page, testInfo, `title-${tag}`);
    await page.getByRole('button', { name: 'Choose a market' }).click();
    await check(`scenario list ${tag}`);
    await attachScreenshot(page, testInfo, `choose-${tag}`);
    await page.locator('.scenario-card button').first().click();
    await check(`briefing ${tag}`);
    await attachScreenshot(page, testInfo, `briefing-${tag}`);
    await page.getByRole('button', { name: 'Start quarter 1' }).click();
    await check(`situation ${tag}`);
    await attachScreenshot(page, testInfo, `situation-${tag}`);
    await clickListed(page, 0);
    await expect(
      page.getByRole('heading', { level: 1, name: /What happened in quarter 1/ }),
    ).toBeVisible();
    await check(`outcome ${tag}`);
    await attachScreenshot(page, testInfo, `outcome-${tag}`);
    await attachScreenshot(page, testInfo, `rope-view-${tag}`, '#stage');
    // the outcome is announced in the page's live region (#live; a live room's bar has its
    // own, for the clock), with what moved and its largest causes
    await expect(page.locator('#live')).toContainText('Quarter 1 played');
    await expect(page.locator('#live')).toContainText('Largest causes:');
    while ((await page.locator('.debrief').count()) === 0) {
      const next = page.locator('[data-next]');
      if (await next.count()) await next.click();
      else await clickListed(page, -1);
    }
    await expect(page.locator('figure.chart canvas')).toHaveCount(4);
    await expect(page.getByLabel('Result code')).toHaveValue(/^TOW1-/);
    await check(`debrief ${tag}`);
    await attachScreenshot(page, testInfo, `debrief-${tag}`);
  }
  await openGame(page, '?w=not-a-link');
  await expect(
    page.getByRole('heading', { level: 1, name: 'This link cannot be opened' }),
  ).toBeVisible();
  await check('link error');
  expect(problems).toEqual([]);
});
