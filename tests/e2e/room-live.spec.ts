import { type Browser, expect, type Page, test } from '@playwright/test';
import {
  attachScreenshot,
  clickListed,
  expectNoAxeViolations,
  screenState,
  watchPage,
} from './helpers/game.ts';
import { createRoom, roomCommand, roomServerForFile } from './helpers/room-server.ts';

// The live room as a room of phones uses it, against the real room server: a trainee who
// typed the code keeps their seat across reloads; in a timed room the trainee still
// deciding sees the time left and the facilitator's pace line runs forward while decisions
// arrive; in a gated room the facilitator can end play for a trainee who never answers.

const server = roomServerForFile();

const phone = async (browser: Browser): Promise<Page> =>
  (
    await browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    })
  ).newPage();

const command = (code: string, secret: string, body: unknown) =>
  roomCommand(server, code, secret, body);

async function joinByLink(page: Page, code: string, name: string): Promise<void> {
  await page.goto(`${server.base}?room=${code}`);
  await page.getByLabel(/Your name/).fill(name);
  await page.getByRole('button', { name: 'Join the room' }).click();
}

test('a trainee who typed the room code keeps their seat across a reload', async ({
  browser,
}, testInfo) => {
  const { code, adminSecret } = await createRoom(server.base, {
    scenario: { kind: 'bundled', id: 'tutorial' },
    seed: 'reload-by-code',
    pacing: { mode: 'gated' },
  });
  const page = await phone(browser);
  const problems = await watchPage(page);
  await page.goto(server.base);
  await page.getByRole('button', { name: 'Join a live room' }).click();
  await page.getByLabel('Room code').fill(code);
  await page.getByLabel(/Your name/).fill('Ana');
  await page.getByRole('button', { name: 'Join the room' }).click();
  await expect(page.getByRole('heading', { name: 'Waiting for the room to start' })).toBeVisible();
  // the address now names the room
  expect(new URL(page.url()).searchParams.get('room')).toBe(code);
  await command(code, adminSecret, { type: 'open-quarter', quarter: 1 });
  await expect(page.locator('button.choice').first()).toBeVisible();
  await page.reload();
  await expect(page.locator('button.choice').first()).toBeVisible();
  expect(await screenState(page)).toMatchObject({ screen: 'play', quarter: 0 });

  // the tab was lost and the game opened afresh: the title offers the way back
  await page.goto(server.base);
  const back = page.getByRole('button', { name: `Back to room ${code} as Ana` });
  await expect(back).toBeVisible();
  await expectNoAxeViolations(page, 'the title with a room to go back to');
  await attachScreenshot(page, testInfo, 'title-back-to-room-360');
  await back.click();
  await expect(page.locator('button.choice').first()).toBeVisible();
  expect(new URL(page.url()).searchParams.get('room')).toBe(code);

  // typing the same code again takes the kept seat back, rather than "name taken"
  await page.goto(server.base);
  await page.getByRole('button', { name: 'Join a live room' }).click();
  await page.getByLabel('Room code').fill(code);
  await page.getByLabel(/Your name/).fill('Ana');
  await page.getByRole('button', { name: 'Join the room' }).click();
  await expect(page.locator('button.choice').first()).toBeVisible();
  const res = await fetch(`${server.base}api/rooms/${code}/export.json`, {
    headers: { authorization: `Bearer ${adminSecret}` },
  });
  const exported = (await res.json()) as { players: { name: string }[] };
  expect(exported.players.map((p) => p.name)).toEqual(['Ana']);
  expect(problems).toEqual([]);
});

/** the seconds the facilitator's pace line says are left, or null */
async function secondsLeft(fac: Page): Promise<number | null> {
  const text = await fac.locator('#room-pace-h + p').textContent();
  const m = /opens in (\d+) s/.exec(text ?? '');
  return m ? Number(m[1]) : null;
}

