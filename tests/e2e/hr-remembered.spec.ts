import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { decodeRecord, encodeRecord } from '../../src/record/code.ts';
import { makeRecord } from '../../src/record/record.ts';
import { resultFile } from '../../src/record/result-file.ts';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { playPolicy } from '../../src/sim/index.ts';
import { makeLinks, playLink } from './helpers/hr.ts';

const shelf = new Map(loadBundledScenarios().map((b) => [b.scenario.id, b]));

// Two assignments made in one browser: a check of the first one's result is held against
// its own trainees only (not the other's five as well), with or without its links file,
// and says which. After a reload HR sees both, downloads the first one's links again (the
// same file) and forgets the other, asked first. The screens fit a desktop and a phone.

/** Makes links for five trainees on silos, under their own assignment id. */
async function makeSecond(page: Page): Promise<void> {
  await page.getByLabel('Scenario').selectOption('silos');
  await page.getByLabel('Assignment id').fill('onboarding-2026-11');
  await page.getByLabel('Trainee ids').fill('anna\nbernd\ncarla\ndieter\nemil');
  await page.getByRole('button', { name: 'Make the links' }).click();
  await expect(page.locator('input.url')).toHaveCount(5);
}

/** How far a box's content runs past it (0: it fits). */
const overflow = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => el.scrollWidth - (el.parentElement as HTMLElement).clientWidth);

test("a check of one assignment's result is held against that assignment only; its links come back after a reload; another is forgotten", async ({
  page,
  browser,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1280, height: 800 });
  const links = await makeLinks(page, 'alice\nbob\ncarol');
  const session = await page.getByLabel('Assignment id').inputValue();
  const linksDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the links (CSV)' }).click();
  const linksFile = (await (await linksDownload).path())!;
  await makeSecond(page);
  const alice = await playLink(page, links[0]!);

  // after a reload: both assignments, the last made first, with their scenario and trainees
  await page.goto('./hr.html');
  const list = page.getByRole('table', { name: 'Assignments this browser remembers' });
  const rows = list.locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('onboarding-2026-11');
  await expect(rows.nth(0)).toContainText('5');
  await expect(rows.nth(1)).toContainText(session);
  await expect(rows.nth(1)).toContainText('3');
  await expect(rows.nth(1)).toContainText(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
  await list.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('remembered-1280.png') });
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  // the links again: the very file downloaded when they were made
  const again = page.waitForEvent('download');
  await page.getByRole('button', { name: `Download the links again (${session})` }).click();
  const againFile = await again;
  expect(againFile.suggestedFilename()).toBe(`${session}-links.csv`);
  expect(readFileSync((await againFile.path())!, 'utf8')).toBe(readFileSync(linksFile, 'utf8'));

  // alice's result, no links file: her assignment's three trainees, not eight
  const status = page.locator('#v-status');
  await page.getByLabel('Result codes').fill(alice);
  await page.getByRole('button', { name: 'Check the results' }).click();
  await expect(status).toContainText('1 record: 1 genuine');
  await expect(status).toContainText('3 trainees, 2 of them sent nothing.');
  await expect(status).toContainText(
    `No links file: checked against the assignment this browser remembers that the results name, ${session} (tutorial, 3 trainees).`,
  );
  const cohortDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the cohort (CSV)' }).click();
  const cohort = readFileSync((await (await cohortDownload).path())!, 'utf8');
  expect(cohort.trim().split(/\r?\n/)).toHaveLength(4);
  expect(cohort).not.toContain('onboarding-2026-11');

  // with her assignment's links file: that file's trainees only, and the status names it
  await page
    .getByLabel('Result files and the links file')
    .setInputFiles([{ name: 'links.csv', mimeType: 'text/csv', buffer: readFileSync(linksFile) }]);
  await page.getByRole('button', { name: 'Check the results' }).click();
  await expect(status).toContainText(
    `Checked against the links file links.csv: assignment ${session} (tutorial, 3 trainees).`,
  );
  await expect(status).toContainText('3 trainees, 2 of them sent nothing.');

  // forgetting is asked first; "Keep it" keeps it
  await page.getByRole('button', { name: 'Forget onboarding-2026-11' }).click();
  const ask = page.getByRole('dialog', { name: 'Forget the assignment onboarding-2026-11?' });
  await expect(ask).toContainText('The links you sent keep working');
  await ask.getByRole('button', { name: 'Keep it' }).click();
  await expect(rows).toHaveCount(2);
  await page.getByRole('button', { name: 'Forget onboarding-2026-11' }).click();
  await ask.getByRole('button', { name: 'Forget it' }).click();
  await expect(rows).toHaveCount(1);
  await expect(
    page.getByText('This browser no longer remembers onboarding-2026-11.'),
  ).toBeVisible();
  const axeAfter = await new AxeBuilder({ page }).analyze();
  expect(axeAfter.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.reload();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(session);

  // on a phone: the list and the links are cards, nothing scrolls sideways
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const small = await phone.newPage();
  await makeLinks(small, 't.mueller@acme.example\nE1002\nZoë Ünal-Castellanos de la Fuente');
  expect(await overflow(small, '.links table')).toBeLessThanOrEqual(0);
  const field = small.getByRole('textbox', { name: 'link for E1002' });
  const box = (await field.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await small.locator('.links').screenshot({ path: test.info().outputPath('links-390.png') });
  await small.reload();
  expect(await overflow(small, '.remembered table')).toBeLessThanOrEqual(0);
  await small
    .locator('.remembered')
    .screenshot({ path: test.info().outputPath('remembered-390.png') });
  await phone.close();
  expect(errors).toEqual([]);
});

