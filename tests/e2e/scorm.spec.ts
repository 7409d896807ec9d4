import { copyFileSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { expect, type FrameLocator, type Page, test } from '@playwright/test';
import { traineeSeed } from '../../src/hr/binding.ts';
import { packageSession } from '../../src/lms/attach.ts';
import { NOT_SENT_NOTICE } from '../../src/lms/notices.ts';
import { NO_SCORM_LMS, NOT_STARTED_NOTICE } from '../../src/lms/start.ts';
import { decodeSuspend } from '../../src/lms/suspend.ts';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { census, nextSituationId, situationById } from '../../src/sim/index.ts';
import { buildPackage, ROOT, unpack } from '../fixtures/scorm/package.ts';
import { serveStatic } from '../fixtures/scorm/static-server.ts';
import { tempDir } from '../helpers/temp.ts';
import { shootAtBothSizes } from './helpers/game.ts';

// The SCORM package as an LMS runs it: unzipped into a subfolder of a plain static server,
// launched in a frame whose parent page carries scorm-again's SCORM 1.2 API.

let server: Server;
let base: string;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const { files } = buildPackage('tutorial', 40);
  const www = tempDir('lms');
  const lms = join(www, 'lms');
  mkdirSync(lms, { recursive: true });
  unpack(files, join(lms, 'course'));
  copyFileSync(join(ROOT, 'node_modules/scorm-again/dist/scorm12.js'), join(lms, 'scorm12.js'));
  copyFileSync(join(ROOT, 'tests/fixtures/scorm/lms.js'), join(lms, 'lms.js'));
  copyFileSync(join(ROOT, 'tests/fixtures/scorm/lms.html'), join(lms, 'index.html'));
  ({ server, url: base } = await serveStatic(www));
});

test.afterAll(() => new Promise<void>((done) => server.close(() => done())));

const cmi = (page: Page, path: string) =>
  page.evaluate((p) => {
    const api = (window as unknown as { API: { cmi: Record<string, unknown> } }).API;
    return p.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], api.cmi);
  }, path) as Promise<string>;

/** The page at the two sizes a reviewer looks at: a laptop's and a phone's. */
async function shoot(page: Page, name: string): Promise<void> {
  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}x${height}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

/** Plays `quarters` decisions with the first option, through the buttons. */
async function play(game: FrameLocator, quarters: number): Promise<void> {
  for (let q = 0; q < quarters; q++) {
    await game.getByRole('group', { name: 'Your call' }).getByRole('button').first().click();
    await game.getByRole('button', { name: /On to quarter|See the debrief/ }).click();
  }
}

