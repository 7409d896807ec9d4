import { expect, type Page } from '@playwright/test';

// An assessed attempt on the server, as a trainee starts it: the rules first (nothing is
// dealt or counted yet), Start, then the dealt market's briefing and quarter 1.

/** Presses Start on the attempt's rules, then Start quarter 1 on its briefing. */
export async function startAssessedAttempt(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Start attempt \d+ of \d+$/ }).click();
  await expect(page.getByRole('heading', { name: 'Your team' })).toBeVisible();
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
}
