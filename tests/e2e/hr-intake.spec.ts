import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { encodeRecord } from '../../src/record/code.ts';
import { makeRecord } from '../../src/record/record.ts';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { playPolicy } from '../../src/sim/index.ts';
import { tempDir } from '../helpers/temp.ts';
import { bundled, styleChoices, trainee, workshopUrl } from '../workshop/e2e-codes.ts';
import { ROOT } from './helpers/game.ts';
import { makeLinks, playLink, playQuarters } from './helpers/hr.ts';

// What HR is handed, read as HR gets it: the result file the game itself downloaded,
// files built to choke a parser, and codes inside e-mail and chat text.

const tutorial = loadBundledScenarios().find((b) => b.scenario.id === 'tutorial')!;

function verifyCli(files: string[]) {
  const out = spawnSync(process.execPath, ['scripts/cli.mjs', 'src/cli/verify.ts', ...files], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, TOW_CACHE_DIR: tempDir('cache') },
  });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

async function checkOnPage(page: Page, files: string[], pasted = ''): Promise<string> {
  await page.goto('./hr.html');
  if (pasted) await page.getByLabel('Result codes').fill(pasted);
  if (files.length > 0)
    await page.getByLabel('Result files and the links file').setInputFiles(files);
  await page.getByRole('button', { name: 'Check the results' }).click();
  const status = page.locator('#v-status');
  await expect(status).toContainText(/\d+ records?:/);
  return (await status.textContent()) ?? '';
}

/** A tutorial result code of a practice game, different for each seed. */
function practiceCode(seed: string): string {
  const { state } = playPolicy(tutorial.scenario, seed, 'random');
  return encodeRecord(makeRecord(tutorial.scenario, tutorial.hash, state), tutorial.scenario);
}

test('a result file the game downloaded is genuine, in npm run verify and on hr.html', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const [link] = await makeLinks(page, 'alice@acme.example');
  const linksDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the links (CSV)' }).click();
  const links = test.info().outputPath('links.csv');
  await (await linksDownload).saveAs(links);

  await playLink(page, link!);
  const fileDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download the result file' }).click();
  const download = await fileDownload;
  const file = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(file);
  // files handed out before the game wrote its fields in one order put them in another
  // (session before player): the same file with its record's keys reversed must verify too
  const text = readFileSync(file, 'utf8');
  const parsed = JSON.parse(text) as { record: Record<string, unknown> };
  const reversed = Object.fromEntries(Object.entries(parsed.record).reverse());
  const older = test.info().outputPath('older-order.json');
  writeFileSync(older, JSON.stringify({ ...parsed, record: reversed }, null, 2));
  expect(readFileSync(older, 'utf8').indexOf('"session"')).toBeLessThan(
    readFileSync(older, 'utf8').indexOf('"player"'),
  );

  for (const f of [file, older]) {
    const cli = verifyCli([f, '--links', links]);
    expect(cli.stdout, f).toMatch(/^genuine .*alice@acme\.example/m);
    expect(cli.stdout).not.toContain('disagree');
    expect(cli.code).toBe(0);
  }

  const status = await checkOnPage(page, [older]);
  expect(status).toContain('1 record: 1 genuine');
  await expect(page.locator('.results tbody tr').first()).toContainText('alice@acme.example');
  expect(errors).toEqual([]);
});

