import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { decodeRecord, encodeRecord } from '../../src/record/code.ts';
import { makeRecord } from '../../src/record/record.ts';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { census, percentile, playPolicy, score } from '../../src/sim/index.ts';

const shelf = new Map(loadBundledScenarios().map((b) => [b.scenario.id, b]));

// HR's page in Chromium: assign, play the assigned game through its link, verify the
// result code it gives (and a forged one), and export the cohort.

async function makeLinks(page: Page, trainees: string): Promise<string[]> {
  await page.goto('./hr.html');
  await page.getByLabel('Scenario').selectOption('tutorial');
  await page.getByLabel('Pass mark (fair score, 0–100)').fill('30');
  await page.getByLabel('Trainee ids').fill(trainees);
  await page.getByRole('button', { name: 'Make the links' }).click();
  const inputs = page.locator('input.url');
  await expect(inputs.first()).toBeVisible();
  return inputs.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
}

async function playLink(page: Page, url: string): Promise<string> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
  for (let q = 0; q < 3; q++) {
    await page
      .getByRole('group', { name: 'Your call' })
      .getByRole('button')
      .nth(q % 2)
      .click();
    await page.getByRole('button', { name: /On to quarter|See the debrief/ }).click();
  }
  const code = page.locator('#result-code');
  await expect(code).toHaveValue(/^TOW1-/);
  return code.inputValue();
}

test('assign, play the link, verify the code, catch a forgery, export the cohort', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const links = await makeLinks(
    page,
    'alice@acme.example\n=HYPERLINK("http://evil")\n<img src=x onerror=alert(1)>',
  );
  expect(links).toHaveLength(3);
  // ids are text on the page, never markup
  await expect(page.getByRole('rowheader', { name: '<img src=x onerror=alert(1)>' })).toBeVisible();
  expect(await page.locator('img').count()).toBe(0);
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the links (CSV)' }).click();
  const csv = readFileSync((await (await csvDownload).path())!, 'utf8');
  expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
  await page.screenshot({ path: test.info().outputPath('hr-assign.png'), fullPage: true });

  const alice = await playLink(page, links[0]!);
  const evil = await playLink(page, links[2]!);

  await page.goto('./hr.html');
  await page
    .getByLabel('Result codes')
    .fill(`alice: ${alice}\nagain: ${alice}\n${evil}\nbroken: ${alice.slice(0, -3)}xyz`);
  await page.getByRole('button', { name: 'Check the results' }).click();
  const status = page.locator('#v-status');
  await expect(status).toContainText('4 records: 2 genuine');
  await expect(status).toContainText('1 not genuine, 1 duplicate');
  await expect(status).toContainText('Checked against 3 assigned trainee links');
  const rows = page.locator('.results tbody tr');
  await expect(rows.nth(0)).toContainText('alice@acme.example');
  await expect(rows.nth(0)).toContainText('genuine');
  await expect(rows.nth(1)).toContainText('duplicate');
  await expect(rows.nth(2).getByRole('rowheader')).toHaveText('<img src=x onerror=alert(1)>');
  await expect(rows.nth(3)).toContainText('not genuine: the checksum does not match');
  await page.screenshot({ path: test.info().outputPath('hr-verify.png'), fullPage: true });

  const cohortDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the cohort (CSV)' }).click();
  const cohort = readFileSync((await (await cohortDownload).path())!, 'utf8').replace(
    /^\uFEFF/,
    '',
  );
  const lines = cohort.trim().split(/\r\n/);
  expect(lines[0]).toMatch(/^trainee,assignment,scenario,best_fair_score/);
  expect(lines).toHaveLength(3);
  expect(lines.some((l) => l.startsWith("'<img") || l.startsWith('<img'))).toBe(true);

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  expect(errors).toEqual([]);
});

test('a result re-labelled with another trainee id is not genuine, as a code or as a file', async ({
  page,
}) => {
  const links = await makeLinks(page, 'bob\nmallory');
  const bob = await playLink(page, links[0]!);
  // mallory takes bob's result, puts her own id in it and re-encodes it (the code's
  // checksum is public, so a determined forger can do this much)
  const decoded = decodeRecord(bob, shelf);
  expect(decoded.ok).toBe(true);
  if (!decoded.ok) return;
  const stolen = { ...decoded.record, player: 'mallory' };
  await page.goto('./hr.html');
  await page.getByLabel('Result codes').fill(encodeRecord(stolen));
  await page.getByLabel('Result files and the links file').setInputFiles({
    name: 'mallory.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(stolen)),
  });
  await page.getByRole('button', { name: 'Check the results' }).click();
  await expect(page.locator('#v-status')).toContainText('2 records: 0 genuine');
  const rows = page.locator('.results tbody tr');
  for (const i of [0, 1]) {
    await expect(rows.nth(i)).toContainText(
      'not genuine: the game was not dealt to trainee "mallory"',
    );
  }
});

test('results from many markets are ranked in census workers, each as the Node model ranks it', async ({
  page,
}) => {
  // a market of their own for each of 12 trainees, on an 8-quarter scenario: 12 censuses,
  // shared among a few workers rather than one worker started per market
  const silos = shelf.get('silos')!;
  const expected: string[] = [];
  const codes: string[] = [];
  for (let t = 0; t < 12; t++) {
    const seed = `cohort-${t}`;
    const { state } = playPolicy(silos.scenario, seed, t % 2 ? 'collaborative' : 'random');
    const raw = score(silos.scenario.rubric, state);
    expected.push(`(${percentile(census(silos.scenario, seed), raw)}%)`);
    const rec = makeRecord(silos.scenario, silos.hash, state, { player: `t${t}` });
    codes.push(`t${t}: ${encodeRecord(rec, silos.scenario)}`);
  }
  await page.goto('./hr.html');
  await page.getByLabel('Result codes').fill(codes.join('\n'));
  await page.getByRole('button', { name: 'Check the results' }).click();
  await expect(page.locator('#v-status')).toContainText('12 records: 12 genuine');
  const fair = await page
    .locator('.results tbody tr')
    .evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[4]?.textContent ?? ''));
  expect(fair.map((f) => f.replace(/^\d+ /, ''))).toEqual(expected);
});
