import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { loadScenario } from '../../src/scenario/load.ts';
import { join, json, Live } from '../helpers/room-client.ts';
import { attachScreenshot, expectNoAxeViolations, ROOT, watchPage } from './helpers/game.ts';
import { createRoom, roomServerForFile } from './helpers/room-server.ts';

// The projector's slides against the real room server: they are drawn from the dashboard's
// live state, so a decision arriving while a quarter's slide is up changes its split, and a
// trainee finishing while the leaderboard is up adds their bar; the keyboard stays inside
// the slides (Tab cycles through their buttons) until Escape, which gives the focus back to
// the button that opened them. The trainees here are sockets, as their pages are to the
// server: the facilitator's page cannot tell the difference.

const SEED = 'slides-e2e';
const tutorial = loadScenario(readFileSync(`${ROOT}scenarios/tutorial.yaml`, 'utf8'), 'tutorial');
if (!tutorial.ok) throw new Error('tutorial does not load');
const scenario = tutorial.scenario;

const server = roomServerForFile();

/** A trainee as a socket: joins, says hello, and decides by the position of a reply. */
async function socketTrainee(code: string, name: string) {
  const api = server.base.replace(/\/$/, '');
  const seat = await join(api, code, name);
  const live = await Live.open(`${api.replace('http', 'ws')}/api/rooms/${code}/live`);
  const welcome = await live.ask({ type: 'hello', role: 'player', token: seat.token }, 'welcome');
  if (welcome.type !== 'welcome' || welcome.role !== 'player') throw new Error('not welcomed');
  let waiting = welcome.game.situationId;
  let quarter = 1;
  return {
    live,
    /** decides the waiting situation with the reply listed `n`-th in the file; its id */
    async decide(n: number): Promise<string> {
      const situation = scenario.situations.find((s) => s.id === waiting)!;
      const choiceId = situation.choices[n]!.id;
      const answer = await live.ask(
        { type: 'decide', quarter, situationId: situation.id, choiceId },
        'accepted',
      );
      if (answer.type !== 'accepted') throw new Error(`refused: ${JSON.stringify(answer)}`);
      waiting = answer.game.situationId;
      quarter++;
      return choiceId;
    },
  };
}

async function openQuarter(code: string, secret: string, quarter: number) {
  const res = await json(server.base.replace(/\/$/, ''), `/api/rooms/${code}/commands`, {
    body: { type: 'open-quarter', quarter },
    secret,
  });
  expect(res.status).toBe(200);
}

/** what a reply's bar on the slide says: "n (p%)" */
const countOn = (page: Page, choice: string) =>
  page.getByRole('dialog').locator(`g[data-choice="${choice}"] .count`);

