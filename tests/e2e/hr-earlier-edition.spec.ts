import { expect, test } from '@playwright/test';
import { encodeRecord } from '../../src/record/code.ts';
import { editionKey } from '../../src/record/edition.ts';
import { makeRecord } from '../../src/record/record.ts';
import { loadEarlierEditions } from '../../src/scenario/bundled.ts';
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
