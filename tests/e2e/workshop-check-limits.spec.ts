import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page, test } from '@playwright/test';

// The authoring page with files that once froze it: 40,000 stray keys took the page's
// thread for 10 seconds on paste and again on each reload. Now the check runs in a worker,
// lists the first 50 errors and the count, and a check that never ends is stopped and
// said to have run out of time, with the text kept.

// the service worker would answer for the worker script, past page.route
test.use({ serviceWorkers: 'block' });

const BASE = readFileSync(new URL('../scenario/base-scenario.yaml', import.meta.url), 'utf8');
const STRAY = Array.from({ length: 40_000 }, (_, i) => `  k${i}: 1\n`).join('');
const HUGE = BASE.replace('customer:\n', `customer:\n${STRAY}`);

const editorOf = (page: Page) => page.getByRole('textbox', { name: 'Scenario file (YAML)' });

/** Pastes the text over the editor's, as a facilitator would (typing it would take hours). */
async function paste(page: Page, text: string): Promise<void> {
  await editorOf(page).evaluate((el: HTMLTextAreaElement, t) => {
    el.focus();
    el.select();
    el.setRangeText(t);
    el.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true }));
  }, text);
}

/** Screenshots at a phone's width and a laptop's, with `target` in view. */
async function shoot(page: Page, target: Locator, name: string, path: (n: string) => string) {
  for (const [width, height] of [
    [360, 740],
    [1280, 800],
  ] as const) {
    await page.setViewportSize({ width, height });
    await target.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path(`${name}-${width}.png`) });
  }
}

test('40,000 stray keys: the first 50 are listed, then the count of the rest, also after a reload', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('workshop.html');
  await paste(page, HUGE);
  const status = page.getByRole('status').filter({ hasText: '40,000 errors' });
  await expect(status).toBeVisible({ timeout: 60_000 });
  await expect(status).toContainText('The first ones are listed.');
  const issues = page.getByRole('list', { name: 'Errors' }).getByRole('button');
  await expect(issues).toHaveCount(51);
  await expect(issues.first()).toContainText('customer.k0');
  await expect(issues.first()).toContainText('unknown key; expected one of name, trust');
  await expect(issues.last()).toContainText(
    '… and 39950 more problems, not listed: fix the ones above and check again',
  );
  await expect(issues.last()).toHaveAttribute('data-line', '80');
  await shoot(page, status, 'many-errors', (n) => testInfo.outputPath(n));
  await shoot(page, issues.last(), 'many-errors-end', (n) => testInfo.outputPath(n));

  // the text is kept across a reload and checked again, the same way
  await page.reload();
  await expect(editorOf(page)).toHaveValue(HUGE);
  await expect(page.getByRole('status').filter({ hasText: '40,000 errors' })).toBeVisible({
    timeout: 60_000,
  });
  await expect(issues).toHaveCount(51);
});

test('a check that never ends is stopped, said to have run out of time, and the text kept', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  // a worker that never answers stands for a file that would take forever to check
  await page.route('**/check.worker*.js', (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      body: 'self.onmessage = () => { for (;;) {} };',
    }),
  );
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('workshop.html');
  await editorOf(page).fill(BASE);
  await expect(page.getByRole('status')).toContainText('Checking…');
  // the page answers while the check runs: the seed field takes typing
  const seed = page.getByRole('textbox', { name: /Seed/ });
  await seed.fill('42');
  await expect(seed).toHaveValue('42');
  const status = page.getByRole('status');
  await expect(status).toContainText('Not checked', { timeout: 30_000 });
  await expect(status).toContainText(
    'The check ran out of time: it was stopped after 10 seconds, so this file has not been checked and cannot be played yet. Your text is kept.',
  );
  await expect(editorOf(page)).toHaveValue(BASE);
  await expect(page.getByRole('link', { name: /Play it now/ })).toHaveAttribute(
    'aria-disabled',
    'true',
  );
  await shoot(page, status, 'out-of-time', (n) => testInfo.outputPath(n));
});
