import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { parseCsv } from '../../src/lib/csv.ts';
import { decodeRecord, encodeRecord } from '../../src/record/code.ts';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { playLink } from './helpers/hr.ts';

// A reviewer checked results on HR's page with an accented assignment id, a links file for
// four trainees of whom two sent nothing, a genuine result of another assignment made in
// the same browser, codes a mail program had changed, and a forged result sent twice.

const shelf = new Map(loadBundledScenarios().map((b) => [b.scenario.id, b]));
const A = 'académie-ventes-2026-12';

/** Links for `trainees` under assignment `id`, on the tutorial, pass mark 0 (every genuine result passes). */
async function linksFor(page: Page, id: string, trainees: string): Promise<string[]> {
  await page.goto('./hr.html');
  await page.getByLabel('Scenario').selectOption('tutorial');
  await page.getByLabel('Assignment id').fill(id);
  await page.getByLabel('Pass mark (fair score, 0–100)').fill('0');
  await page.getByLabel('Trainee ids').fill(trainees);
  await page.getByRole('button', { name: 'Make the links' }).click();
  const inputs = page.locator('input.url');
  await expect(inputs.first()).toBeVisible();
  return inputs.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
}

test('an assignment id is refused at its field, with a rule that counts é as a letter', async ({
  page,
}) => {
  await page.goto('./hr.html');
  const id = page.getByLabel('Assignment id');
  await id.fill('académie ventes');
  await page.getByLabel('Trainee ids').fill('zoë');
  await page.getByRole('button', { name: 'Make the links' }).click();
  // the reason sits under the field it is about, which takes the focus
  const problem = page.locator('#a-session-problem');
  await expect(problem).toHaveText(
    'the assignment id may hold letters (accented ones too), digits and . : _ - but no spaces or other signs, at most 80 characters',
  );
  await expect(id).toBeFocused();
  await expect(id).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('input.url')).toHaveCount(0);
  for (const [w, h] of [
    [1280, 800],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await id.scrollIntoViewIfNeeded();
    const field = (await id.boundingBox())!;
    const said = (await problem.boundingBox())!;
    expect(said.y - (field.y + field.height), `${w}px: under the field`).toBeLessThan(20);
    await page.screenshot({ path: test.info().outputPath(`id-refused-${w}.png`) });
  }
  // with é, and without the space, the links are made and the reason is gone
  await id.fill(A);
  await page.getByRole('button', { name: 'Make the links' }).click();
  await expect(page.locator('input.url')).toHaveCount(1);
  await expect(problem).toHaveCount(0);
  await expect(id).not.toHaveAttribute('aria-invalid', 'true');
});

test('the check names who sent nothing, sets another assignment apart, and reads mangled codes', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // assignment B first, in the same browser: one genuine result of it
  const [other] = await linksFor(page, 'autre-2026-11', 'zoë');
  const otherCode = await playLink(page, other!);
  const links = await linksFor(page, A, 'zoë\njosé\nana\nłukasz');
  const linksDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the links (CSV)' }).click();
  const linksFile = (await (await linksDownload).path())!;
  const zoe = await playLink(page, links[0]!);
  const jose = await playLink(page, links[1]!);
  // a forged copy of Zoë's result, sent twice
  const decoded = decodeRecord(zoe, shelf);
  if (!decoded.ok) throw new Error(decoded.error);
  const forged = encodeRecord(
    { ...decoded.record, score: (decoded.record.score ?? 0) + 7 },
    shelf.get('tutorial')!.scenario,
  );

  await page.goto('./hr.html');
  await page
    .getByLabel('Result codes')
    .fill(
      [
        `Zoë (her mail program wrote the prefix small): ${zoe.replace('TOW1-', 'tow1-')}`,
        `José, with a space typed inside: ${jose.slice(0, 50)} ${jose.slice(50)}`,
        `Zoë again, for the other course: ${otherCode}`,
        `A newer game's code: TOW2-${zoe.slice(5)}`,
        `forged: ${forged}`,
        `forged again: ${forged}`,
      ].join('\n\n'),
    );
  await page
    .getByLabel('Result files and the links file')
    .setInputFiles([
      { name: 'académie-links.csv', mimeType: 'text/csv', buffer: readFileSync(linksFile) },
    ]);
  await page.getByRole('button', { name: 'Check the results' }).click();
  const status = page.locator('#v-status');
  await expect(status).toContainText(
    '6 records: 2 genuine (2 passed), 2 not genuine, 1 duplicate, 1 of another assignment (listed apart, under the table); 4 trainees, 2 of them sent nothing.',
  );
  const tables = page.locator('.results table');
  const ours = tables.nth(0).locator('tbody tr');
  const apart = tables.nth(1).locator('tbody tr');
  // every trainee of the links file has a row: the two who sent nothing too
  for (const name of ['ana', 'łukasz']) {
    await expect(ours.filter({ hasText: name })).toContainText(
      'sent nothing: no result of theirs was among those checked',
    );
  }
  await expect(ours.filter({ hasText: 'zoë' }).filter({ hasText: '✓' })).toHaveCount(1);
  await expect(ours.filter({ hasText: 'josé' })).toContainText('genuine');
  await expect(ours.filter({ hasText: 'TOW2-' })).toContainText(
    'a code format this checker does not know (it reads TOW1- codes): is it up to date?',
  );
  await expect(ours.filter({ hasText: 'counted once' })).toContainText('✗ not genuine');
  // the other assignment's result: apart, with the reason, and not in the table of this one
  await expect(tables.nth(0)).not.toContainText('autre-2026-11');
  await expect(page.getByRole('heading', { name: /results of another assignment/ })).toBeVisible();
  await expect(apart).toHaveCount(1);
  await expect(apart).toContainText(
    'not part of this check: assignment "autre-2026-11" is not in the links file given',
  );

  // a refused record's reason reads across the columns it leaves empty, in a line or three
  const reason = ours.filter({ hasText: 'counted once' }).locator('td.why');
  await reason.scrollIntoViewIfNeeded();
  const lineHeight = await reason.evaluate((e) =>
    Number.parseFloat(getComputedStyle(e).lineHeight),
  );
  expect((await reason.boundingBox())!.height).toBeLessThanOrEqual(3 * lineHeight + 16);
  await page.locator('.results').screenshot({ path: test.info().outputPath('checked-1280.png') });

  // the cohort file: this assignment's four trainees, the forged file counted once
  const cohortDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the cohort (CSV)' }).click();
  const [head, ...lines] = parseCsv(
    readFileSync((await (await cohortDownload).path())!, 'utf8').replace(/^\uFEFF/, ''),
  );
  const cols = ['trainee', 'assignment', 'status', 'not_genuine_submitted'];
  expect(lines.map((l) => cols.map((c) => l[head!.indexOf(c)]))).toEqual([
    ['ana', A, 'no result', '0'],
    ['josé', A, 'passed', '0'],
    ['łukasz', A, 'no result', '0'],
    ['zoë', A, 'passed', '1'],
  ]);

  // on a phone, the trainee who sent nothing is a card of their own, nothing scrolls sideways
  await page.setViewportSize({ width: 390, height: 844 });
  const lukasz = ours.filter({ hasText: 'łukasz' });
  await lukasz.scrollIntoViewIfNeeded();
  await expect(lukasz.locator('td[data-label="Verdict"]')).toContainText('sent nothing');
  const card = (await lukasz.boundingBox())!;
  expect(card.x + card.width).toBeLessThanOrEqual(390);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: test.info().outputPath('checked-390.png') });
});
