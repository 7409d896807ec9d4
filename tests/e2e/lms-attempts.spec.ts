import { copyFileSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { expect, type FrameLocator, type Page, test } from '@playwright/test';
import { traineeSeed } from '../../src/hr/binding.ts';
import { packageSession } from '../../src/lms/attach.ts';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { census, nextSituationId, situationById } from '../../src/sim/index.ts';
import { WELCOME_BACK } from '../../src/store/game-store.ts';
import { buildPackage, ROOT, unpack } from '../fixtures/scorm/package.ts';
import { serveStatic } from '../fixtures/scorm/static-server.ts';
import { tempDir } from '../helpers/temp.ts';

// A SCORM package of two attempts that keeps the best, opened again from the LMS once both
// are played: it says what is true (no attempt left; a further game is practice, never
// sent) and does not welcome the learner back to a game that is over.

let server: Server;
let base: string;
const scenario = loadBundledScenarios().find((b) => b.scenario.id === 'tutorial')!.scenario;
const seed = traineeSeed(packageSession('tutorial'), 'scorm', 'emp-0042');
const { best, worst } = census(scenario, seed);

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const { files } = buildPackage('tutorial', 40, ['--keep', 'best', '--attempts', '2']);
  const www = tempDir('lms-attempts');
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

/** Plays these choices through the buttons, each picked by its id as a reader would. */
async function playPath(game: FrameLocator, choices: readonly string[]): Promise<void> {
  let at: string | null = scenario.situations[0]!.id;
  for (const id of choices) {
    const situation = situationById(scenario, at!);
    const choice = game.locator(`button.choice[data-choice="${id}"]`);
    await choice.waitFor();
    await new Promise((r) => setTimeout(r, 550)); // a press at once is taken for a double click
    await choice.click();
    await game.getByRole('button', { name: /On to quarter|See the debrief/ }).click();
    at = nextSituationId(scenario, situation, situation.choices.find((c) => c.id === id)!);
  }
}

test('a relaunch after both attempts says no attempt is left and further games are not sent', async ({
  page,
}) => {
  await page.goto(`${base}/lms/index.html`);
  const game = page.frameLocator('#sco');
  await game.getByRole('button', { name: 'Start quarter 1' }).click();
  await playPath(game, worst.choices);
  await expect(game.getByRole('heading', { name: 'How your market went' })).toBeVisible();
  await expect.poll(() => cmi(page, 'core.lesson_status')).toBe('failed');
  await game.getByRole('button', { name: 'Start attempt 2 of 2' }).click();
  await playPath(game, best.choices);
  await expect.poll(() => cmi(page, 'core.lesson_status')).toBe('passed');
  const kept = await cmi(page, 'core.score.raw');

  await page.reload(); // the learner opens the package again from the LMS
  const notice = game.getByText(/Your learning system has your best result/);
  await expect(notice).toContainText(
    `Your learning system has your best result (passed, fair score ${kept}), and you have no attempts left: any further game is practice and is not sent to it.`,
  );
  await expect(game.getByText(WELCOME_BACK)).toHaveCount(0);
  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({
      path: test.info().outputPath(`scorm-relaunch-no-attempt-left-${width}x${height}.png`),
    });
  }
});