test('a practice result file the game downloaded is listed as practice, counted nowhere and kept out of the cohort', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const [link] = await makeLinks(page, 'alice@acme.example\nbob@acme.example');
  const linksDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the links (CSV)' }).click();
  const links = test.info().outputPath('links.csv');
  await (await linksDownload).saveAs(links);
  const saved = async (name: string) => {
    const fileDownload = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download the result file' }).click();
    const download = await fileDownload;
    const file = test.info().outputPath(name);
    await download.saveAs(file);
    return { file, name: download.suggestedFilename() };
  };
  await playLink(page, link!);
  const alice = await saved('alice.json');
  // two practice games from the game's own menu, on two markets
  const practice: { file: string; name: string }[] = [];
  for (const seed of ['p1', 'p2']) {
    await page.goto(`./?scenario=tutorial&seed=${seed}`);
    await page.getByRole('button', { name: 'Start quarter 1' }).click();
    await playQuarters(page);
    practice.push(await saved(`practice-${seed}.json`));
  }
  // named by scenario, market and time, so the second does not overwrite the first
  expect(practice[0]!.name).toMatch(/^tow-practice-tutorial-p1-\d{4}-\d\d-\d\d-\d{6}\.json$/);
  expect(practice[1]!.name).toMatch(/^tow-practice-tutorial-p2-/);

  const files = [links, alice.file, practice[0]!.file];
  const cli = verifyCli([
    alice.file,
    practice[0]!.file,
    '--links',
    links,
    '--csv',
    test.info().outputPath('cli-cohort.csv'),
  ]);
  expect(cli.stdout).toMatch(/^PRACTICE .*practice-p1\.json: .*practice: not counted/m);
  expect(cli.stdout).toMatch(
    /2 records from 2 files: 1 genuine \(\d passed\), 1 practice \(not counted\), 0 not genuine/,
  );
  expect(cli.stdout).toContain('; 2 trainees');
  expect(cli.code, cli.stdout).toBe(0);
  const cliCohort = readFileSync(test.info().outputPath('cli-cohort.csv'), 'utf8');
  expect(cliCohort.trim().split(/\r?\n/)).toHaveLength(3);

  const status = await checkOnPage(page, files);
  expect(status).toContain('1 genuine (');
  expect(status).toContain('1 practice (not counted)');
  expect(status).toContain('2 trainees, 1 of them sent nothing');
  await expect(
    page.locator('.results tbody tr').filter({ hasText: 'practice-p1.json' }),
  ).toContainText('practice: not counted');
  const cohortDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the cohort (CSV)' }).click();
  const cohort = readFileSync((await (await cohortDownload).path())!, 'utf8');
  const rows = cohort
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  // the header, alice and bob: no row without a trainee or an assignment
  expect(rows).toHaveLength(3);
  expect(rows.slice(1).every((r) => /^(alice|bob)@acme\.example,/.test(r))).toBe(true);
  for (const [w, h] of [
    [1280, 800],
    [360, 740],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.locator('.results tbody tr').last().scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath(`hr-practice-${w}.png`) });
  }
  expect(errors).toEqual([]);
});

test('a trainee id starting with an apostrophe survives the links CSV HR downloaded', async ({
  page,
  browser,
}) => {
  const [link] = await makeLinks(page, "'=boss");
  const linksDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the links (CSV)' }).click();
  const links = test.info().outputPath('links.csv');
  await (await linksDownload).saveAs(links);
  const code = await playLink(page, link!);
  const codeFile = test.info().outputPath('boss.txt');
  writeFileSync(codeFile, `${code}\n`);

  const cli = verifyCli([codeFile, '--links', links]);
  expect(cli.stdout).toMatch(/^genuine .*boss\.txt: '=boss/m);
  expect(cli.code, cli.stdout).toBe(0);

  // a browser that did not make the links knows the trainee only from the CSV
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const status = await checkOnPage(other, [links], code);
  expect(status).toContain('1 record: 1 genuine');
  expect(status).toMatch(
    /Checked against the links file links\.csv: assignment \S+ \(tutorial, 1 trainee\)/,
  );
  await expect(other.locator('.results tbody tr').first().getByRole('rowheader')).toHaveText(
    "'=boss",
  );
  await fresh.close();
});

test('deeply nested and huge JSON files each get a verdict, and the other results are graded', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const dir = tempDir('nested');
  const nested = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
  const small = `${dir}/nested-4k.json`;
  const large = `${dir}/nested-400k.json`;
  const good = `${dir}/good.txt`;
  writeFileSync(small, nested(2000));
  writeFileSync(large, nested(200_000));
  writeFileSync(good, `${practiceCode('n1')}\n`);

  const started = Date.now();
  const cli = verifyCli([small, large, good]);
  expect(cli.stderr).not.toContain('RangeError');
  expect(cli.stdout).toMatch(/NOT GENUINE {2}\S*nested-4k\.json: .*nested deeper than 32 levels/);
  expect(cli.stdout).toMatch(/NOT GENUINE {2}\S*nested-400k\.json: .*nested deeper than 32 levels/);
  // a practice code: replayed and listed, never counted
  expect(cli.stdout).toMatch(/^PRACTICE .*good\.txt: .*practice: not counted/m);
  expect(cli.code).toBe(1);

  const status = await checkOnPage(page, [small, large, good]);
  expect(Date.now() - started).toBeLessThan(20_000);
  expect(status).toContain('3 records: 0 genuine (0 passed), 1 practice (not counted)');
  const rows = page.locator('.results tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(page.locator('.results')).toContainText('nested-400k.json');
  await expect(page.locator('.results')).toContainText('nested deeper than 32 levels');
  for (const [w, h] of [
    [1280, 800],
    [360, 740],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.locator('.results').scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath(`hr-nested-${w}.png`) });
  }
  // at 360 px the verdicts are a sideways scroll away
  await page.locator('.results .table-wrap').evaluate((el) => {
    el.scrollLeft = el.scrollWidth;
  });
  await page.screenshot({ path: test.info().outputPath('hr-nested-360-verdicts.png') });
  expect(errors).toEqual([]);
});

