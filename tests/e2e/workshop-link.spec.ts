import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

// The workshop link: made on the facilitator's page, opened in a fresh browser (a
// trainee's), it starts the right market with the workshop's name.

test('a bundled scenario link with a QR code starts the right market in a fresh browser', async ({
  page,
  browser,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('workshop.html#link');
  await page.getByLabel('Workshop name').fill('Lyon kick-off <b>2026</b>');
  await page.getByLabel('Scenario', { exact: true }).selectOption('tutorial');
  await page.getByLabel('Seed', { exact: true }).fill('4242');
  await page.getByRole('button', { name: 'Create the link' }).click();
  const qr = page.getByRole('img', { name: /QR code of the link/ });
  await expect(qr).toBeVisible();
  expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);
  const url = await page.getByRole('textbox', { name: 'The workshop link' }).inputValue();
  // the settings follow "#": no server or log ever receives them (docs/hosting.md)
  expect(url).toMatch(/\/index\.html#w=/);
  await page.screenshot({ path: testInfo.outputPath('link-1280.png') });

  const trainee = await browser.newContext();
  const game = await trainee.newPage();
  await game.goto(url);
  await expect(game.getByText('Lyon kick-off <b>2026</b>')).toBeVisible({ timeout: 20_000 });
  await expect(game.getByRole('heading', { name: 'First quarter on the ropes' })).toBeVisible();
  await expect(game.getByText(/market #4242/i)).toBeVisible();
  await trainee.close();
});

test("the facilitator's own scenario travels in the link, with the file as a fallback", async ({
  page,
  browser,
}) => {
  const own = readFileSync(new URL('../../scenarios/tutorial.yaml', import.meta.url), 'utf8')
    .replace('id: tutorial', 'id: harbour-drill')
    .replace('title: "First quarter on the ropes"', 'title: "Harbour drill"');
  await page.goto('workshop.html');
  await page.getByRole('textbox', { name: 'Scenario file (YAML)' }).fill(own);
  await expect(page.getByRole('status').filter({ hasText: 'Valid' })).toBeVisible();
  await page.getByRole('button', { name: 'Make a workshop link' }).click();
  await page.getByLabel('Workshop name').fill('Drill night');
  await page.getByLabel('Scenario', { exact: true }).selectOption('__editor__');
  await page.getByRole('button', { name: 'Create the link' }).click();
  await expect(page.getByRole('button', { name: 'Download the scenario file' })).toBeVisible();
  const url = await page.getByRole('textbox', { name: 'The workshop link' }).inputValue();

  const trainee = await browser.newContext();
  const game = await trainee.newPage();
  await game.goto(url);
  await expect(game.getByText('Drill night')).toBeVisible({ timeout: 20_000 });
  await expect(game.getByRole('heading', { name: 'Harbour drill' })).toBeVisible();
  await trainee.close();
});

test('a link too long for a QR code says so', async ({ page }) => {
  // comments of random words travel with the file and do not compress: the link outgrows
  // any QR code
  let x = 7;
  const words = Array.from({ length: 700 }, () => {
    x = (x * 48271) % 2147483647;
    return x.toString(36);
  }).join(' ');
  const base = readFileSync(new URL('../../scenarios/tutorial.yaml', import.meta.url), 'utf8');
  const own = `${base}\n# ${words.replace(/(.{70}) /g, '$1\n# ')}\n`;
  await page.goto('workshop.html');
  await page.getByRole('textbox', { name: 'Scenario file (YAML)' }).fill(own);
  await expect(page.getByRole('status').filter({ hasText: 'Valid' })).toBeVisible();
  await page.getByRole('button', { name: 'Make a workshop link' }).click();
  await page.getByLabel('Workshop name').fill('Long one');
  await page.getByLabel('Scenario', { exact: true }).selectOption('__editor__');
  await page.getByRole('button', { name: 'Create the link' }).click();
  await expect(page.getByText(/more than a QR code can hold/)).toBeVisible();
  await expect(page.getByRole('img', { name: /QR code/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Download the scenario file' })).toBeVisible();
});
