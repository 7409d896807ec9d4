import { expect, type Page, test } from '@playwright/test';
import {
  attachScreenshot,
  expectNoAxeViolations,
  openGame,
  playToDebrief,
} from './helpers/game.ts';

// The debrief's reflection: questions on the trainee's own turning points and an action
// plan, kept across a reload of the same market; the page printed (or saved as PDF) with
// the summary, lessons and answers and without the rope view, buttons and navigation.

async function questionsShown(page: Page) {
  // on a phone the questions fold under their heading until a tap opens them
  const fold = page.locator('section.reflect > details');
  await expect(fold).toBeAttached();
  if (!(await fold.evaluate((d) => (d as HTMLDetailsElement).open)))
    await fold.locator('summary').first().click();
  await expect(page.locator('.reflect-question').first()).toBeVisible({ timeout: 60_000 });
  return page.locator('.reflect-question').count();
}

test('the reflection asks about the player’s own turning points and keeps the answers and plan across a reload', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openGame(page, '?scenario=tutorial&seed=5');
  await playToDebrief(page);
  const count = await questionsShown(page);
  expect(count).toBeGreaterThanOrEqual(2);
  expect(count).toBeLessThanOrEqual(3);
  // each question names its quarter and the reply the player chose there
  const asked = await page.evaluate(() => {
    const s = window.__TEST__!.store.getState();
    const labels = s.entry!.scenario.situations.flatMap((x) => x.choices);
    return [...document.querySelectorAll<HTMLElement>('.reflect-question')].map((el) => {
      const q = Number(el.dataset.quarter);
      const id = s.sim!.choices[q - 1];
      return { q, text: el.textContent ?? '', label: labels.find((c) => c.id === id)!.label };
    });
  });
  for (const a of asked) {
    expect(a.text).toContain(`Quarter ${a.q}:`);
    expect(a.text).toContain(`You chose “${a.label}”`);
  }
  const first = page.getByLabel('What did you expect this reply to do, and what happened?').first();
  const plan = page.getByLabel(
    /Your action plan: what will you do differently with your own team on Monday\?/,
  );
  await first.fill('I expected Maya to take the lead; the buyer held back instead.');
  await plan.fill(
    'Monday: ask the team to write the account plan with me.\nFriday: check who owns each contact.',
  );
  await expect(page.locator('.reflect-status')).toHaveText('Kept on this device as you type.');

  await page.reload();
  await page.waitForFunction(() => window.__TEST__?.ready === true);
  await expect(page.locator('.debrief')).toBeVisible();
  await questionsShown(page);
  await expect(first).toHaveValue('I expected Maya to take the lead; the buyer held back instead.');
  await expect(plan).toHaveValue(
    'Monday: ask the team to write the account plan with me.\nFriday: check who owns each contact.',
  );
  await expectNoAxeViolations(page, 'debrief with the reflection');

  // printed: the summary, lessons, answers and plan, without the canvas, buttons or navigation
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#stage')).toBeHidden();
  await expect(page.locator('.topbar')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Replay this market' })).toBeHidden();
  await expect(page.locator('.causal')).toBeHidden();
  await expect(page.locator('.lessons')).toBeVisible();
  await expect(plan).toBeHidden();
  const printed = page.locator('.reflect-plan .print-answer');
  await expect(printed).toBeVisible();
  await expect(printed).toContainText('Friday: check who owns each contact.');
  await expect(page.locator('.reflect-question .print-answer').first()).toContainText(
    'the buyer held back instead',
  );
  await attachScreenshot(page, testInfo, 'print-1280');
  const pdf = await page.pdf({ format: 'A4', path: testInfo.outputPath('debrief.pdf') });
  expect(pdf.byteLength).toBeGreaterThan(5_000);
  await page.setViewportSize({ width: 360, height: 740 });
  await attachScreenshot(page, testInfo, 'print-360');
  await page.emulateMedia({ media: 'screen' });
});

test('notes typed while storage refuses them stay on the page, with a notice', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openGame(page, '?scenario=tutorial&seed=6');
  await playToDebrief(page);
  await questionsShown(page);
  // storage fills up after the game was saved
  await page.evaluate(() => {
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.startsWith('tow.reflection.')) throw new DOMException('full', 'QuotaExceededError');
      set.call(this, key, value);
    };
  });
  const plan = page.getByLabel(/Your action plan/);
  await plan.fill('Hold a joint planning session on Monday.');
  await expect(
    page.getByRole('status').filter({ hasText: 'not keeping your debrief notes' }),
  ).toBeVisible();
  await expect(page.locator('.reflect-status')).toContainText('Not kept on this device');
  await expect(plan).toHaveValue('Hold a joint planning session on Monday.');
});

test('the debrief opens on the result, the summary, the lessons and the questions; details below', async ({
  page,
}, testInfo) => {
  // two games played to their debrief, each waiting for its census, on a shared machine
  test.slow();
  for (const [width, height] of [
    [1280, 800],
    [360, 740],
  ] as const) {
    await page.setViewportSize({ width, height });
    await openGame(page, `?scenario=silos&seed=${width + 1}`);
    await playToDebrief(page);
    await questionsShown(page);
    await expect(page.locator('.causal .decision-card').first()).toBeVisible({ timeout: 60_000 });
    const top = await page.evaluate(() => {
      const at = (sel: string) => document.querySelector(sel)?.getBoundingClientRect().top ?? -1;
      return {
        headline: at('.headline'),
        lessons: at('.lessons'),
        reflect: at('.reflect'),
        calls: at('.causal'),
        fair: at('.fair'),
        charts: at('#charts-h'),
      };
    });
    expect(top.headline).toBeLessThan(top.lessons);
    expect(top.lessons).toBeLessThan(top.reflect);
    expect(top.reflect).toBeLessThan(top.calls);
    expect(top.calls).toBeLessThan(top.fair);
    expect(top.fair).toBeLessThan(top.charts);
    // the headline result is on the first screen, and at 1280×800 the lessons start on it too
    expect(top.headline).toBeLessThan(height);
    if (width === 1280) expect(top.lessons).toBeLessThan(height);
    await page.screenshot({ path: testInfo.outputPath(`debrief-top-${width}.png`) });
    await attachScreenshot(page, testInfo, `debrief-${width}`);
    await attachScreenshot(page, testInfo, `reflect-${width}`, '.reflect');
    await page.evaluate(() => localStorage.clear());
  }
});