test('the slides follow the room live, keep the keyboard inside, and give it back on Escape', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const problems = await watchPage(page);
  const { code, adminSecret } = await createRoom(server.base, {
    scenario: { kind: 'bundled', id: 'tutorial' },
    seed: SEED,
    pacing: { mode: 'gated' },
  });
  await openQuarter(code, adminSecret, 1);
  const ana = await socketTrainee(code, 'Ana');
  const bo = await socketTrainee(code, 'Bo');
  const first = await ana.decide(0);

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${server.base}workshop.html#live=${code}.${adminSecret}`);
  await expect(page.locator('.roster tbody tr')).toHaveCount(2);
  await expect(page.locator('.live-split .decision')).toHaveCount(1);

  // opened by keyboard, as a facilitator at a lectern would
  const opener = page.getByRole('button', { name: 'Show the slides' });
  await opener.focus();
  await page.keyboard.press('Enter');
  const slides = page.getByRole('dialog', { name: `Room ${code}: slides` });
  await expect(slides.getByText(`Quarter 1 of ${scenario.quarters} · 1 decided`)).toBeVisible();
  await expect(countOn(page, first)).toHaveText('1 (100%)');
  // the axes say what they measure
  await expect(slides.getByText('who chose it')).toBeVisible();
  await expect(slides.getByText('this quarter only (points)')).toBeVisible();
  // nobody has finished: where each reply's takers ended is not known yet, and says so
  await expect(slides.locator(`g[data-choice="${first}"] .ended`)).toHaveText('still playing');

  // a decision arrives while the slide is up: the same slide redraws with the new split
  const second = await bo.decide(1);
  expect(second).not.toBe(first);
  await expect(slides.getByText(`Quarter 1 of ${scenario.quarters} · 2 decided`)).toBeVisible();
  await expect(countOn(page, first)).toHaveText('1 (50%)');
  await expect(countOn(page, second)).toHaveText('1 (50%)');
  await expect(slides.getByText('Slide 1 of')).toBeVisible();
  await attachScreenshot(page, testInfo, 'slide-quarter-1280', '.slides');
  await expectNoAxeViolations(page, 'a quarter slide');

  // Tab and Shift+Tab stay inside the slides, whichever way and however often
  const focusInSlides = () =>
    page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null);
  const seen = new Set<string>();
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    expect(await focusInSlides(), `after ${i + 1} Tab`).toBe(true);
    seen.add(
      await page.evaluate(
        () =>
          document.activeElement?.getAttribute('aria-label') ??
          document.activeElement?.textContent ??
          '',
      ),
    );
  }
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Shift+Tab');
    expect(await focusInSlides(), `after ${i + 1} Shift+Tab`).toBe(true);
  }
  // it cycled through the slide and every enabled button (Previous is off on the first)
  expect([...seen].sort()).toEqual(
    ['The slide', 'Hide names', 'Leave the slides (Esc)', 'Next →'].sort(),
  );

  // the leaderboard fills as trainees finish, while it is on the screen
  for (let q = 2; q <= scenario.quarters; q++) await openQuarter(code, adminSecret, q);
  for (let i = 0; i < scenario.quarters; i++) await page.keyboard.press('ArrowRight');
  await expect(slides.getByRole('heading', { name: 'Leaderboard' })).toBeVisible();
  await expect(slides.getByText('Nobody has finished yet.')).toBeVisible();
  for (let q = 2; q <= scenario.quarters; q++) await ana.decide(0);
  await expect(slides.getByText('Top 1 of 1 finished')).toBeVisible();
  await expect(slides.locator('.board-row')).toHaveCount(1);
  await expect(slides.locator('.board-row .name')).toHaveText('Ana');
  // ranked by what the room is graded on: the fair score (the tutorial grades by percentile),
  // with the rubric's score beside it and the verdict against the pass mark
  await expect(
    slides.getByText(/^Fair score \(0–100\) · dashed: the pass mark, \d+$/),
  ).toBeVisible();
  await expect(slides.locator('.board-row .figures')).toHaveText(
    /^fair score \d+ · score \d+ · (passed|not passed)$/,
  );
  for (let q = 2; q <= scenario.quarters; q++) await bo.decide(1);
  await expect(slides.locator('.board-row')).toHaveCount(2);
  const fair = (await slides.locator('.board-row .figures').allTextContents()).map((t) =>
    Number(/fair score (\d+)/.exec(t)?.[1]),
  );
  expect(fair).toEqual([...fair].sort((a, b) => b - a));
  await slides.getByRole('button', { name: 'Hide names' }).click();
  await expect(slides.locator('.board-row .name')).toHaveText(['Player 1', 'Player 2']);
  await attachScreenshot(page, testInfo, 'slide-board-1280', '.slides');
  await page.keyboard.press('ArrowRight');
  await expect(slides.getByRole('heading', { name: 'Style against outcome' })).toBeVisible();
  await expect(slides.getByText('Fair score (0–100)')).toBeVisible();
  await expect(slides.locator('.scatter circle')).toHaveCount(2);
  await attachScreenshot(page, testInfo, 'slide-style-1280', '.slides');
  await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < scenario.quarters; i++) await page.keyboard.press('ArrowLeft');
  // both have finished: quarter 1's slide says where the takers of each reply ended
  await expect(slides.locator(`g[data-choice="${first}"] .ended`)).toHaveText(/^\d+$/);
  await expect(slides.locator(`g[data-choice="${second}"] .ended`)).toHaveText(/^\d+$/);
  await attachScreenshot(page, testInfo, 'slide-quarter-ended-1280', '.slides');
  await page.setViewportSize({ width: 360, height: 740 });
  await attachScreenshot(page, testInfo, 'slide-quarter-360', '.slides');

  // Escape leaves, and the focus is back on the button that opened the slides
  await page.keyboard.press('Escape');
  await expect(slides).toHaveCount(0);
  await expect(opener).toBeFocused();
  ana.live.close();
  bo.live.close();
  expect(problems).toEqual([]);
});