test('the results table fits a desktop box; a file whose record and code disagree names what it claims', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  // the reviewer's case: a long assignment id, a practice result, and two games that both
  // claim attempt 1 (whose note is the longest), beside a tampered file
  await page.goto('./hr.html');
  await page.getByLabel('Scenario').selectOption('tutorial');
  await page.getByLabel('Assignment id').fill('sales-academy-berlin-2026-12');
  await page.getByLabel('Pass mark (fair score, 0–100)').fill('30');
  await page.getByLabel('Trainee ids').fill('Zoë Ünal-Castellanos de la Fuente');
  await page.getByRole('button', { name: 'Make the links' }).click();
  const link = await page.locator('input.url').first().inputValue();
  const first = await playLink(page, link);
  const decoded = decodeRecord(first, shelf);
  if (!decoded.ok) throw new Error(decoded.error);
  const rec = decoded.record;
  const tutorial = shelf.get('tutorial')!;
  // another game on the same market, also numbered attempt 1 (the count was reset)
  const { state } = playPolicy(tutorial.scenario, rec.seed, 'random');
  const second = encodeRecord(
    makeRecord(tutorial.scenario, tutorial.hash, state, {
      player: rec.player!,
      session: rec.session!,
      attempt: 1,
      ...(rec.terms ? { terms: rec.terms } : {}),
      ...(rec.finished ? { finished: rec.finished } : {}),
    }),
    tutorial.scenario,
  );
  const practice = encodeRecord(
    makeRecord(
      tutorial.scenario,
      tutorial.hash,
      playPolicy(tutorial.scenario, 'p1', 'random').state,
    ),
    tutorial.scenario,
  );
  const file = resultFile(rec, tutorial.scenario);
  const tampered = { ...file, record: { ...file.record, score: 100 } };

  await page.goto('./hr.html');
  await page.getByLabel('Result codes').fill(`${practice}\n${first}\n${second}`);
  await page.getByLabel('Result files and the links file').setInputFiles([
    {
      name: 'tow-sales-academy-berlin-2026-12-Zoë_Ünal-Castellanos_de_la_Fuente-1.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(tampered)),
    },
  ]);
  await page.getByRole('button', { name: 'Check the results' }).click();
  await expect(page.locator('#v-status')).toContainText('1 not genuine');
  await expect(page.locator('.results')).toContainText('another game also claims attempt 1');
  const bad = page.locator('.results tbody tr.bad');
  await expect(bad.getByRole('rowheader')).toContainText('Zoë Ünal-Castellanos de la Fuente');
  await expect(bad.getByRole('rowheader')).toContainText('the file’s claim');
  await expect(bad).toContainText('sales-academy-berlin-2026-12');
  await expect(bad).toContainText('tutorial');
  await expect(bad).toContainText('not genuine: the file’s record and its code disagree');
  await expect(bad).toContainText('as the file claims them, unchecked');
  // every column, the source and its notes last, inside the box: no sideways scrolling
  expect(await overflow(page, '.results table')).toBeLessThanOrEqual(0);
  await page.locator('.results').scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('results-1280.png'), fullPage: true });
  // on a phone the claim heads the card
  await page.setViewportSize({ width: 390, height: 844 });
  await bad.scrollIntoViewIfNeeded();
  await bad.screenshot({ path: test.info().outputPath('claim-390.png') });
  expect(await overflow(page, '.results table')).toBeLessThanOrEqual(0);
});

test('Help on the HR page explains the page: making links, checking results, the grades, the guide', async ({
  page,
}) => {
  await page.goto('./hr.html');
  await page.getByRole('button', { name: 'Help', exact: true }).click();
  const help = page.getByRole('dialog', { name: 'Help' });
  for (const heading of [
    'Making the links',
    'Checking the results',
    'What the grades mean',
    'The full guide',
  ]) {
    await expect(help.getByRole('heading', { name: heading })).toBeVisible();
  }
  await expect(help).toContainText('Fair score');
  await expect(help).toContainText('docs/hr.md');
  await page.screenshot({ path: test.info().outputPath('help-hr-1280.png') });
});
