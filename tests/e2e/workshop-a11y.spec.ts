import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

// Each facilitator page, empty and filled, has no accessibility violation axe can find.

for (const tab of ['author', 'balance', 'link', 'dashboard']) {
  test(`the ${tab} page has no axe violations`, async ({ page }) => {
    await page.goto(`workshop.html#${tab}`);
    await expect(page.locator('main section:not([hidden])')).toHaveCount(1);
    if (tab === 'balance') {
      await page.getByRole('spinbutton', { name: 'Seeds' }).fill('20');
      await page.getByRole('button', { name: 'Run the report' }).click();
      await expect(page.getByText('Download as Markdown')).toBeVisible({ timeout: 30_000 });
    }
    if (tab === 'link') {
      await page.getByLabel('Workshop name').fill('Axe room');
      await page.getByRole('button', { name: 'Create the link' }).click();
      await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
    }
    const result = await new AxeBuilder({ page }).analyze();
    expect(
      result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`),
    ).toEqual([]);
  });
}

test("Write & check's editor says, under it, how the keyboard leaves it", async ({ page }) => {
  await page.goto('workshop.html#author');
  const editor = page.getByRole('textbox', { name: 'Scenario file (YAML)' });
  const hint = page.getByText(
    'Tab indents here. To leave the editor with the keyboard, press Esc, then Tab.',
  );
  await expect(hint).toBeVisible();
  // a screen reader hears it on entering the editor
  await expect(editor).toHaveAccessibleDescription((await hint.textContent()) ?? '');
  // and what it says is true: Tab indents, Esc then Tab moves on
  await editor.fill('id: x');
  await editor.press('Tab');
  await expect(editor).toBeFocused();
  await expect(editor).toHaveValue('id: x  ');
  await editor.press('Escape');
  await editor.press('Tab');
  await expect(editor).not.toBeFocused();
});

test("HR's page has a skip link to its content, as the game and this page do", async ({ page }) => {
  await page.goto('hr.html');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
  const result = await new AxeBuilder({ page }).analyze();
  expect(
    result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`),
  ).toEqual([]);
});
