import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { decodeRecord, encodeRecord } from '../../src/record/code.ts';
import { editionKey } from '../../src/record/edition.ts';
import { makeRecord, replay } from '../../src/record/record.ts';
import {
  bundledScenarioLookup,
  EDITIONS_DIR,
  loadEarlierEditions,
  loadScenarioFile,
  SCENARIO_DIR,
} from '../../src/scenario/bundled.ts';
import { playPolicy } from '../../src/sim/index.ts';

// A trainee played silos before the game was updated (its debrief sentences changed, and
// with them its content hash) and e-mails the code afterwards. HR's page checks it on the
// edition it was played on, which the game keeps: genuine, and graded.

test('HR’s page checks a code played on an earlier edition of a shipped scenario', async ({
  page,
}, testInfo) => {
  const edition = loadEarlierEditions().find((e) => e.scenario.id === 'silos')!;
  const { state } = playPolicy(edition.scenario, 'before-the-update', 'collaborative');
  const record = makeRecord(edition.scenario, edition.hash, state, {
    player: 'ana@acme.example',
    session: 'acme-q3',
    attempt: 1,
  });
  const code = encodeRecord(record, edition.scenario);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./hr.html');
  await page.getByLabel('Result codes').fill(`ana: ${code}`);
  await page.getByRole('button', { name: 'Check the results' }).click();
  await expect(page.locator('#v-status')).toContainText('1 record: 1 genuine', {
    timeout: 60_000,
  });
  await expect(page.getByText(/neither that edition/)).toHaveCount(0);
  await expect(page.locator('#v-status')).toContainText('0 not genuine');
  const path = testInfo.outputPath(`hr-edition-${editionKey('silos', edition.hash)}.png`);
  await page.screenshot({ path });
  await testInfo.attach('hr-edition-1280x800', { path, contentType: 'image/png' });
});

// Release b439f31 let a person leave twice (hired away, then resigning); the release after
// stopped it. A who-owns game its code played, where that happened, is checked on the rule
// it was played under: genuine, with the fair score the trainee saw.
test('HR’s page checks a code made by an earlier release whose model let a person leave twice', async ({
  page,
}, testInfo) => {
  const fixture = JSON.parse(
    readFileSync(new URL('../fixtures/releases/b439f31.json', import.meta.url), 'utf8'),
  ) as { results: { code: string; score: number; fairScore: number }[] };
  const key = 'who-owns@f277fa239fa7b59d';
  const asToday = loadScenarioFile(join(SCENARIO_DIR, EDITIONS_DIR, `${key}.yaml`)).scenario;
  const played = fixture.results.find((r) => {
    const d = decodeRecord(r.code, bundledScenarioLookup());
    return (
      d.ok && d.record.hash === key.split('@')[1] && replay(asToday, d.record).score !== r.score
    );
  })!;
  expect(played).toBeDefined();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./hr.html');
  await page.getByLabel('Result codes').fill(`from the trainee:\n${played.code}\n`);
  await page.getByRole('button', { name: 'Check the results' }).click();
  await expect(page.locator('#v-status')).toContainText('1 record: 1 genuine', {
    timeout: 60_000,
  });
  await expect(page.locator('#v-status')).toContainText('0 not genuine');
  const row = page.locator('.results tbody tr').first();
  await expect(row).toContainText(String(played.score));
  await expect(row).toContainText(`${played.fairScore} (`);
  const path = testInfo.outputPath('hr-edition-who-owns-b439f31.png');
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach('hr-edition-who-owns-b439f31', { path, contentType: 'image/png' });
});