test('the package plays in an LMS frame, from a subfolder, and reports score and status', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/lms/index.html`);
  const game = page.frameLocator('#sco');
  await game.getByRole('button', { name: 'Start quarter 1' }).click();
  await play(game, 1);
  expect(await cmi(page, 'core.lesson_status')).toBe('incomplete');
  expect(
    await page.evaluate(
      () => (window as unknown as { lmsLog: { commits: number } }).lmsLog.commits,
    ),
  ).toBeGreaterThan(0);
  await play(game, 3);
  await expect(game.getByRole('heading', { name: 'How your market went' })).toBeVisible();
  const raw = Number(await cmi(page, 'core.score.raw'));
  expect(raw).toBeGreaterThanOrEqual(0);
  expect(raw).toBeLessThanOrEqual(100);
  expect(await cmi(page, 'core.lesson_status')).toBe(raw >= 40 ? 'passed' : 'failed');
  await page.screenshot({ path: test.info().outputPath('scorm-debrief.png'), fullPage: true });
  await page.goto('about:blank'); // pagehide: the session is finished
  expect(errors).toEqual([]);
});

test('a reload in the middle resumes from suspend_data, even on a device that kept nothing', async ({
  page,
}) => {
  await page.goto(`${base}/lms/index.html`);
  const game = page.frameLocator('#sco');
  await game.getByRole('button', { name: 'Start quarter 1' }).click();
  await play(game, 3);
  const suspend = await cmi(page, 'suspend_data');
  expect(suspend.length).toBeGreaterThan(0);
  expect(suspend.length).toBeLessThanOrEqual(4096);
  // the game's own save is gone (another device): only the LMS remembers
  await page.frames()[1]!.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(game.getByText('Quarter 4 of 4')).toBeVisible();
  await play(game, 1);
  await expect(game.getByRole('heading', { name: 'How your market went' })).toBeVisible();
  expect(['passed', 'failed']).toContain(await cmi(page, 'core.lesson_status'));
});

/** Plays these choices through the buttons, each by its place among the options. */
async function playPath(game: FrameLocator, choices: readonly string[]): Promise<void> {
  const scenario = loadBundledScenarios().find((b) => b.scenario.id === 'tutorial')!.scenario;
  let at: string | null = scenario.situations[0]!.id;
  for (const id of choices) {
    const situation = situationById(scenario, at!);
    const index = situation.choices.findIndex((c) => c.id === id);
    // replies are shown in an order shuffled per market: pick this one by its id, as a
    // player who has read the situation (a press at once is taken for a double click)
    await game.locator(`button.choice[data-choice="${id}"]`).waitFor();
    await new Promise((r) => setTimeout(r, 550));
    await game.locator(`button.choice[data-choice="${id}"]`).click();
    await game.getByRole('button', { name: /On to quarter|See the debrief/ }).click();
    at = nextSituationId(scenario, situation, situation.choices[index]!);
  }
}

test('a relaunch after a failed game keeps the first result, however well the replay goes', async ({
  page,
}) => {
  const scenario = loadBundledScenarios().find((b) => b.scenario.id === 'tutorial')!.scenario;
  const seed = traineeSeed(packageSession('tutorial'), 'scorm', 'emp-0042');
  const { best, worst } = census(scenario, seed);
  await page.goto(`${base}/lms/index.html`);
  const game = page.frameLocator('#sco');
  await game.getByRole('button', { name: 'Start quarter 1' }).click();
  await playPath(game, worst.choices);
  await expect(game.getByRole('heading', { name: 'How your market went' })).toBeVisible();
  expect(await cmi(page, 'core.lesson_status')).toBe('failed');
  const failedWith = await cmi(page, 'core.score.raw');
  // the package's one attempt is used: no "yet", since no try that counts is left
  await expect(game.locator('.verdict')).toHaveText(
    `✗ Not passed: your fair score is ${failedWith}, and the pass mark is 40.`,
    { timeout: 60_000 },
  );

  await page.reload(); // the learner opens the package again from the LMS
  // in the debrief's words: the learning system holds the fair score
  await expect(
    game.getByText(`already has your result (not passed, fair score ${failedWith})`),
  ).toBeVisible();
  await shootAtBothSizes(page, 'scorm-relaunch');
  // the package's one attempt is used: the debrief offers the market again only as
  // practice, and says it is not graded
  await game.getByRole('button', { name: 'Play this market again (practice, not graded)' }).click();
  await playPath(game, best.choices);
  await expect(game.getByRole('heading', { name: 'How your market went' })).toBeVisible();
  // practice: said as feedback, against the package's own pass mark (40, not the scenario's)
  await expect(game.locator('.verdict')).toHaveText(
    /^✓ Fair score \d+ of 100: at or above the 40 a graded game needs\.$/,
    { timeout: 60_000 },
  );
  expect(await cmi(page, 'core.lesson_status')).toBe('failed');
  expect(await cmi(page, 'core.score.raw')).toBe(failedWith);
});

test('the package registers no service worker in the LMS', async ({ page }) => {
  await page.goto(`${base}/lms/index.html`);
  const game = page.frameLocator('#sco');
  await game.getByRole('button', { name: 'Start quarter 1' }).click();
  await play(game, 1);
  await page.waitForTimeout(1500); // the game registers its worker after the first screen
  const frame = page.frames().find((f) => f.url().includes('/course/'))!;
  expect(await frame.evaluate(() => navigator.serviceWorker.getRegistrations())).toHaveLength(0);
});

test('an LMS that will not start the session is named to the learner', async ({ page }) => {
  await page.goto(`${base}/lms/index.html?broken=init`);
  const game = page.frameLocator('#sco');
  await expect(game.getByText(/learning system did not start this session/)).toBeVisible();
  await shootAtBothSizes(page, 'scorm-init-failed');
});

for (const broken of ['commit', 'throw']) {
  test(`an LMS whose ${broken === 'commit' ? 'commits fail' : 'calls throw'} leaves the game playable`, async ({
    page,
  }) => {
    await page.goto(`${base}/lms/index.html?broken=${broken}`);
    const game = page.frameLocator('#sco');
    await game.getByRole('button', { name: 'Start quarter 1' }).click();
    await play(game, 4);
    await expect(game.getByRole('heading', { name: 'How your market went' })).toBeVisible();
    await expect(game.getByText(/did not accept the last report/)).toBeVisible();
  });
}

test('the package opened on its own, with no LMS around it, tells the learner nothing is reported', async ({
  page,
}) => {
  // a game played in the LMS first, so that the title lists it under the recent results
  await page.goto(`${base}/lms/index.html`);
  const game = page.frameLocator('#sco');
  await game.getByRole('button', { name: 'Start quarter 1' }).click();
  await play(game, 4);
  await expect(game.getByRole('heading', { name: 'How your market went' })).toBeVisible();
  const seed = traineeSeed(packageSession('tutorial'), 'scorm', 'emp-0042');

  await page.goto(`${base}/lms/course/index.html`);
  await expect(page.getByText(NOT_STARTED_NOTICE(NO_SCORM_LMS))).toBeVisible();
  // the market's number as every other screen shows it, not the whole seed
  const recent = page.getByRole('region', { name: 'Your recent results' });
  await expect(recent).toContainText(`market #…${seed.slice(-4)}`);
  await expect(recent).not.toContainText(seed);
  await shoot(page, 'scorm-no-lms');
});

