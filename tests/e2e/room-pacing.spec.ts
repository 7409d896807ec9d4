import { readFileSync } from 'node:fs';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { loadScenario } from '../../src/scenario/load.ts';
import { playChoices, score } from '../../src/sim/index.ts';
import { attachScreenshot, clickListed, ROOT, screenState, watchPage } from './helpers/game.ts';
import { createRoom, roomServerForFile } from './helpers/room-server.ts';

// The two pacings other than gated, in the browser against the real room server: a
// self-paced room where two trainees play at their own speed to the end (one finishes and
// reads the debrief while the other is still at quarter 2), and a timed room whose quarters
// move on by the clock alone: nobody presses anything, the page opens the next quarter
// when the countdown runs out, and the facilitator's dashboard follows. The timer is the
// room's own setting, at its shortest (10 seconds); the server's clock is not touched.

const tutorial = loadScenario(readFileSync(`${ROOT}scenarios/tutorial.yaml`, 'utf8'), 'tutorial');
if (!tutorial.ok) throw new Error('tutorial does not load');
const scenario = tutorial.scenario;
const QUARTERS = scenario.quarters;

const server = roomServerForFile();

async function trainee(browser: Browser, code: string, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${server.base}?room=${code}`);
  await page.getByLabel(/Your name/).fill(name);
  await page.getByRole('button', { name: 'Join the room' }).click();
  return page;
}

/** decides the quarter on screen with the `index`-th reply the file lists, and moves on */
async function playQuarter(page: Page, index: number): Promise<string> {
  await expect(page.locator('button.choice').first()).toBeEnabled();
  const id = await clickListed(page, index);
  await page.getByRole('button', { name: /^(On to quarter \d+|See the debrief)$/ }).click();
  return id;
}

test('a self-paced room: two trainees play at their own pace to the end', async ({ browser }) => {
  test.setTimeout(180_000);
  const seed = 'self-paced';
  const { code } = await createRoom(server.base, {
    scenario: { kind: 'bundled', id: 'tutorial' },
    seed,
    pacing: { mode: 'self' },
    release: { debrief: true, bestPath: false, whatIf: false },
  });
  const ana = await trainee(browser, code, 'Ana');
  const bo = await trainee(browser, code, 'Bo');
  const problems = await watchPage(ana);
  // no waiting room: every quarter is open from the start
  await expect(ana.locator('button.choice').first()).toBeVisible();
  await expect(bo.locator('button.choice').first()).toBeVisible();

  const bos = [await playQuarter(bo, 1)];
  const anas: string[] = [];
  for (let q = 1; q <= QUARTERS; q++) {
    anas.push(await playQuarter(ana, 0));
    // Ana goes straight on: no "waiting for quarter" screen in a self-paced room
    if (q < QUARTERS) await expect.poll(async () => (await screenState(ana)).quarter).toBe(q);
  }
  // Ana is done and reads her debrief (released from the start) while Bo is at quarter 2
  await expect(ana.getByRole('heading', { name: 'How your market went' })).toBeVisible();
  await expect(ana.locator('.score-value')).toHaveText(
    String(score(scenario.rubric, playChoices(scenario, seed, anas))),
  );
  expect(await screenState(bo)).toMatchObject({ screen: 'play', quarter: 1 });
  for (let q = 2; q <= QUARTERS; q++) bos.push(await playQuarter(bo, q % 2));
  await expect(bo.getByRole('heading', { name: 'How your market went' })).toBeVisible();
  await expect(bo.locator('.score-value')).toHaveText(
    String(score(scenario.rubric, playChoices(scenario, seed, bos))),
  );
  expect(problems).toEqual([]);
});

test('a timed room: the quarters move on by the clock, for the trainee and the facilitator', async ({
  browser,
  page: fac,
}, testInfo) => {
  test.setTimeout(180_000);
  const SECONDS = 10;
  const { code, adminSecret } = await createRoom(server.base, {
    scenario: { kind: 'bundled', id: 'tutorial' },
    seed: 'timed-e2e',
    pacing: { mode: 'timer', seconds: SECONDS },
  });
  const problems = await watchPage(fac);
  await fac.goto(`${server.base}workshop.html#live=${code}.${adminSecret}`);
  await expect(
    fac.getByText(`Each quarter opens ${SECONDS} seconds after the one before.`),
  ).toBeVisible();
  const tim = await trainee(browser, code, 'Tim');
  const una = await trainee(browser, code, 'Una');
  await expect(
    tim.getByText('The room starts when your facilitator starts the clock.'),
  ).toBeVisible();

  await fac.getByRole('button', { name: 'Start the clock' }).click();
  const pace = fac.getByText(/^Quarter \d of \d is open; quarter \d opens in \d+ s\.$/);
  await expect(pace).toHaveText(
    new RegExp(`^Quarter 1 of ${QUARTERS} is open; quarter 2 opens in`),
  );
  // Tim decides at once and waits, with the time left on his screen
  await playQuarter(tim, 0);
  await expect(tim.getByRole('heading', { name: 'Waiting for quarter 2' })).toBeVisible();
  await expect(tim.locator('.countdown')).toHaveText(/^0:(0\d|10)$/);
  await attachScreenshot(tim, testInfo, 'trainee-timed-wait');

  // the clock, not a message, opens quarter 2: on Tim's page and on the dashboard
  await expect(tim.locator('button.choice').first()).toBeVisible({ timeout: 20_000 });
  expect(await screenState(tim)).toMatchObject({ screen: 'play', quarter: 1 });
  await expect(pace).toHaveText(
    new RegExp(`^Quarter 2 of ${QUARTERS} is open; quarter 3 opens in`),
  );
  // Una let quarter 1 run out: it stays hers to decide, then she is straight on quarter 2
  await playQuarter(una, 1);
  await expect(una.locator('button.choice').first()).toBeVisible();
  expect(await screenState(una)).toMatchObject({ screen: 'play', quarter: 1 });
  await expect(fac.locator('tr[data-player="Una"] td').nth(3)).toHaveText(`1 of ${QUARTERS}`);
  expect(problems).toEqual([]);
});
