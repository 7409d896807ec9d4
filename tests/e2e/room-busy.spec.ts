import { expect, test } from '@playwright/test';
import { attachScreenshot, watchPage } from './helpers/game.ts';
import { createRoom, type RoomServer, startRoomServer } from './helpers/room-server.ts';

// A class behind one office address that has used up the server's count for its network
// (docs/server.md, Rate limits): the game page still loads whole (its files are never
// counted), and pressing Join says in a sentence what happened and how long to wait,
// keeping the name typed, rather than failing or showing the server's raw answer.

const NETWORK = 6;
let server: RoomServer;
test.beforeAll(async () => {
  server = await startRoomServer(undefined, { TOW_NETWORK_RATE_LIMIT: String(NETWORK) });
});
test.afterAll(async () => {
  await server?.stop();
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
  // the rest of the class, from the same address, uses up the network's count
  let refused = false;
  for (let i = 0; i < NETWORK + 1 && !refused; i++) {
    const res = await fetch(`${server.base}api/rooms/${code}`);
    await res.arrayBuffer();
    refused = res.status === 429;
  }
  expect(refused).toBe(true);

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
