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