test('the course frame reloaded alone: the result played on is named as not sent, and the next launch sends it with the latest progress', async ({
  page,
}) => {
  const shelf = new Map(loadBundledScenarios().map((b) => [b.scenario.id, b]));
  await page.goto(`${base}/lms/index.html`);
  const game = page.frameLocator('#sco');
  await game.getByRole('button', { name: 'Start quarter 1' }).click();
  await play(game, 2);
  // the learner reloads only the course frame: its pagehide finished the LMS session
  await page.frames()[1]!.evaluate(() => location.reload());
  await expect(game.getByText(/learning system did not start this session/)).toBeVisible();
  await game.getByRole('button', { name: /^Resume / }).click();
  await play(game, 2);
  await expect(game.getByRole('heading', { name: 'How your market went' })).toBeVisible();
  await expect(game.getByText(NOT_SENT_NOTICE)).toBeVisible();
  expect(await cmi(page, 'core.lesson_status')).toBe('incomplete');
  await shoot(page, 'scorm-frame-reload-end');

  await page.reload(); // the next launch from the LMS, on this device
  await expect(game.getByRole('heading', { name: 'How your market went' })).toBeVisible();
  await expect.poll(() => cmi(page, 'core.lesson_status')).toMatch(/^(passed|failed)$/);
  const kept = decodeSuspend(await cmi(page, 'suspend_data'), shelf);
  expect(kept.ok && kept.progress.choices.length).toBe(4);
  await expect(game.getByText(NOT_SENT_NOTICE)).toHaveCount(0);
  await shoot(page, 'scorm-frame-reload-relaunch');
});