test('a quarter slide fits the projector: the coach notes end above the buttons', async ({
  page,
}, testInfo) => {
  const { code, adminSecret } = await createRoom(server.base, {
    scenario: { kind: 'bundled', id: 'tutorial' },
    seed: SEED,
    pacing: { mode: 'gated' },
  });
  await openQuarter(code, adminSecret, 1);
  const ana = await socketTrainee(code, 'Ana');
  const bo = await socketTrainee(code, 'Bo');
  await ana.decide(0);
  await bo.decide(2);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${server.base}workshop.html#live=${code}.${adminSecret}`);
  await expect(page.locator('.live-split .decision')).toHaveCount(1);
  await page.getByRole('button', { name: 'Show the slides' }).click();
  const slides = page.getByRole('dialog', { name: `Room ${code}: slides` });
  await expect(slides.getByText('2 decided')).toBeVisible();
  for (const [width, height] of [
    [1280, 800],
    [1024, 768],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(200);
    const fit = await page.evaluate(() => {
      const stage = document.querySelector('.slide-stage')!;
      const notes = document.querySelector('.slide-coach')!.getBoundingClientRect();
      const bar = document.querySelector('.slide-controls')!.getBoundingClientRect();
      const chart = document.querySelector('.slide-chart')!.getBoundingClientRect();
      return {
        hiddenBelow: stage.scrollHeight - stage.clientHeight,
        notesBottom: notes.bottom,
        barTop: bar.top,
        chartHeight: chart.height,
      };
    });
    await attachScreenshot(page, testInfo, `slide-fit-${width}`, '.slides');
    // nothing to scroll to, and the last line of the notes above the button bar
    expect(fit.hiddenBelow, `${width}x${height}`).toBeLessThanOrEqual(0);
    expect(fit.notesBottom, `${width}x${height}`).toBeLessThanOrEqual(fit.barTop);
    // the chart keeps a size the back of the room can read
    expect(fit.chartHeight, `${width}x${height}`).toBeGreaterThan(250);
  }
  ana.live.close();
  bo.live.close();
});

test('the roster says what is known of each result and what is not yet, on a laptop and a phone', async ({
  page,
}, testInfo) => {
  const problems = await watchPage(page);
  const { code, adminSecret } = await createRoom(server.base, {
    scenario: { kind: 'bundled', id: 'tutorial' },
    seed: SEED,
    pacing: { mode: 'self' },
  });
  const ana = await socketTrainee(code, 'Ana');
  const bo = await socketTrainee(code, 'Bo');
  for (let q = 1; q <= scenario.quarters; q++) await ana.decide(0);
  await bo.decide(1);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${server.base}workshop.html#live=${code}.${adminSecret}`);
  const row = (name: string) => page.locator(`tr[data-player="${name}"] td`);
  // before the release nothing of the results shows, and the line under the table says when
  await expect(row('Ana').nth(4)).toHaveText('–');
  await expect(page.locator('.roster-hint')).toHaveText(
    'Score, fair score and pass or fail show here once you release the debrief.',
  );
  await json(server.base.replace(/\/$/, ''), `/api/rooms/${code}/commands`, {
    body: { type: 'release', release: { debrief: true } },
    secret: adminSecret,
  });
  // Ana finished: her score, fair score and verdict; releasing the debrief ended Bo's play:
  // no score, and why
  await expect(row('Ana').nth(5)).toHaveText(/^\d+$/, { timeout: 60_000 });
  await expect(row('Ana').nth(6)).toHaveText(/^(✓ passed|✗ not passed)$/);
  await expect(row('Bo').nth(4)).toHaveText('no score');
  for (const n of [5, 6]) await expect(row('Bo').nth(n)).toHaveText('–');
  await expect(page.locator('.roster-hint')).toContainText(/Of 1 who finished, [01] passed\./);
  await expect(page.locator('.roster-hint')).toContainText(
    '1 did not finish before play ended: that game has no figures, and the leaderboard leaves it out.',
  );
  const roster = '.live-room .card:has(.roster)';
  await attachScreenshot(page, testInfo, 'roster-mixed-1280', roster);
  await page.setViewportSize({ width: 360, height: 740 });
  await attachScreenshot(page, testInfo, 'roster-mixed-360', roster);
  await expectNoAxeViolations(page, 'the roster on a phone');
  ana.live.close();
  bo.live.close();
  expect(problems).toEqual([]);
});
