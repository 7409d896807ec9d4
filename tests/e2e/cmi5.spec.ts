import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { traineeSeed } from '../../src/hr/binding.ts';
import { fairScoreOf } from '../../src/hr/fair.ts';
import { packageSession } from '../../src/lms/attach.ts';
import { PROGRESS_STATE } from '../../src/lms/cmi5/outbox.ts';
import { LAUNCH_ENDED } from '../../src/lms/cmi5/session.ts';
import { NOT_SENT_NOTICE } from '../../src/lms/notices.ts';
import { decodeSuspend } from '../../src/lms/suspend.ts';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { census, initialState, nextSituationId, situationById, step } from '../../src/sim/index.ts';
import { TestLrs } from '../fixtures/cmi5/lrs.ts';
import { buildPackage, unpack } from '../fixtures/scorm/package.ts';
import { tempDir } from '../helpers/temp.ts';
import { shootAtBothSizes } from './helpers/game.ts';

// The cmi5 package as an LMS runs it: built with the real command, unzipped under the test
// LMS's site, launched in Chromium with real launch parameters; the test LMS/LRS
// (tests/fixtures/cmi5/lrs.ts) hands out the token, serves LMS.LaunchData and takes the
// statements only when they keep cmi5's rules.

const PASS = 40;
const scenario = loadBundledScenarios().find((b) => b.scenario.id === 'tutorial')!.scenario;
const seed = traineeSeed(packageSession('tutorial'), 'scorm', 'emp-0042');
const { best, worst } = census(scenario, seed);
let lrs: TestLrs;
let files: Record<string, Uint8Array>;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  ({ files } = buildPackage('tutorial', PASS, ['--format', 'cmi5']));
  const www = tempDir('cmi5-lms');
  mkdirSync(join(www, 'course'), { recursive: true });
  unpack(files, join(www, 'course'));
  writeFileSync(
    join(www, 'home.html'),
    '<!doctype html><title>Course home</title><h1>Your course</h1>',
  );
  lrs = await new TestLrs(www).start();
});

test.afterAll(() => lrs.stop());

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

/** Plays `path` from its `from`th choice through the buttons, each picked by its id as a reader would. */
async function playPath(page: Page, path: readonly string[], from = 0): Promise<void> {
  let at: string | null = scenario.situations[0]!.id;
  for (const [i, id] of path.entries()) {
    const situation = situationById(scenario, at!);
    const next = () =>
      nextSituationId(scenario, situation, situation.choices.find((c) => c.id === id)!);
    if (i < from) {
      at = next();
      continue;
    }
    const choice = page.locator(`button.choice[data-choice="${id}"]`);
    await choice.waitFor();
    await page.waitForTimeout(550); // a press at once is taken for a double click
    await choice.click();
    await page.getByRole('button', { name: /On to quarter|See the debrief/ }).click();
    at = next();
  }
}

const gradeOf = (choices: readonly string[]) => {
  let state = initialState(scenario, seed);
  for (const c of choices) state = step(scenario, state, c);
  return fairScoreOf(scenario, state, PASS);
};

test('the zip holds cmi5.xml with the AU, its pass mark as masteryScore, and the game', () => {
  const xml = new TextDecoder().decode(files['cmi5.xml']);
  expect(xml).toContain('moveOn="CompletedAndPassed"');
  expect(xml).toContain(`masteryScore="${PASS / 100}"`);
  expect(xml).toContain('<url>index.html</url>');
  expect(files['index.html']).toBeDefined();
  expect(files['imsmanifest.xml']).toBeUndefined();
});

test('launched by the LMS and played to the end: initialized, completed, passed with the fair score, terminated', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const l = lrs.launch({ masteryScore: PASS / 100 });
  await page.goto(l.url);
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
  await expect.poll(() => lrs.verbs(l.session)).toEqual(['initialized']);
  await shootAtBothSizes(page, 'cmi5-launched');
  await playPath(page, best.choices);
  // the LMS's one attempt is graded: the debrief offers only practice, marked as such
  await expect(
    page.getByRole('button', { name: 'Play this market again (practice, not graded)' }),
  ).toBeVisible();
  await expect.poll(() => lrs.verbs(l.session)).toEqual(['initialized', 'completed', 'passed']);
  await shootAtBothSizes(page, 'cmi5-debrief');
  await page.goto('about:blank'); // the learner closes the course: pagehide terminates it
  await expect
    .poll(() => lrs.verbs(l.session))
    .toEqual(['initialized', 'completed', 'passed', 'terminated']);
  const passed = lrs.received.find((r) => r.session === l.session && r.verb === 'passed')!;
  const grade = gradeOf(best.choices);
  expect(passed.statement.result).toMatchObject({
    score: { scaled: grade.grade / 100 },
    success: true,
  });
  expect(lrs.rejected).toEqual([]);
  expect(errors).toEqual([]);
});

