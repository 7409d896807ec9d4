import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { tempDir } from '../helpers/temp.ts';
import { startAssessedAttempt } from './helpers/assess.ts';
import {
  attachScreenshot,
  expectNoAxeViolations,
  playQuarter,
  ROOT,
  waitForRopeView,
  watchPage,
} from './helpers/game.ts';
import { roomServerForFile } from './helpers/room-server.ts';

// An assessed assignment on the server, end to end: HR creates it through the API, a
// trainee plays it to the end in Chromium from their personal link (the server deals the
// market and grades), HR sees the grade and downloads the signed result, and
// `npm run verify --keys` accepts it against the server's published keys.

const server = roomServerForFile();

const run = promisify(execFile);

async function api<T>(path: string, init: { body?: unknown; secret?: string } = {}): Promise<T> {
  const res = await fetch(`${server.base}${path}`, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.secret ? { authorization: `Bearer ${init.secret}` } : {}),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  expect(res.ok, `${path}: ${res.status}`).toBe(true);
  return (await res.json()) as T;
}

test('HR creates an assignment, a trainee plays it through the server, HR gets the signed grade and verify accepts it', async ({
  page,
}, testInfo) => {
  const problems = await watchPage(page);
  const made = await api<{
    assignment: { id: string };
    adminSecret: string;
    trainees: { name: string; token: string }[];
  }>('api/assignments', {
    body: {
      title: 'Sales academy, March',
      scenario: { kind: 'bundled', id: 'tutorial' },
      passMark: 50,
      attempts: 2,
      trainees: ['ana@example.com'],
    },
  });
  const id = made.assignment.id;
  const token = made.trainees[0]!.token;

  await page.setViewportSize({ width: 1280, height: 800 });
  // whatever the page draws from its first paint on, it never offers an assessed trainee
  // the title screen's practice markets while it finds the server
  await page.addInitScript(() => {
    const seen = (window as unknown as { titleSeen: boolean }).titleSeen !== undefined;
    if (seen) return;
    (window as unknown as { titleSeen: boolean }).titleSeen = false;
    new MutationObserver(() => {
      if ([...document.querySelectorAll('button')].some((b) => b.textContent === 'Choose a market'))
        (window as unknown as { titleSeen: boolean }).titleSeen = true;
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${server.base}?assess=${id}&t=${token}`);
  // the rules of the attempt first: opening the link deals nothing and counts nothing
  const start = page.getByRole('button', { name: 'Start attempt 1 of 2' });
  await expect(start).toBeVisible();
  const rules = page.locator('.attempt-rules');
  await expect(rules).toContainText('It is graded.');
  await expect(rules).toContainText('Pass mark: 50');
  await expect(rules).toContainText('After this one, 1 attempt left');
  await expect(page.locator('.room-bar')).toContainText(
    'Assessed: Sales academy, March · attempt 1 of 2 · playing as ana@example.com',
  );
  await expectNoAxeViolations(page, 'the rules of an assessed attempt');
  await page.screenshot({ path: testInfo.outputPath('assessed-rules-1280.png') });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: testInfo.outputPath('assessed-rules-360.png') });
  await page.setViewportSize({ width: 1280, height: 800 });
  const opened = await api<{ trainees: { status: string; attemptsUsed: number }[] }>(
    `api/assignments/${id}/cohort`,
    { secret: made.adminSecret },
  );
  expect(opened.trainees[0]).toMatchObject({ status: 'not started', attemptsUsed: 0 });
  // Start: the server deals the market, and its briefing comes before quarter 1
  await start.click();
  await expect(page.getByRole('heading', { name: 'Your team' })).toBeVisible();
  await expect(page.locator('.banner-assessed')).toContainText('attempt 1 of 2');
  await expect(page.getByRole('button', { name: 'Choose another market' })).toHaveCount(0);
  const started = await api<{ trainees: { status: string; attemptsUsed: number }[] }>(
    `api/assignments/${id}/cohort`,
    { secret: made.adminSecret },
  );
  expect(started.trainees[0]).toMatchObject({ status: 'in progress', attemptsUsed: 1 });
  await page.screenshot({ path: testInfo.outputPath('assessed-briefing-1280.png') });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: testInfo.outputPath('assessed-briefing-360.png') });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
  await waitForRopeView(page);
  expect(
    await page.evaluate(() => (window as unknown as { titleSeen: boolean }).titleSeen),
    'the title screen was drawn for an assessed link',
  ).toBe(false);
  await expect(page.locator('.room-bar')).toContainText(
    'Assessed: Sales academy, March · attempt 1 of 2 · playing as ana@example.com · connected',
  );
  await expectNoAxeViolations(page, 'an assessed quarter');
  await page.screenshot({ path: testInfo.outputPath('assessed-play-1280.png') });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: testInfo.outputPath('assessed-play-360.png') });
  await page.setViewportSize({ width: 1280, height: 800 });

  const quarters = await page.evaluate(
    () => window.__TEST__!.store.getState().entry!.scenario.quarters,
  );
  const played: string[] = [];
  for (let q = 1; q <= quarters; q++) played.push(await playQuarter(page, q));
  await expect(page.getByRole('heading', { name: 'How your market went' })).toBeVisible();
  const graded = page.locator('[data-assessed-grade]');
  await expect(graded).toContainText('The server graded attempt 1 of 2: fair score');
  // the head of the debrief: the verdict, the fair score that decides it, the score beneath
  await expect(page.locator('.verdict')).toContainText(
    /your fair score is \d+, and the pass mark is 50\./,
  );
  await page.locator('.debrief h1').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('assessed-debrief-top-1280.png') });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.locator('.debrief h1').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('assessed-debrief-top-360.png') });
  await page.setViewportSize({ width: 1280, height: 800 });
  await expectNoAxeViolations(page, 'the assessed debrief');
  await expect(page.locator('.banner-assessed')).toHaveText(
    'Assessed session: Sales academy, March · trainee ana@example.com · pass mark 50 · attempt 1 of 2',
  );
  // what an assessment offers next: the attempts left, the next attempt, and practice
  // that says it does not count; never a replay that looks like it counts
  const left = page.getByText('Attempt 1 of 2. 1 attempt left.');
  await expect(left).toBeVisible();
  await expect(page.getByRole('link', { name: 'Start attempt 2 of 2' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^(Replay this market|New market)$/ })).toHaveCount(
    0,
  );
  // practice while an attempt is left is on a new market (tests/e2e/assessment-practice.spec.ts)
  await expect(
    page.getByRole('button', { name: 'Play a new market (practice, not graded)' }),
  ).toBeVisible();
  // attempt 2 is dealt another market of the same scenario, where the answers still help:
  // graded or not, the answer key stays closed while it remains, and the debrief says why
  await expect(page.locator('.closed-note')).toContainText(
    'how the best path scores open when you have no attempts left',
  );
  await expect(page.locator('.par-closed')).toContainText(
    "The par lines, the best path's score among them, open when you have no attempts left",
  );
  await expect(page.locator('.par-table')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /What if I had chosen differently/ })).toHaveCount(
    0,
  );
  await expect(page.locator('.debrief')).not.toContainText(/"[^"]+" would have scored/);
  await expect(page.locator('.closed-verdicts')).toBeVisible();
  // nor how many replies were the strongest, nor which: the next attempt would keep those
  await expect(page.locator('.debrief')).not.toContainText(
    /strongest in the game you built|points or more against another reply/,
  );
  await expect(page.locator('.decision-card .fit')).toHaveCount(0);
  await expect(page.locator('.best-note')).toHaveCount(0);
  for (const [w, h] of [
    [1280, 800],
    [360, 740],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.locator('.par-closed').scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`assessed-key-closed-par-${w}.png`) });
    await page.locator('.closed-note').scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`assessed-key-closed-whatif-${w}.png`) });
  }
  for (const [w, h] of [
    [1280, 800],
    [360, 740],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await left.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`assessed-next-${w}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: testInfo.outputPath('assessed-debrief-top-1280.png') });
  await graded.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('assessed-result-1280.png') });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: testInfo.outputPath('assessed-debrief-top-360.png') });
  await graded.scrollIntoViewIfNeeded();
  await expect(graded).toBeInViewport();
  // the debrief's long sections are laid out again for the narrow screen
  await page.waitForTimeout(500);
  await page.screenshot({ path: testInfo.outputPath('assessed-result-360.png') });

  // HR sees the grade the debrief shows
  const cohort = await api<{
    trainees: { trainee: string; status: string; fairScore: number; attemptsUsed: number }[];
  }>(`api/assignments/${id}/cohort`, { secret: made.adminSecret });
  const row = cohort.trainees[0]!;
  expect(row).toMatchObject({ trainee: 'ana@example.com', attemptsUsed: 1 });
  expect(['submitted', 'over attempts']).toContain(row.status);
  await expect(graded).toHaveAttribute('data-assessed-grade', String(row.fairScore));

  // the trainee's copy and HR's are the server's same signed file
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download your signed result' }).click();
  const dir = tempDir('assessed');
  const mine = join(dir, 'trainee.json');
  await (await download).saveAs(mine);
  const hrs = await api<{ record: { choices: string[] } }>(
    `api/assignments/${id}/results/1?trainee=${encodeURIComponent('ana@example.com')}`,
    { secret: made.adminSecret },
  );
  expect(JSON.parse(readFileSync(mine, 'utf8'))).toEqual(hrs);
  expect(hrs.record.choices).toEqual(played);
  writeFileSync(join(dir, 'hr.json'), JSON.stringify(hrs));
  writeFileSync(join(dir, 'jwks.json'), JSON.stringify(await api('.well-known/jwks.json')));
  const out = await run(
    process.execPath,
    [
      'scripts/cli.mjs',
      'src/cli/verify.ts',
      join(dir, 'hr.json'),
      '--keys',
      join(dir, 'jwks.json'),
    ],
    { cwd: ROOT, env: { ...process.env, TOW_CACHE_DIR: tempDir('cache') } },
  );
  expect(out.stdout).toMatch(/^genuine .*signed by this server \(key /m);

  // a reload shows the finished attempt again; it does not start another
  await page.reload();
  await expect(page.locator('[data-assessed-grade]')).toBeVisible();
  const after = await api<{ trainees: { attemptsUsed: number }[] }>(
    `api/assignments/${id}/cohort`,
    { secret: made.adminSecret },
  );
  expect(after.trainees[0]!.attemptsUsed).toBe(1);
  expect(problems).toEqual([]);
});