test('a timed room: the trainee deciding sees the time left, and the pace line runs forward', async ({
  browser,
  page: fac,
}, testInfo) => {
  test.setTimeout(120_000);
  const { code, adminSecret } = await createRoom(server.base, {
    scenario: { kind: 'bundled', id: 'tutorial' },
    seed: 'timed-clock',
    pacing: { mode: 'timer', seconds: 60 },
  });
  await fac.setViewportSize({ width: 1280, height: 800 });
  await fac.goto(`${server.base}workshop.html#live=${code}.${adminSecret}`);
  const fay = await phone(browser);
  await joinByLink(fay, code, 'Fay');
  await expect(fay.getByRole('heading', { name: 'Waiting for the room to start' })).toBeVisible();
  await fac.getByRole('button', { name: 'Start the clock' }).click();
  await expect(fay.locator('button.choice').first()).toBeVisible();
  // deciding quarter 1: the room bar counts down to quarter 2
  const clock = fay.locator('.room-bar .room-clock');
  await expect(clock).toHaveText(/^Quarter 2 opens in 0:[0-5]\d$/);
  await expectNoAxeViolations(fay, 'the timed quarter on a phone');
  await attachScreenshot(fay, testInfo, 'timed-deciding-360');

  await expect.poll(() => secondsLeft(fac)).not.toBeNull();
  await fac.waitForTimeout(4000);
  const before = (await secondsLeft(fac))!;
  // a decision reaches the dashboard as a player's message: the clock must not go back
  await clickListed(fay, 0);
  await expect(fac.locator('tr[data-player="Fay"]')).toContainText('decided');
  const after = (await secondsLeft(fac))!;
  expect(after).toBeLessThanOrEqual(before);
  expect(after).toBeGreaterThan(before - 10);
  await expect(fac.locator('#room-pace-h + p')).toHaveText(
    /^Quarter 1 of \d+ is open; quarter 2 opens in \d+ s\.$/,
  );
  await attachScreenshot(fac, testInfo, 'timed-dashboard-1280');
});

test('a gated room: the facilitator ends play for a trainee who never answers', async ({
  browser,
  page: fac,
}, testInfo) => {
  const { code, adminSecret } = await createRoom(server.base, {
    scenario: { kind: 'bundled', id: 'tutorial' },
    seed: 'silent',
    pacing: { mode: 'gated' },
  });
  await fac.setViewportSize({ width: 1280, height: 800 });
  await fac.goto(`${server.base}workshop.html#live=${code}.${adminSecret}`);
  const cy = await phone(browser);
  await joinByLink(cy, code, 'Cy');
  await expect(cy.getByRole('heading', { name: 'Waiting for the room to start' })).toBeVisible();
  await command(code, adminSecret, { type: 'open-quarter', quarter: 2 });
  await expect(cy.locator('button.choice').first()).toBeVisible();
  await expect(fac.getByText('Quarters 1–2 of')).toBeVisible();
  // the words and the button beside them share a baseline
  const words = await fac.getByText('Quarters 1–2 of').boundingBox();
  const open3 = await fac.getByRole('button', { name: 'Open quarter 3' }).boundingBox();
  expect(Math.abs(words!.y + words!.height - (open3!.y + open3!.height))).toBeLessThan(12);

  const end = fac.getByRole('button', { name: 'End play and release the debrief' });
  await expect(end).toBeVisible();
  await expect(fac.locator('#room-end-note')).toContainText('1 trainee has not finished');
  await expectNoAxeViolations(fac, 'the dashboard with a trainee still playing');
  await attachScreenshot(fac, testInfo, 'gated-before-end-1280');
  await end.click();

  await expect(cy.getByRole('heading', { name: 'Play has ended' })).toBeVisible();
  await expect(cy.locator('button.choice')).toHaveCount(0);
  await expectNoAxeViolations(cy, 'play has ended');
  await attachScreenshot(cy, testInfo, 'play-ended-360');
  const row = fac.locator('tr[data-player="Cy"]');
  await expect(row).toContainText('stopped: play ended');
  await expect(row).toContainText('no score');
  await expect(fac.locator('.roster-hint')).toContainText('1 did not finish before play ended');
  await expect(fac.locator('.roster-hint')).not.toContainText('still play');
  await expect(fac.getByRole('button', { name: 'Open quarter 3' })).toHaveCount(0);
  await expect(fac.getByText('Play has ended: no more decisions are taken.')).toContainText(
    'Nobody new can join',
  );
  await attachScreenshot(fac, testInfo, 'gated-ended-1280');
  // the slides do not wait for her either
  await fac.getByRole('button', { name: 'Show the slides' }).click();
  await expect(fac.getByText('Nobody reached this quarter before play ended.')).toBeVisible();
  await fac.keyboard.press('Escape');
  // a reload keeps her there
  await cy.reload();
  await expect(cy.getByRole('heading', { name: 'Play has ended' })).toBeVisible();
  // a latecomer opening the same link is told so on the join form, and is not counted
  const late = await phone(browser);
  await late.goto(`${server.base}?room=${code}`);
  await expect(late.getByRole('alert')).toContainText(`Play has ended in room ${code}`);
  await late.getByLabel(/Your name/).fill('Dee');
  await late.getByRole('button', { name: 'Join the room' }).click();
  await expect(late.getByRole('button', { name: 'Join the room' })).toBeEnabled();
  await expect(late.getByRole('alert')).toContainText(`Play has ended in room ${code}`);
  await expect(fac.locator('tr[data-player]')).toHaveCount(1);
});
