import { expect, type Page, test } from '@playwright/test';
import { openDatabase } from '../../src/server/db/open.ts';
import {
  clickListed,
  expectNoAxeViolations,
  shootAtBothSizes,
  waitForRopeView,
  watchPage,
} from './helpers/game.ts';
import { createRoom, type RoomServer, startRoomServer } from './helpers/room-server.ts';

// A room opened under an earlier model and still open after the server was upgraded: its
// trainee is told in plain words that it cannot go on and to ask for a new room, a
// newcomer cannot join it, and the facilitator sees why, with the decisions kept as they
// were made and downloadable, and no score or split worked out by the new model.

let server: RoomServer;
test.beforeAll(async () => {
  server = await startRoomServer();
});
test.afterAll(async () => {
  await server?.stop();
});

/** A self-paced tutorial room on `seed`, in which Ana has played the first quarter. */
async function roomAnaPlayedOnce(page: Page, seed: string) {
  const room = await createRoom(server.base, {
    scenario: { kind: 'bundled', id: 'tutorial' },
    seed,
    pacing: { mode: 'self' },
  });
  const chosen = await joinAndPlayOne(page, room.code, 'Ana');
  return { ...room, chosen };
}

async function joinAndPlayOne(page: Page, code: string, name: string): Promise<string> {
  await page.goto(`${server.base}?room=${code}`);
  await waitForRopeView(page);
  await page.getByLabel(/Your name/).fill(name);
  await page.getByRole('button', { name: 'Join the room' }).click();
  await expect(page.locator('button.choice').first()).toBeEnabled();
  const chosen = await clickListed(page, 0);
  await expect(page.getByRole('button', { name: 'On to quarter 2' })).toBeVisible();
  return chosen;
}

/** the server stops, its database is left as model `model`'s server made it, and it starts again */
async function upgradeServerUnder(code: string, model: number): Promise<void> {
  await server.stop();
  const db = await openDatabase({ dataDir: server.dataDir });
  await db.query('UPDATE rooms SET model = $1 WHERE code = $2', [model, code]);
  await db.close();
  server = await startRoomServer(server);
}

test('a room of an earlier model: the trainee and a newcomer are told to ask for a new room; the facilitator keeps the decisions', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const problems = await watchPage(page);
  const { code, adminSecret, chosen } = await roomAnaPlayedOnce(page, 'other-model');
  // model 2: a model this version no longer replays
  await upgradeServerUnder(code, 2);

  // the trainee comes back to the room
  await page.reload();
  const told = page.getByText('This room was opened with an earlier version of the game');
  await expect(told).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Ask your facilitator for a new room to play on.')).toBeVisible();
  await expectNoAxeViolations(page, 'the trainee told the room cannot go on');
  await shootAtBothSizes(page, 'other-model-trainee');

  // a newcomer is refused at the door, with the same words
  const newcomer = await (await browser.newContext()).newPage();
  await newcomer.goto(`${server.base}?room=${code}`);
  await newcomer.getByLabel(/Your name/).fill('Bo');
  await newcomer.getByRole('button', { name: 'Join the room' }).click();
  await expect(
    newcomer.getByText('This room was opened with an earlier version of the game'),
  ).toBeVisible();
  await newcomer.context().close();

  // the facilitator: why, the decisions as stored, the exports; no splits or slides
  const fac = await (await browser.newContext()).newPage();
  const facProblems = await watchPage(fac);
  await fac.goto(`${server.base}workshop.html#live=${code}.${adminSecret}`);
  const note = fac.getByRole('note').filter({ hasText: `Room ${code} cannot go on` });
  await expect(note).toBeVisible();
  await expect(note).toContainText('Every decision is kept as it was made');
  const ana = fac.locator('tr[data-player="Ana"]');
  await expect(ana).toContainText('stopped');
  await expect(ana).toContainText('1 of 4');
  await expect(fac.locator('.decision')).toHaveCount(0);
  await expect(fac.getByRole('button', { name: 'Show the slides' })).toBeHidden();
  // nobody can join: no join code, link or QR code is offered, nor pacing or releases
  await expect(fac.locator('.join-card')).toBeHidden();
  await expect(fac.getByRole('button', { name: 'Release the debrief' })).toBeHidden();
  await expectNoAxeViolations(fac, 'the facilitator of a room of another model');
  await shootAtBothSizes(fac, 'other-model-facilitator');
  const download = fac.waitForEvent('download');
  await fac.getByRole('button', { name: 'Download CSV' }).click();
  const csv = await (await download).createReadStream();
  const text = await new Response(csv as unknown as ReadableStream).text();
  expect(text).toContain(chosen);
  expect(facProblems).toEqual([]);
  // besides the server being down for its upgrade, and the refusal answered, nothing failed
  expect(problems.filter((p) => !/ERR_CONNECTION_REFUSED|status of 409/.test(p))).toEqual([]);
});

test('a room opened under model 3 plays on after the upgrade, by model 3’s rules', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const problems = await watchPage(page);
  const { code, adminSecret } = await roomAnaPlayedOnce(page, 'model-3');
  await upgradeServerUnder(code, 3);

  // the trainee comes back and plays on, in the room's model
  await page.reload();
  await page.getByRole('button', { name: 'On to quarter 2' }).click();
  await expect(page.locator('button.choice').first()).toBeEnabled({ timeout: 30_000 });
  expect(await page.evaluate(() => window.__TEST__!.store.getState().entry?.scenario.model)).toBe(
    3,
  );
  await clickListed(page, 0);
  await expect(page.getByRole('button', { name: 'On to quarter 3' })).toBeVisible();
  await shootAtBothSizes(page, 'model-3-trainee');

  // the facilitator sees the room as any other: no note that it cannot go on
  const fac = await (await browser.newContext()).newPage();
  await fac.goto(`${server.base}workshop.html#live=${code}.${adminSecret}`);
  const ana = fac.locator('tr[data-player="Ana"]');
  await expect(ana).toContainText('2 of 4');
  await expect(fac.getByRole('note').filter({ hasText: 'cannot go on' })).toHaveCount(0);
  await shootAtBothSizes(fac, 'model-3-facilitator');
  // besides the server being down for its upgrade, nothing failed
  expect(problems.filter((p) => !/ERR_CONNECTION_REFUSED/.test(p))).toEqual([]);
});