test('a wrong personal link is refused in words', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`${server.base}?assess=AAAAAAAAAAAA&t=${'x'.repeat(43)}`);
  await expect(
    page.getByRole('heading', { name: 'This assessment cannot be played now' }),
  ).toBeVisible();
  await expect(page.getByRole('alert')).toHaveText(
    'There is no assessment at this link. Check the link HR sent you.',
  );
  await expectNoAxeViolations(page, 'a refused assessment link');
  await attachScreenshot(page, testInfo, 'assessed-refused-360');
});

test('HR makes an assessment on hr.html, follows the cohort, downloads a signed result and checks it on the verify page', async ({
  page,
  context,
}, testInfo) => {
  const problems = await watchPage(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${server.base}hr.html`);
  await expect(page.getByRole('heading', { name: 'Assessments on the server' })).toBeVisible();
  await page.getByLabel('Title').fill('Coaching check <b>');
  await page.locator('#s-scenario').selectOption('tutorial');
  await page.locator('#s-pass').fill('50');
  await page.locator('#s-attempts').fill('1');
  await page.getByLabel('Trainees').fill('ana@example.com\n=ben');
  await page.getByRole('button', { name: 'Create the assessment' }).click();
  await expect(page.locator('#s-status')).toContainText('with 2 personal links');
  const link = await page.locator('tr', { hasText: 'ana@example.com' }).locator('td').textContent();
  expect(link).toContain('?assess=');
  await expectNoAxeViolations(page, 'the HR page with a server assessment made');

  // the trainee plays from their link in another tab
  const trainee = await context.newPage();
  await trainee.setViewportSize({ width: 1280, height: 800 });
  await trainee.goto(link!);
  await startAssessedAttempt(trainee);
  await waitForRopeView(trainee);
  await expect(trainee.locator('.room-bar')).toContainText('Assessed: Coaching check <b>');
  for (let q = 1; q <= 4; q++) await playQuarter(trainee, q);
  await expect(trainee.locator('[data-assessed-grade]')).toBeVisible();
  // one attempt allowed: no next attempt is offered
  await expect(trainee.getByRole('link', { name: /Start attempt/ })).toHaveCount(0);
  // and none that counts remains, so the graded attempt's debrief opens its answer key
  await expect(trainee.locator('.par-table [data-par="best"]')).toBeVisible({ timeout: 60_000 });
  await expect(
    trainee.getByRole('button', { name: /What if I had chosen differently/ }).first(),
  ).toBeVisible();
  await expect(trainee.locator('.closed-note')).toHaveCount(0);
  await expect(trainee.locator('.par-closed')).toHaveCount(0);
  for (const [w, h] of [
    [1280, 800],
    [360, 740],
  ] as const) {
    await trainee.setViewportSize({ width: w, height: h });
    await trainee.locator('.par-table').scrollIntoViewIfNeeded();
    await trainee.screenshot({ path: testInfo.outputPath(`assessed-key-open-par-${w}.png`) });
  }
  await trainee.close();

  await page.getByRole('button', { name: 'Show the cohort' }).click();
  const ana = page.locator('#s-status ~ div tr', { hasText: 'ana@example.com' });
  await expect(ana).toContainText(/submitted|over attempts/);
  await expect(page.locator('#s-status ~ div tr', { hasText: '=ben' })).toContainText(
    'not started',
  );
  await expectNoAxeViolations(page, 'the server cohort');
  await page.locator('#server-title').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('hr-server-1280.png'), fullPage: true });

  const download = page.waitForEvent('download');
  await ana.getByRole('button', { name: /Download/ }).click();
  const file = join(tempDir('hr-signed'), 'ana.json');
  await (await download).saveAs(file);

  // the verify page checks the signature against the server it is served by
  await page.locator('#v-files').setInputFiles(file);
  await page.getByRole('button', { name: 'Check the results' }).click();
  await expect(page.locator('#v-status')).toContainText("checked against 1 of the server's keys");
  await expect(page.locator('.results tr', { hasText: 'ana@example.com' })).toContainText(
    'genuine · signed by this server (key',
  );
  await page.setViewportSize({ width: 360, height: 740 });
  await page.locator('#server-title').scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await page.screenshot({ path: testInfo.outputPath('hr-server-360.png') });
  expect(problems).toEqual([]);
});
