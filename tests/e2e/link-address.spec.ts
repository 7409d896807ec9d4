import { expect, type Page, test } from '@playwright/test';

// Links made on a page opened at 127.0.0.1 open only on that computer: HR and the
// facilitator are told so where the links appear (docs/hosting.md, TOW_PUBLIC_URL).

const WARNING =
  /(These links point|This link points) at 127\.0\.0\.1, which opens only on this computer/;

async function shoot(page: Page, name: string): Promise<void> {
  for (const [width, height] of [
    [1280, 800],
    [360, 740],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.getByText(WARNING).scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}x${height}.png`) });
  }
}

test('HR making links on 127.0.0.1 is told trainees cannot open them', async ({ page }) => {
  await page.goto('./hr.html');
  await page.getByLabel('Trainee ids').fill('ana\nbo');
  await page.getByRole('button', { name: 'Make the links' }).click();
  await expect(page.locator('input.url')).toHaveCount(2);
  await expect(page.getByText(WARNING)).toBeVisible();
  await shoot(page, 'hr-local-links');
});

test('a facilitator making a workshop link on 127.0.0.1 is told the same', async ({ page }) => {
  await page.goto('./workshop.html#link');
  await page.getByLabel('Workshop name').fill('Porto');
  await page.getByLabel('Scenario', { exact: true }).selectOption('tutorial');
  await page.getByRole('button', { name: 'Create the link' }).click();
  await expect(page.getByText(WARNING)).toBeVisible();
  await shoot(page, 'workshop-local-link');
});
