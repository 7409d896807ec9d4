import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';

// Results made by model 3, before the game moved to model 4, keep checking on HR's page:
// real codes the released game wrote (tests/fixtures/releases/) are genuine, with the score
// and fair score the trainee saw, ranked in their markets under model 3's rules; those
// markets are kept in the browser as model 3's, and read back by the next check. A code
// of model 2 is still refused, saying which models this version replays.

interface Released {
  code: string;
  score: number;
  fairScore: number;
}
const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));
const released = (fixture('releases/c0a84b3.json') as { results: Released[] }).results.slice(0, 2);
const model2 = (fixture('model-2/result-silos.json') as { code: string }).code;

async function check(page: Page, codes: string): Promise<string> {
  await page.goto('./hr.html');
  await page.getByLabel('Result codes').fill(codes);
  await page.getByRole('button', { name: 'Check the results' }).click();
  const status = page.locator('#v-status');
  await expect(status).toContainText(/\d+ records?:/, { timeout: 60_000 });
  return (await status.textContent()) ?? '';
}

test('HR’s page checks codes model 3 made, ranks them in model 3’s markets and keeps those', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const codes = released.map((r, i) => `trainee ${i + 1}: ${r.code}`).join('\n');
  const first = await check(page, codes);
  expect(first).toContain('2 records: 2 genuine');
  const rows = page.locator('.results tbody tr');
  for (const [i, r] of released.entries()) {
    await expect(rows.nth(i)).toContainText(String(r.score));
    await expect(rows.nth(i)).toContainText(`${r.fairScore} (`);
  }
  // kept in this browser as model 3's markets
  const kept = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('tow-censuses');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const store = db.transaction('markets').objectStore('markets');
    const all = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve) => {
        r.onsuccess = () => resolve(r.result);
      });
    const keys = await all(store.getAllKeys());
    const values = await all(store.getAll());
    return keys.map((k, i) => ({ key: String(k), model: (values[i] as { model: number }).model }));
  });
  expect(kept).toHaveLength(2);
  for (const k of kept) {
    expect(k.key).toMatch(/\|model 3$/);
    expect(k.model).toBe(3);
  }
  const wide = testInfo.outputPath('hr-model-3-1280.png');
  await page.screenshot({ path: wide, fullPage: true });
  await testInfo.attach('hr-model-3-1280x800', { path: wide, contentType: 'image/png' });

  // checked again: both markets come from the browser, with the same fair scores
  const again = await check(page, codes);
  expect(again).toContain('2 of 2 markets were already worked out in this browser.');
  for (const [i, r] of released.entries())
    await expect(rows.nth(i)).toContainText(`${r.fairScore} (`);
});

test('HR’s page still refuses a code of model 2, saying which models it replays', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const status = await check(page, `${released[0]!.code}\n${model2}`);
  expect(status).toContain('2 records: 1 genuine');
  await expect(page.locator('.results')).toContainText(
    'this result was made by model 2 of the simulation; this version of the game runs model 4, replays models 3 and 4, and cannot replay it',
  );
  const narrow = testInfo.outputPath('hr-model-2-360.png');
  await page.screenshot({ path: narrow, fullPage: true });
  // the table of results alone, where the reason is read
  await page
    .locator('.results')
    .screenshot({ path: testInfo.outputPath('hr-model-2-360-results.png') });
  await testInfo.attach('hr-model-2-360x740', { path: narrow, contentType: 'image/png' });
});
