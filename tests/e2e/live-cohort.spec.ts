import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { parseCsv } from '../../src/lib/csv.ts';
import { marketNumber } from '../../src/lib/market-number.ts';
import { startAssessedAttempt } from './helpers/assess.ts';
import { expectNoAxeViolations, playQuarter, waitForRopeView, watchPage } from './helpers/game.ts';
import { type RoomServer, startRoomServer } from './helpers/room-server.ts';

// HR's cohort on the server, live (issue 18): HR's page is open on the cohort while a
// trainee plays in a second page, and the trainee's row moves to "in progress", through
// each quarter, to "submitted" with the server's grade, with no reload of HR's page; HR's
// chosen sort and focus stay; a server that goes away shows as reconnecting, then offline
// with the time of the last update, and the page is live again when it comes back.

let server: RoomServer;
test.beforeAll(async () => {
  server = await startRoomServer();
});
test.afterAll(async () => {
  await server?.stop();
});

const ANA = 'ana@example.com';

async function makeAssessment(trainees: string[], due?: Date) {
  const res = await fetch(`${server.base}api/assignments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title: 'Coaching check',
      scenario: { kind: 'bundled', id: 'tutorial' },
      passMark: 50,
      attempts: 2,
      trainees,
      ...(due ? { due: due.toISOString() } : {}),
    }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as {
    assignment: { id: string };
    adminSecret: string;
    trainees: { name: string; token: string }[];
  };
}

async function followOnHrPage(page: Page, id: string, secret: string) {
  await page.goto(`${server.base}hr.html`);
  await page.locator('#s-id').fill(id);
  await page.locator('#s-secret').fill(secret);
  await page.getByRole('button', { name: 'Show the cohort' }).click();
  await expect(page.locator('.live-note .live-state')).toHaveText('Live');
}

test("HR's cohort follows a trainee playing in another page, without a reload", async ({
  page,
  context,
}, testInfo) => {
  const problems = await watchPage(page);
  const others = Array.from({ length: 11 }, (_, i) => `trainee-${String(i + 1).padStart(2, '0')}`);
  const made = await makeAssessment([...others, ANA]);
  const id = made.assignment.id;
  await page.setViewportSize({ width: 1280, height: 800 });
  await followOnHrPage(page, id, made.adminSecret);
  const ana = page.locator('tr[data-trainee="ana@example.com"]');
  await expect(ana).toContainText('not started');
  await expect(page.locator('.cohort-counts')).toContainText('12 not started');

  // HR sorts by trainee name (Ana, last in the server's order, comes first), then by name
  // descending and back, and leaves the focus on that column head: both must survive
  // every update
  const sortHead = page.getByRole('button', { name: 'Trainee: sort' });
  await sortHead.click();
  await expect(page.locator('tbody tr').first()).toHaveAttribute('data-trainee', ANA);
  await sortHead.click();
  await expect(page.locator('th[aria-sort="descending"]')).toHaveText(/Trainee/);
  await expect(page.locator('tbody tr').last()).toHaveAttribute('data-trainee', ANA);
  await sortHead.click();
  await expect(page.locator('th[aria-sort="ascending"]')).toHaveText(/Trainee/);
  await expect(page.locator('tbody tr').first()).toHaveAttribute('data-trainee', ANA);
  await sortHead.focus();
  // a mark on the page's window: a reload would wipe it
  await page.evaluate(() => {
    (window as unknown as { keptAcrossUpdates: boolean }).keptAcrossUpdates = true;
  });

  const trainee = await context.newPage();
  await trainee.setViewportSize({ width: 1280, height: 800 });
  await trainee.goto(`${server.base}?assess=${id}&t=${made.trainees.at(-1)!.token}`);
  // opening the link starts nothing: the rules come first
  await expect(trainee.getByRole('button', { name: 'Start attempt 1 of 2' })).toBeVisible();
  await expect(ana).toContainText('not started');
  await startAssessedAttempt(trainee);
  await waitForRopeView(trainee);
  await expect(ana).toContainText('in progress, 0 of 4 quarters decided');
  // the market the trainee plays, by the number their own screens show, the seed on hover
  const seed = await trainee.evaluate(() => window.__TEST__!.store.getState().sim!.seed);
  const market = ana.locator('td[data-label="Market"]');
  await expect(market).toHaveText(`#${marketNumber(seed)}`);
  await expect(market).toHaveAttribute('title', `market ${seed}, of the latest attempt`);
  await expect(page.locator('.cohort-counts')).toContainText('1 in progress');

  await playQuarter(trainee, 1);
  await expect(ana).toContainText('in progress, 1 of 4 quarters decided');
  await playQuarter(trainee, 2);
  await expect(ana).toContainText('in progress, 2 of 4 quarters decided');
  await page.screenshot({ path: testInfo.outputPath('live-cohort-in-progress-1280.png') });
  await playQuarter(trainee, 3);
  await playQuarter(trainee, 4);
  const graded = trainee.locator('[data-assessed-grade]');
  await expect(graded).toBeVisible();
  const fair = await graded.getAttribute('data-assessed-grade');
  const passed = (await graded.textContent())!.includes(', passed');

  await expect(ana.locator('td[data-label="Status"]')).toHaveText('submitted');
  await expect(ana.locator('td[data-label="Fair score"]')).toHaveText(fair!);
  await expect(ana.locator('td[data-label="Passed"]')).toHaveText(passed ? 'yes' : 'no');
  await expect(ana.getByRole('button', { name: /Download attempt 1/ })).toBeVisible();
  await expect(page.locator('.cohort-counts')).toContainText('1 submitted');

  // no reload, the sort and the focus where HR left them
  expect(
    await page.evaluate(
      () => (window as unknown as { keptAcrossUpdates?: boolean }).keptAcrossUpdates,
    ),
  ).toBe(true);
  await expect(page.locator('tbody tr').first()).toHaveAttribute('data-trainee', ANA);
  await expect(sortHead).toBeFocused();

  // the CSV is the table's: the same trainees, statuses and grades
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the cohort (CSV)' }).click();
  const rows = parseCsv(readFileSync(await (await download).path(), 'utf8'));
  const anaCsv = rows.find((r) => r[0] === ANA)!;
  expect(anaCsv.slice(1, 4)).toEqual(['submitted', passed ? 'yes' : 'no', fair]);
  expect(anaCsv[rows[0]!.indexOf('latest_market')]).toBe(`#${marketNumber(seed)}`);
  expect(anaCsv[rows[0]!.indexOf('latest_seed')]).toBe(seed);
  expect(rows).toHaveLength(13);

  await expectNoAxeViolations(page, 'the live cohort');
  await page.locator('#server-title').scrollIntoViewIfNeeded();
  await page.locator('.live-note').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('live-cohort-1280.png') });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.locator('.live-note').scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await page.screenshot({ path: testInfo.outputPath('live-cohort-360.png') });
  await ana.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('live-cohort-row-360.png') });
  await expectNoAxeViolations(page, 'the live cohort on a phone');
  // on a phone each trainee is a card whose every line fits the screen, nothing cut off
  const cells = await page.locator('tr[data-trainee] > *').evaluateAll((all) =>
    all.map((c) => ({
      right: c.getBoundingClientRect().right,
      overflow: c.scrollWidth - c.clientWidth,
    })),
  );
  expect(Math.max(...cells.map((c) => c.right))).toBeLessThanOrEqual(360);
  expect(Math.max(...cells.map((c) => c.overflow))).toBeLessThanOrEqual(1);
  await trainee.close();
  expect(problems).toEqual([]);
});

