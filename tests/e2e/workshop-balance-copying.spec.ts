import { expect, test } from '@playwright/test';

// A facilitator checking a scenario with starting situations (markets:) on the workshop's
// balance page reads, beside the gates, whether a colleague's best path carries over to a
// market dealt another starting situation: the same check as `npm run scenario:report`,
// with where a copy from the variant dealt before lands, in the order HR's server deals.

for (const size of [
  { width: 1280, height: 800 },
  { width: 360, height: 740 },
]) {
  test(`at ${size.width}px the balance page says how far a colleague's copied replies carry over`, async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    await page.setViewportSize(size);
    await page.goto('workshop.html#balance');
    await page.locator('#balance-source').selectOption('who-owns');
    await page.getByRole('spinbutton', { name: 'Seeds' }).fill('40');
    await page.getByRole('button', { name: 'Run the report' }).click();
    const copying = page.getByRole('group', { name: "Copying a colleague's replies" });
    await expect(copying).toBeVisible({ timeout: 60_000 });
    await expect(copying).toContainText(
      "Beside the gates: Does a colleague's best path fail on another market? Mostly.",
    );
    // the median copy from the other variant, and how many copies still pass
    await expect(copying).toContainText(
      /lands at the \d+(st|nd|rd|th) percentile \(median; at most 80\), and \d+% of such copies reach a pass mark of 75/,
    );
    // each variant in the server's order, named as the trainee reads it
    await expect(copying).toContainText(
      /Chloé seasoned, Ben new → Ben seasoned, Chloé new: \d+(st|nd|rd|th) \(median\), worst the \d+(st|nd|rd|th), \d+% at or above 75/,
    );
    await expect(copying.getByRole('listitem')).toHaveCount(2);
    await expect(copying.getByRole('listitem').nth(1)).toContainText(
      /^Ben seasoned, Chloé new → Chloé seasoned, Ben new: /,
    );
    // some copies pass, so it says what to change
    await expect(copying.getByText('What to change:')).toHaveCount(1);
    await copying.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`copying-${size.width}.png`) });
    await copying.screenshot({ path: testInfo.outputPath(`copying-notice-${size.width}.png`) });
  });
}
