import { expect, test } from '@playwright/test';
import { attachScreenshot, expectNoAxeViolations, watchPage } from './helpers/game.ts';
import { createRoom, roomServerForFile } from './helpers/room-server.ts';

// A live workshop on a phone (360 × 740): the facilitator's page keeps its tabs on the
// screen (they wrap, and still move with the arrow keys as a tab list), and a trainee who
// opens the join link sees the room's form on the first screen (with no note that the game
// plays offline: a room needs the server, tests/e2e/offline-notice.spec.ts).

const server = roomServerForFile();

test.use({ viewport: { width: 360, height: 740 } });

test("the workshop page's tabs fit a phone and move with the arrow keys", async ({
  page,
}, testInfo) => {
  const problems = await watchPage(page);
  await page.goto(`${server.base}workshop.html#live`);
  const tabs = page.getByRole('tablist', { name: 'Facilitator pages' }).getByRole('tab');
  await expect(tabs).toHaveCount(5);
  await expect(page.getByRole('heading', { name: 'Run a live room' })).toBeVisible();
  // every tab is inside the screen, and the page does not scroll sideways
  for (const tab of await tabs.all()) {
    const box = (await tab.boundingBox())!;
    expect(box.x, (await tab.textContent()) ?? '').toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, (await tab.textContent()) ?? '').toBeLessThanOrEqual(360);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await attachScreenshot(page, testInfo, 'workshop-live-360');
  await expectNoAxeViolations(page, 'the workshop page on a phone');

  // one tab stop; the arrows, Home and End move along the tabs and open the one reached
  const live = page.getByRole('tab', { name: 'Live room' });
  await expect(live).toHaveAttribute('aria-selected', 'true');
  await expect(live).toHaveAttribute('tabindex', '0');
  await expect(page.getByRole('tab', { name: 'Write & check' })).toHaveAttribute('tabindex', '-1');
  await live.focus();
  await page.keyboard.press('ArrowRight');
  const author = page.getByRole('tab', { name: 'Write & check' });
  await expect(author).toBeFocused();
  await expect(author).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Write & check' })).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(live).toBeFocused();
  await expect(page.getByRole('tabpanel', { name: 'Live room' })).toBeVisible();
  await page.keyboard.press('Home');
  await expect(author).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  const balance = page.getByRole('tab', { name: 'Balance report' });
  await expect(balance).toBeFocused();
  await expect(page).toHaveURL(/#balance$/);
  await page.keyboard.press('End');
  await expect(live).toBeFocused();
  await expect(page).toHaveURL(/#live$/);
  expect(problems).toEqual([]);
});

test("on a phone the room's join form is on the first screen", async ({ page }, testInfo) => {
  const problems = await watchPage(page);
  const { code } = await createRoom(server.base, {
    scenario: { kind: 'bundled', id: 'tutorial' },
    seed: 'phone',
    pacing: { mode: 'gated' },
  });
  await page.goto(`${server.base}?room=${code}`);
  const join = page.getByRole('heading', { name: 'Join a live room' });
  await expect(join).toBeVisible();
  // the form is on the first screen, not pushed under it
  const field = page.getByLabel(/Your name/);
  expect((await field.boundingBox())!.y + 40).toBeLessThanOrEqual(740);
  await attachScreenshot(page, testInfo, 'trainee-join-360');
  await expectNoAxeViolations(page, 'the join form');

  await field.fill('Pia');
  await page.getByRole('button', { name: 'Join the room' }).click();
  await expect(page.getByRole('heading', { name: 'Waiting for the room to start' })).toBeVisible();
  await attachScreenshot(page, testInfo, 'trainee-waiting-360');
  expect(problems).toEqual([]);
});
