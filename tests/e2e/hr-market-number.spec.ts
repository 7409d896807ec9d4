import { expect, type Locator, type Page, type TestInfo, test } from '@playwright/test';
import { makeLinks, playQuarters } from './helpers/hr.ts';

// A trainee quotes their market by the short number their briefing shows ("market #…2d7a");
// HR's page names each trainee's market by that same number, on the links it makes and on
// the results it checks, with the whole seed (what a check compares) on hover.

/** What HR sees around `at` at 1280x800 and 360x740, attached to the report. */
async function screenshotsAround(page: Page, at: Locator, testInfo: TestInfo, name: string) {
  for (const [width, height] of [
    [1280, 800],
    [360, 740],
  ] as const) {
    await page.setViewportSize({ width, height });
    await at.scrollIntoViewIfNeeded();
    await expect(at).toBeInViewport();
    const path = testInfo.outputPath(`${name}-${width}x${height}.png`);
    await page.screenshot({ path });
    await testInfo.attach(`${name}-${width}x${height}`, { path, contentType: 'image/png' });
  }
}

test('HR sees each trainee’s market by the number the trainee sees, the whole seed on hover', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const links = await makeLinks(page, 'alice@acme.example\nbob@acme.example');
  const linkRows = page.locator('.table tbody tr');
  const aliceLink = linkRows.filter({ hasText: 'alice@acme.example' }).locator('.market-number');
  const shownToHr = (await aliceLink.textContent()) ?? '';
  expect(shownToHr).toMatch(/^#…[\w-]{4}$/);
  const seed = (await aliceLink.getAttribute('data-seed')) ?? '';
  await expect(aliceLink).toHaveAttribute('title', `market ${seed}`);
  expect(seed.endsWith(shownToHr.slice(2))).toBe(true);
  // each trainee has a market of their own, told apart by its number
  const bobLink = linkRows.filter({ hasText: 'bob@acme.example' }).locator('.market-number');
  await expect(bobLink).not.toHaveText(shownToHr);
  await screenshotsAround(page, aliceLink, testInfo, 'hr-links');
  await page.setViewportSize({ width: 1280, height: 800 });

  // the trainee's briefing shows the same number
  await page.goto(links[0]!);
  await expect(page.locator('.kicker')).toContainText(`market ${shownToHr}`);
  await expect(page.locator('.kicker')).toHaveAttribute('title', `market ${seed}`);
  // as it reads on the screen (innerText follows the stylesheet): the kicker capitalises
  // its line, never the number, whose case HR's page keeps
  const onBriefing = page.locator('.kicker .market-number');
  // biome-ignore lint/performance/useDomNodeTextContent: the text as the stylesheet shows it (text-transform), which is what a reader sees
  expect(await onBriefing.innerText()).toBe(shownToHr);
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
  const code = await playQuarters(page);
  // biome-ignore lint/performance/useDomNodeTextContent: the text as the stylesheet shows it (text-transform), which is what a reader sees
  expect(await page.locator('.debrief .kicker .market-number').innerText()).toBe(shownToHr);

  // and so does the check of the result the trainee sent back
  await page.goto('./hr.html');
  await page.getByLabel('Result codes').fill(`alice: ${code}`);
  await page.getByRole('button', { name: 'Check the results' }).click();
  await expect(page.locator('#v-status')).toContainText('1 record: 1 genuine');
  const result = page.locator('.results tbody tr').first().locator('.market-number');
  await expect(result).toHaveText(shownToHr);
  await expect(result).toHaveAttribute('title', `market ${seed}`);
  await screenshotsAround(page, result, testInfo, 'hr-results');
});
