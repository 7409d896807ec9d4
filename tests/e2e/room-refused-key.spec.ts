import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, shootAtBothSizes, watchPage } from './helpers/game.ts';
import { createRoom, roomServerForFile } from './helpers/room-server.ts';

// A facilitator opens an admin link whose key is wrong (cut short when copied, or another
// room's): the page says so in plain words and what to do, shows nothing of the room,
// stops trying (one socket, not a reconnect loop), and the right key this browser kept
// stays kept.

const server = roomServerForFile();

test('an admin link with a wrong key is refused on the page, once, and leaks nothing of the room', async ({
  page,
  context,
}) => {
  const problems = await watchPage(page);
  const { code, adminSecret } = await createRoom(server.base, {
    scenario: { kind: 'bundled', id: 'tutorial' },
    seed: 'refused-key',
    pacing: { mode: 'self' },
  });
  const joined = await fetch(`${server.base}api/rooms/${code}/players`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Zelda' }),
  });
  expect(joined.status).toBe(201);

  // the right link first: this browser keeps the room's key
  await page.goto(`${server.base}workshop.html#live=${code}.${adminSecret}`);
  await expect(page.getByText('Live: the dashboard follows the room')).toBeVisible();
  await expect(page.getByText('Zelda').first()).toBeVisible();

  // then a link whose key is wrong, in a fresh tab of the same browser
  const wrong = await context.newPage();
  const sockets: string[] = [];
  wrong.on('websocket', (ws) => sockets.push(ws.url()));
  await wrong.goto(`${server.base}workshop.html#live=${code}.${adminSecret.slice(0, -3)}xyz`);
  const refused = wrong
    .getByRole('alert')
    .filter({ hasText: `This link does not open room ${code}` });
  await expect(refused).toBeVisible();
  await expect(refused).toContainText("The key in the link is not this room's");
  await wrong.waitForTimeout(4000); // a reconnecting page would have tried again by now
  expect(sockets).toHaveLength(1);
  await expect(wrong.getByText('Zelda')).toHaveCount(0);
  await expect(wrong.getByText('Connecting…')).toHaveCount(0);
  await expect(wrong.getByLabel('Your key to the room')).toHaveCount(0);
  await expectNoAxeViolations(wrong, 'the refused room');
  await shootAtBothSizes(wrong, 'refused-key');

  // the key this browser kept is still the right one
  const kept = await wrong.evaluate(() => localStorage.getItem('tow.room.admin.v1'));
  expect(kept).toContain(adminSecret);
  await wrong.close();
  expect(problems).toEqual([]);
});