test('codes in e-mail and chat text are all found, wrapped ones rejoined', async ({ page }) => {
  const [a, b, c, d] = ['m1', 'm2', 'm3', 'm4'].map(practiceCode);
  const wrap = (code: string, at: number, prefix = '') =>
    `${code.slice(0, at)}\n${prefix}${code.slice(at)}`;
  const pasted = [
    '[External] Tug of War results, Q3',
    '',
    'Hi, here are the codes:',
    `Ana: ${wrap(a!, 60)}`,
    `> ${wrap(b!, 72, '> ')}`,
    `[10:42] Ben Okafor: ${c}`,
    `[1/2] ${wrap(d!, 50, '[2/2] ')}`,
    'Best, Kim',
  ].join('\n');
  const status = await checkOnPage(page, [], pasted);
  expect(status).toContain('4 records: 0 genuine (0 passed), 4 practice (not counted)');
  for (const [w, h] of [
    [1280, 800],
    [360, 740],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.locator('.results').scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath(`hr-pasted-${w}.png`) });
  }
});

test('the class dashboard counts codes from a chat log, wrapped ones joined', async ({
  page,
  baseURL,
}) => {
  const room = { name: 'Lisbon', session: 'chat-room', seed: '7', scenario: 'silos' };
  const silos = bundled('silos');
  const [ana, ben] = (['directive', 'collaborative'] as const).map((style, i) =>
    trainee(silos, {
      player: ['Ana', 'Ben'][i]!,
      session: room.session,
      seed: room.seed,
      choices: styleChoices(silos.scenario, style),
    }),
  );
  await page.goto('workshop.html#dashboard');
  await page
    .locator('#dash-link')
    .fill(workshopUrl(new URL('index.html', baseURL).toString(), room));
  await page.locator('#dash-link').dispatchEvent('change');
  await expect(page.getByRole('heading', { name: room.name })).toBeVisible();
  const chat = [
    `[10:41] Ana Costa: ${ana!.code.slice(0, 40)}`,
    `[10:41] Ana Costa: ${ana!.code.slice(40)}`,
    `[10:42] Ben: ${ben!.code}`,
  ].join('\n');
  await page.locator('#dash-codes').fill(chat);
  await page.getByRole('button', { name: 'Add these codes' }).click();
  await expect(page.locator('table.leaderboard tbody tr')).toHaveCount(2);
  await expect(page.getByRole('list', { name: 'Results not counted' })).toHaveCount(0);
  // the fair scores come in once the market is worked out, and the board is drawn again
  // with them: read it after that, not while it is replaced
  await expect(page.locator('table.leaderboard')).not.toContainText('…', { timeout: 30_000 });
  for (const [w, h] of [
    [1280, 800],
    [360, 740],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.locator('table.leaderboard').scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath(`dashboard-chat-${w}.png`) });
  }
});
