import { expect, type Page, test } from '@playwright/test';
import {
  attachScreenshot,
  clickListed,
  expectNoAxeViolations,
  screenState,
  waitForRopeView,
  watchPage,
} from './helpers/game.ts';
import {
  createRoom,
  type RoomServer,
  roomCommand,
  startRoomServer,
} from './helpers/room-server.ts';

// A trainee in a live room, against the real room server: join by link, wait for the
// facilitator's gate, play, rejoin after a reload at the same quarter, wait for the debrief,
// and a server that goes away and comes back without losing anything.

let server: RoomServer;
test.beforeAll(async () => {
  server = await startRoomServer();
});
test.afterAll(async () => {
  await server?.stop();
});

const command = (code: string, secret: string, body: unknown) =>
  roomCommand(server, code, secret, body);

async function serverGame(code: string, secret: string) {
  const res = await fetch(`${server.base}api/rooms/${code}/export.json`, {
    headers: { authorization: `Bearer ${secret}` },
  });
  return (await res.json()) as {
    players: { name: string; choices: string[]; score: number | null }[];
  };
}

async function join(page: Page, code: string, name: string) {
  await page.goto(`${server.base}?room=${code}`);
  await expect(page.getByRole('heading', { name: 'Join a live room' })).toBeVisible();
  // the rope view names its canvas once it has loaded
  await waitForRopeView(page);
  await expectNoAxeViolations(page, 'the join form');
  await expect(page.getByLabel('Room code')).toHaveValue(code);
  await page.getByLabel(/Your name/).fill(name);
  await page.getByRole('button', { name: 'Join the room' }).click();
}

/** plays the quarter on screen and moves on to what the room shows next */
async function playQuarter(page: Page, index: number): Promise<string> {
  await expect(page.locator('button.choice').first()).toBeEnabled();
  const id = await clickListed(page, index);
  await page.getByRole('button', { name: /^(On to quarter \d+|See the debrief)$/ }).click();
  return id;
}

test('a trainee joins by link, waits for each gated quarter, rejoins after a reload and gets the debrief when released', async ({
  page,
}) => {
  const problems = await watchPage(page);
  const { code, adminSecret } = await createRoom(server.base, {
    scenario: { kind: 'bundled', id: 'tutorial' },
    seed: 'room-trainee',
    pacing: { mode: 'gated' },
  });
  await join(page, code, 'Ana <b>');
  await expect(page.getByRole('heading', { name: 'Waiting for the room to start' })).toBeVisible();
  await expect(page.locator('.room-bar')).toContainText(
    `Live room ${code} · playing as Ana <b> · connected`,
  );

  await command(code, adminSecret, { type: 'open-quarter', quarter: 1 });
  const first = await playQuarter(page, 0);
  await expect(page.getByRole('heading', { name: 'Waiting for quarter 2' })).toBeVisible();
  expect((await serverGame(code, adminSecret)).players[0]?.choices).toEqual([first]);

  await command(code, adminSecret, { type: 'open-quarter', quarter: 2 });
  await expect(page.locator('button.choice').first()).toBeVisible();
  // a reload mid-room: the kept seat rejoins the same game, at the same quarter, no new join
  await page.reload();
  await expect(page.locator('button.choice').first()).toBeVisible();
  expect(await screenState(page)).toMatchObject({ screen: 'play', quarter: 1 });
  await expect(page.getByRole('heading', { name: 'Join a live room' })).toHaveCount(0);

  const played = [first, await playQuarter(page, 1)];
  const quarters = await page.evaluate(
    () => window.__TEST__!.store.getState().entry!.scenario.quarters,
  );
  for (let q = 3; q <= quarters; q++) {
    await command(code, adminSecret, { type: 'open-quarter', quarter: q });
    played.push(await playQuarter(page, -1));
  }
  await expect(page.getByRole('heading', { name: 'Your game is over' })).toBeVisible();
  const exported = await serverGame(code, adminSecret);
  expect(exported.players).toHaveLength(1);
  expect(exported.players[0]?.choices).toEqual(played);

  await command(code, adminSecret, { type: 'release', release: { debrief: true } });
  await expect(page.getByRole('heading', { name: 'How your market went' })).toBeVisible();
  // the score the debrief shows is the server's replay of the same choices
  await expect(page.locator('.score-value')).toHaveText(String(exported.players[0]?.score));
  expect(problems).toEqual([]);
});

test('a wrong join code is refused in words', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 360, height: 740 });
  // served by the room server, the title offers to join a room, by code
  await page.goto(server.base);
  await page.getByRole('button', { name: 'Join a live room' }).click();
  await page.getByLabel('Room code').fill('qqqqqq');
  await page.getByLabel(/Your name/).fill('Bo');
  await page.getByRole('button', { name: 'Join the room' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    "There is no room QQQQQQ: it was deleted or has expired, or the code is mistyped. Check the code with your facilitator, or ask them for the new room's code, and type it above.",
  );
  // what was typed stays, to correct
  await expect(page.getByLabel(/Your name/)).toHaveValue('Bo');
  await expect(page.getByLabel('Room code')).toHaveValue('QQQQQQ');
  await attachScreenshot(page, testInfo, 'join-refused-360');
});

test('a static copy of the game (no room server) says that live rooms need one', async ({
  page,
}) => {
  // the Playwright web server is vite preview: the built site, no room server behind it
  await page.goto('./?room=QQQQQQ');
  await expect(page.getByRole('heading', { name: 'This room is not available' })).toBeVisible();
  await expect(page.getByText(/Live rooms need the room server/)).toBeVisible();
  await page.getByRole('button', { name: 'Back to the title' }).click();
  await expect(page.getByRole('button', { name: 'Choose a market' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Join a live room' })).toHaveCount(0);
});

test('the server going away mid-game says so, and the game carries on where it was once it is back', async ({
  page,
}) => {
  const { code, adminSecret } = await createRoom(server.base, {
    scenario: { kind: 'bundled', id: 'tutorial' },
    seed: 'room-gone',
    pacing: { mode: 'self' },
  });
  await join(page, code, 'Cy');
  const first = await playQuarter(page, 0);
  await expect(page.locator('button.choice').first()).toBeVisible();
  await server.stop();
  await expect(page.locator('.room-bar')).toContainText('connection lost: reconnecting…');
  // the quarter on screen stays; a call made now waits for the connection
  expect(await screenState(page)).toMatchObject({ screen: 'play', quarter: 1 });
  await clickListed(page, 1);
  await expect(page.getByText('Sending your call to the room…')).toBeVisible();
  server = await startRoomServer(server);
  await expect(page.getByRole('button', { name: /^On to quarter 3$/ })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.locator('.room-bar')).toContainText('connected');
  const exported = await serverGame(code, adminSecret);
  expect(exported.players[0]?.choices[0]).toBe(first);
  expect(exported.players[0]?.choices).toHaveLength(2);
});