test('a relaunch resumes from the State API on a device that kept nothing, and a failed game is reported', async ({
  page,
}) => {
  const first = lrs.launch({ masteryScore: PASS / 100 });
  await page.goto(first.url);
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
  await playPath(page, worst.choices.slice(0, 2));
  await expect
    .poll(
      () =>
        (lrs.state(first.registration, PROGRESS_STATE) as { progress?: string } | undefined)
          ?.progress ?? '',
    )
    .toMatch(/"c":"\w\w"/);
  await page.evaluate(() => localStorage.clear()); // another device: only the LMS remembers
  const second = lrs.launch({ registration: first.registration, masteryScore: PASS / 100 });
  await page.goto(second.url);
  await expect(page.getByText('Quarter 3 of 4')).toBeVisible();
  expect(lrs.verbs(first.session)).toEqual(['initialized', 'terminated']);
  await shootAtBothSizes(page, 'cmi5-resumed');
  await playPath(page, worst.choices, 2);
  // the LMS's one attempt is graded: the debrief offers only practice, marked as such
  await expect(
    page.getByRole('button', { name: 'Play this market again (practice, not graded)' }),
  ).toBeVisible();
  await expect
    .poll(() => lrs.verbs(second.session))
    .toEqual(['initialized', 'completed', 'failed']);
  const failed = lrs.received.find((r) => r.session === second.session && r.verb === 'failed')!;
  expect(failed.statement.result).toMatchObject({
    score: { scaled: gradeOf(worst.choices).grade / 100 },
    success: false,
  });
  expect(lrs.rejected).toEqual([]);
});

test('an LRS that is down: the learner is told, plays on, and the statements arrive once it is back', async ({
  page,
}) => {
  const l = lrs.launch({ masteryScore: PASS / 100 });
  await page.goto(l.url);
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
  await expect.poll(() => lrs.verbs(l.session)).toEqual(['initialized']);
  lrs.down = true;
  await playPath(page, best.choices);
  await expect(page.getByText(/cannot be reached just now/)).toBeVisible();
  await shootAtBothSizes(page, 'cmi5-lrs-down');
  lrs.down = false;
  await expect
    .poll(() => lrs.verbs(l.session), { timeout: 20_000 })
    .toEqual(['initialized', 'completed', 'passed']);
  await expect(page.getByText(/answers again/)).toBeVisible();
});

test("the top bar's way back ends the session and returns to the LMS's returnURL", async ({
  page,
}) => {
  const l = lrs.launch({ returnURL: `${lrs.url}/home.html` });
  await page.goto(l.url);
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
  await playPath(page, best.choices.slice(0, 1));
  await shootAtBothSizes(page, 'cmi5-way-back');
  await page.getByRole('button', { name: 'Back to the course' }).click();
  await expect(page.getByRole('heading', { name: 'Your course' })).toBeVisible();
  await expect.poll(() => lrs.verbs(l.session)).toEqual(['initialized', 'terminated']);
  expect(lrs.state(l.registration, PROGRESS_STATE)).toMatchObject({ resumable: true });
});

test('a launch whose token was already taken is named to the learner, and the game still opens', async ({
  page,
}) => {
  const l = lrs.launch();
  await fetch(new URLSearchParams(l.query).get('fetch')!, { method: 'POST' });
  await page.goto(l.url);
  await expect(page.getByText(/refused the sign-in token/)).toBeVisible();
  await expect(page.getByRole('button', { name: /tutorial|Start/i }).first()).toBeVisible();
  await shootAtBothSizes(page, 'cmi5-token-refused');
});

test('F5 mid-game: the learner is told at once that this launch has ended, nothing is refused, and the next launch records the result', async ({
  page,
}) => {
  const first = lrs.launch({ masteryScore: PASS / 100 });
  await page.goto(first.url);
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
  await playPath(page, worst.choices.slice(0, 2));
  await expect
    .poll(
      () =>
        (lrs.state(first.registration, PROGRESS_STATE) as { progress?: string } | undefined)
          ?.progress ?? '',
    )
    .toMatch(/"c":"\w\w"/);
  await page.reload(); // pagehide terminates the session, as on any leaving
  await expect.poll(() => lrs.verbs(first.session)).toEqual(['initialized', 'terminated']);
  // said at once, before the learner plays on, in plain words
  await expect(page.getByText(LAUNCH_ENDED)).toBeVisible();
  await shoot(page, 'cmi5-after-reload');
  await playPath(page, worst.choices, 2);
  await expect(page.getByRole('heading', { name: 'How your market went' })).toBeVisible();
  await expect(page.getByText(NOT_SENT_NOTICE)).toBeVisible();
  await expect(page.getByText(/HTTP|9\.3|\{"/)).toHaveCount(0);
  await shoot(page, 'cmi5-after-reload-debrief');
  // nothing after terminated; the finished game waits in the State API, unreported
  expect(lrs.rejected).toEqual([]);
  expect(lrs.verbs(first.session)).toEqual(['initialized', 'terminated']);
  const shelf = new Map(loadBundledScenarios().map((b) => [b.scenario.id, b]));
  const keptChoices = () => {
    const doc = lrs.state(first.registration, PROGRESS_STATE) as { progress?: string };
    const kept = decodeSuspend(doc.progress ?? '', shelf);
    return kept.ok ? kept.progress.choices : [];
  };
  await expect.poll(keptChoices).toEqual(worst.choices);
  expect(lrs.state(first.registration, PROGRESS_STATE)).toMatchObject({
    resumable: true,
    held: null,
  });

  // the learner opens the course again from the LMS: the game is reported in that session
  const second = lrs.launch({ registration: first.registration, masteryScore: PASS / 100 });
  await page.goto(second.url);
  await expect(page.getByRole('heading', { name: 'How your market went' })).toBeVisible();
  await expect
    .poll(() => lrs.verbs(second.session))
    .toEqual(['initialized', 'completed', 'failed']);
  const failed = lrs.received.find((r) => r.session === second.session && r.verb === 'failed')!;
  expect(failed.statement.result).toMatchObject({
    score: { scaled: gradeOf(worst.choices).grade / 100 },
  });
  await expect(page.getByText(LAUNCH_ENDED)).toHaveCount(0);
  expect(lrs.rejected).toEqual([]);
});
