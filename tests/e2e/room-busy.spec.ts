import { expect, test } from '@playwright/test';
import { attachScreenshot, watchPage } from './helpers/game.ts';
import { createRoom, type RoomServer, startRoomServer } from './helpers/room-server.ts';

// A class behind one office address that has used up the server's count for its network
// (docs/server.md, Rate limits): the game page still loads whole (its files are never
// counted), pressing Join says in a sentence what happened and how long to wait, keeping
// the name typed, and a trainee already in the room who reloads keeps their place, is told
// how long the server asks to wait, and is back in once the minute is over.

const NETWORK = 8;
const SEAT_KEY = 'tow.room.v1.';

/** The rest of the class, from the same address, uses up the network's count. */
async function useUpTheNetwork(code: string): Promise<boolean> {
  for (let i = 0; i <= NETWORK; i++) {
    const res = await fetch(`${server.base}api/rooms/${code}`);
    await res.arrayBuffer();
    if (res.status === 429) return true;
  }
  return false;
}

let server: RoomServer;
test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  server = await startRoomServer(undefined, { TOW_NETWORK_RATE_LIMIT: String(NETWORK) });
});
test.afterAll(async () => {
  await server?.stop();
});

test('a trainee in the room who reloads while the network is refused keeps their place and is back in after the wait', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const problems = await watchPage(page);
  const { code } = await createRoom(server.base, {
    scenario: { kind: 'bundled', id: 'tutorial' },
    seed: 'room-busy-reload',
    pacing: { mode: 'self' },
  });
  await page.goto(`${server.base}?room=${code}`);
  await page.getByLabel(/Your name/).fill('Dee');
  await page.getByRole('button', { name: 'Join the room' }).click();
  const bar = page.locator('.room-bar');
  await expect(bar).toContainText(`Live room ${code} · playing as Dee · connected`);
  expect(await useUpTheNetwork(code)).toBe(true);
  await page.reload();
  // the server's wait, said as it is: not a lost connection
  await expect(bar).toContainText(
    /too many requests: trying again in \d+ s \(your decisions are kept by the room\)/,
  );
  // the seat is kept: no join form, and the token still in the browser
  await expect(page.getByRole('heading', { name: 'Join a live room' })).toHaveCount(0);
  expect(await page.evaluate((key) => localStorage.getItem(key), SEAT_KEY + code)).not.toBeNull();
  // the network's minute ends, and the page's own retries get the trainee back in
  await expect(bar).toContainText('connected', { timeout: 90_000 });
  await expect(bar).toContainText('playing as Dee');
  expect(problems.filter((p) => !p.includes('429'))).toEqual([]);
});

test('a trainee whose network sent too many requests is told to wait, and keeps the name typed', async ({
  page,
}, testInfo) => {
  const problems = await watchPage(page);
  const { code } = await createRoom(server.base, {
    scenario: { kind: 'bundled', id: 'tutorial' },
    seed: 'room-busy',
    pacing: { mode: 'self' },
  });
  expect(await useUpTheNetwork(code)).toBe(true);

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${server.base}?room=${code}`);
  await expect(page.getByRole('heading', { name: 'Join a live room' })).toBeVisible();
  await page.getByLabel(/Your name/).fill('Cy');
  await page.getByRole('button', { name: 'Join the room' }).click();
  const problem = page.getByText(
    /^Too many requests from your network: try again in \d+ seconds?\.$/,
  );
  await expect(problem).toBeVisible();
  await expect(page.getByText(/rate_limited|"error"/)).toHaveCount(0);
  await expect(page.getByLabel(/Your name/)).toHaveValue('Cy');
  await attachScreenshot(page, testInfo, 'join-busy-1280x800');
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(problem).toBeInViewport();
  await attachScreenshot(page, testInfo, 'join-busy-360x740');
  // the browser logs the refused request itself; nothing else may go wrong
  expect(problems.filter((p) => !p.includes('429'))).toEqual([]);
});
