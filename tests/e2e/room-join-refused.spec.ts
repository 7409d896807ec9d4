import { expect, type Page, type TestInfo, test } from '@playwright/test';
import { join, json } from '../helpers/room-client.ts';
import {
  attachScreenshot,
  expectNoAxeViolations,
  waitForRopeView,
  watchPage,
} from './helpers/game.ts';
import { createRoom, roomCommand, roomServerForFile } from './helpers/room-server.ts';

// A trainee at the door of a room they cannot join: play has ended in it, it was deleted,
// or the link's code is no room's. The join form says so as it opens, before a name is
// typed, in a sentence that says what to do; a name sent anyway is refused with the same
// sentence and not counted; what was typed stays, so the room's new code is all there is to
// type, and it takes the trainee in.

const server = roomServerForFile();
/** the server's address without its final slash, for the API helpers' paths */
const api = () => server.base.replace(/\/$/, '');

const tutorial = (seed: string) => ({
  scenario: { kind: 'bundled', id: 'tutorial' },
  seed,
  pacing: { mode: 'gated' },
});

/** the trainees the facilitator's dashboard lists */
async function playersOf(code: string, secret: string): Promise<string[]> {
  const view = await json<{ players: { name: string }[] }>(api(), `/api/rooms/${code}/admin`, {
    secret,
  });
  return view.body.players.map((p) => p.name);
}

/** the page at a laptop's and a phone's size, for a person to look at */
async function shots(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    // the whole sentence is on the first screen, under the code it is about
    await expect(page.getByRole('alert')).toBeInViewport({ ratio: 1 });
    await attachScreenshot(page, testInfo, `${name}-${width}`);
  }
}

/** the wrong room's code replaced by `code` in the same form, and joined */
async function joinInstead(page: Page, code: string, name: string): Promise<void> {
  await page.getByLabel('Room code').fill(code);
  await page.getByRole('button', { name: 'Join the room' }).click();
  await expect(page.getByRole('heading', { name: 'Waiting for the room to start' })).toBeVisible();
  await expect(page.locator('.room-bar')).toContainText(
    `Live room ${code} · playing as ${name} · connected`,
  );
}

test('a join link to a room where play has ended says so at once, counts nobody, and a new code takes the trainee in', async ({
  page,
}, testInfo) => {
  const problems = await watchPage(page);
  const ended = await createRoom(server.base, tutorial('ended'));
  await join(api(), ended.code, 'Ana');
  await roomCommand(server, ended.code, ended.adminSecret, {
    type: 'release',
    release: { debrief: true },
  });
  const next = await createRoom(server.base, tutorial('next'));
  const words = `Play has ended in room ${ended.code}: your facilitator ended it and released the debrief, so nobody new can join. Follow the debrief as your facilitator shows it to the room, or ask them for another room's code to play.`;

  await page.goto(`${server.base}?room=${ended.code}`);
  await expect(page.getByRole('heading', { name: 'Join a live room' })).toBeVisible();
  await waitForRopeView(page);
  // before anything is typed
  await expect(page.getByRole('alert')).toHaveText(words);
  await expect(page.getByLabel('Room code')).toHaveValue(ended.code);
  // under the code it is about, which takes the focus: the code is what to change
  await expect(page.getByLabel('Room code')).toBeFocused();
  await expect(page.getByLabel('Room code')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#room-code-help + .form-problem')).toHaveText(words);
  await expectNoAxeViolations(page, 'the join form of a room where play has ended');
  await shots(page, testInfo, 'join-ended');

  // a name sent anyway: the same sentence, the name kept as typed (markup is text), nobody counted
  const name = 'Bo <i>Ng</i>';
  await page.getByLabel(/Your name/).fill(name);
  await page.getByRole('button', { name: 'Join the room' }).click();
  await expect(page.getByRole('button', { name: 'Join the room' })).toBeEnabled();
  await expect(page.getByRole('alert')).toHaveText(words);
  await expect(page.getByLabel(/Your name/)).toHaveValue(name);
  expect(await playersOf(ended.code, ended.adminSecret)).toEqual(['Ana']);

  await joinInstead(page, next.code, name);
  await expect(page.locator('.room-bar i')).toHaveCount(0);
  expect(await playersOf(next.code, next.adminSecret)).toEqual([name]);
  // the refusals the page was answered (409) are the only errors
  expect(problems.filter((p) => !/status of 409/.test(p))).toEqual([]);
});

test('a join link to a deleted room says there is no such room at once, and a new code takes the trainee in', async ({
  page,
}, testInfo) => {
  const problems = await watchPage(page);
  const gone = await createRoom(server.base, tutorial('gone'));
  const deleted = await json(api(), `/api/rooms/${gone.code}`, {
    method: 'DELETE',
    secret: gone.adminSecret,
  });
  expect(deleted.status).toBe(204);
  const next = await createRoom(server.base, tutorial('after-gone'));
  const words = `There is no room ${gone.code}: it was deleted or has expired, or the code is mistyped. Check the code with your facilitator, or ask them for the new room's code, and type it above.`;

  await page.goto(`${server.base}?room=${gone.code}`);
  await waitForRopeView(page);
  await expect(page.getByRole('alert')).toHaveText(words);
  await expect(page.getByLabel('Room code')).toHaveValue(gone.code);
  await expectNoAxeViolations(page, 'the join form of a deleted room');
  await shots(page, testInfo, 'join-deleted');

  await page.getByLabel(/Your name/).fill('Cy');
  await page.getByRole('button', { name: 'Join the room' }).click();
  await expect(page.getByRole('button', { name: 'Join the room' })).toBeEnabled();
  await expect(page.getByRole('alert')).toHaveText(words);
  await expect(page.getByLabel(/Your name/)).toHaveValue('Cy');

  await joinInstead(page, next.code, 'Cy');
  // the deleted room's answers (404) are the only errors
  expect(problems.filter((p) => !/status of 404/.test(p))).toEqual([]);
});

test('a join link whose code no room can have says what is wrong with it, as text', async ({
  page,
}) => {
  const problems = await watchPage(page);
  await page.goto(`${server.base}?room=${encodeURIComponent('<b>oops</b>')}`);
  await waitForRopeView(page);
  await expect(page.getByRole('alert')).toHaveText(
    /^A room code never has “<”, “B”, “>”, “O”, “S”, “\/”: codes leave out letters and digits/,
  );
  await expect(page.locator('form b')).toHaveCount(0);
  // nothing was asked of the server for a code no room has
  expect(problems).toEqual([]);
});
