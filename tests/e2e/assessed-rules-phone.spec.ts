import { expect, test } from '@playwright/test';
import { attachScreenshot, expectNoAxeViolations, watchPage } from './helpers/game.ts';
import { createAssessment, roomServerForFile } from './helpers/room-server.ts';

// An assessed attempt's rules on a phone (360 × 740), for a scenario with a long summary
// (value-discipline's is eight lines on a phone): the rules in short and Start are on the
// first screen, and the explanation, the market's summary and the goals are one tap away.

const server = roomServerForFile();

test.use({ viewport: { width: 360, height: 740 } });

test('a phone shows the rules and Start on the first screen, the summary one tap below', async ({
  page,
}, testInfo) => {
  const problems = await watchPage(page);
  const { links } = await createAssessment(server.base, {
    title: 'Sales academy, March',
    scenario: { kind: 'bundled', id: 'value-discipline' },
    passMark: 60,
    attempts: 3,
    due: '2026-12-31T17:00:00Z',
    trainees: ['ana@example.com'],
  });
  await page.goto(links[0]!);
  const start = page.getByRole('button', { name: 'Start attempt 1 of 3' });
  await expect(start).toBeVisible();
  await attachScreenshot(page, testInfo, 'assessed-rules-phone-first-screen', 'body');

  // Start and every rule are inside the first screen, without scrolling
  const rules = page.locator('.attempt-rules ul.rules > li');
  await expect(rules).toHaveText([
    'It is graded. Pass mark: 60 (fair score, 0–100).',
    'Attempt 1 of 3. After this one, 2 attempts left.',
    /^Due: .*2026/,
    'It starts, and counts, when you press Start.',
  ]);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  for (const el of [...(await rules.all()), start]) {
    const box = (await el.boundingBox())!;
    expect(box.y + box.height, (await el.textContent()) ?? '').toBeLessThanOrEqual(740);
  }

  // the summary is folded, not gone: a tap on its heading opens it
  const summary = page.getByText('Halden Films makes recyclable packaging film', { exact: false });
  await expect(summary).toBeHidden();
  await page.getByRole('heading', { name: 'The market' }).click();
  await expect(summary).toBeVisible();
  await expect(page.getByRole('heading', { name: 'How it is graded' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your goals' })).toBeVisible();
  await expectNoAxeViolations(page, 'the rules of an assessed attempt on a phone');
  await attachScreenshot(page, testInfo, 'assessed-rules-phone-whole');
  expect(problems).toEqual([]);
});