test('a server that goes away shows as reconnecting, then offline with the last update, then live again', async ({
  page,
}, testInfo) => {
  const made = await makeAssessment([ANA]);
  await page.setViewportSize({ width: 1280, height: 800 });
  await followOnHrPage(page, made.assignment.id, made.adminSecret);
  const note = page.locator('.live-note');
  await expect(note).toContainText('last update');

  // every state the page shows, in order (Reconnecting… may last a second only)
  await page.evaluate(() => {
    const state = document.querySelector('.live-note .live-state')!;
    const seen: string[] = [];
    (window as unknown as { seenStates: string[] }).seenStates = seen;
    new MutationObserver(() => seen.push(state.textContent ?? '')).observe(state, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  await server.stop();
  await expect(note.locator('.live-state')).toHaveText('Offline', { timeout: 20_000 });
  const seen = await page.evaluate(
    () => (window as unknown as { seenStates: string[] }).seenStates,
  );
  expect(seen.indexOf('Reconnecting…')).toBeGreaterThanOrEqual(0);
  expect(seen.indexOf('Reconnecting…')).toBeLessThan(seen.indexOf('Offline'));
  await expect(note).toContainText('last update');
  await expect(page.locator('tr[data-trainee="ana@example.com"]')).toContainText('not started');
  await note.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('live-cohort-offline-1280.png') });

  server = await startRoomServer(server);
  await expect(note.locator('.live-state')).toHaveText('Live', { timeout: 20_000 });
});

test("trainees who have not finished turn late on HR's page when the due date passes, with nobody playing", async ({
  page,
}, testInfo) => {
  const made = await makeAssessment([ANA, 'ben@example.com'], new Date(Date.now() + 12_000));
  await page.setViewportSize({ width: 360, height: 740 });
  await followOnHrPage(page, made.assignment.id, made.adminSecret);
  const ben = page.locator('tr[data-trainee="ben@example.com"]');
  await expect(ben.locator('td[data-label="Status"]')).toHaveText('not started');
  await expect(ben.locator('td[data-label="Status"]')).toHaveText('late', { timeout: 30_000 });
  await expect(page.locator('.cohort-counts')).toContainText('2 late');
  await expect(page.locator('.cohort-counts')).toContainText('0 not started');
  await page.locator('.live-note').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('live-cohort-late-360.png') });
});

test('a wrong admin secret is refused in words, and the page stops trying', async ({ page }) => {
  const made = await makeAssessment([ANA]);
  await page.goto(`${server.base}hr.html`);
  await page.locator('#s-id').fill(made.assignment.id);
  await page.locator('#s-secret').fill('x'.repeat(43));
  await page.getByRole('button', { name: 'Show the cohort' }).click();
  await expect(page.locator('.live-note .live-state')).toHaveText('Not shown');
  await expect(page.locator('#s-status')).toContainText(
    "that is not this assignment's admin secret",
  );
  await expect(page.locator('tbody tr')).toHaveCount(0);

  // something that cannot be a secret is caught before anything is sent
  await page.locator('#s-secret').fill('my password');
  await page.getByRole('button', { name: 'Show the cohort' }).click();
  await expect(page.locator('#s-status')).toContainText('Enter the assessment id (12 characters)');
  await expect(page.locator('tbody tr')).toHaveCount(0);
});
