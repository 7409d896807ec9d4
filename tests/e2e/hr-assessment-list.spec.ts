import { expect, type Page, test } from '@playwright/test';
import { accountsText, PASSWORDS } from '../server/account-helpers.ts';
import { expectNoAxeViolations, shootAtBothSizes, watchPage } from './helpers/game.ts';
import { type RoomServer, startRoomServer } from './helpers/room-server.ts';

// HR's list of the assessments on the server, with a scenario whose title is long: the
// short columns ("Graded", "Due") keep their words whole on a laptop, where the table
// used to squeeze them to "Grade / d" and "non / e".

let server: RoomServer;
test.beforeAll(async () => {
  server = await startRoomServer(undefined, { TOW_ACCOUNTS: await accountsText() });
});
test.afterAll(async () => {
  await server?.stop();
});

/** An assessment made through the API with a long scenario title, as the list's first row. */
async function makeAssessment(title: string): Promise<void> {
  const made = await fetch(`${server.base}api/assignments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title,
      scenario: { kind: 'bundled', id: 'who-owns' },
      passMark: 60,
      attempts: 2,
      trainees: ['ana@example.com', 'ben@example.com'],
    }),
  });
  expect(made.status).toBe(201);
}

/** HR's page from the server at this size, signed in as HR: the list of assessments. */
async function listSignedIn(page: Page, size: { width: number; height: number }) {
  await page.setViewportSize(size);
  await page.goto(`${server.base}hr.html`);
  const panel = page.getByRole('group', { name: 'Sign in to the server' });
  await panel.getByLabel('Name').fill('hana');
  await panel.getByLabel('Password').fill(PASSWORDS.hana);
  await panel.getByRole('button', { name: 'Sign in' }).click();
  return page.getByRole('table', { name: 'Assessments on the server' });
}

test("the list of assessments keeps its short columns' words whole", async ({ page }) => {
  const problems = await watchPage(page);
  await makeAssessment('Key accounts, December');
  const list = await listSignedIn(page, { width: 1280, height: 800 });
  await expect(list).toContainText('Key accounts, December');

  // every word of a heading or a cell on one line
  const split = await list.evaluate((table) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest('button, code')) continue;
      for (const m of (node.textContent ?? '').matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        if (range.getClientRects().length > 1) out.push(m[0]);
      }
    }
    return out;
  });
  expect(split, 'words split over two lines').toEqual([]);
  await list.scrollIntoViewIfNeeded();
  await shootAtBothSizes(page, 'hr-assessment-list');
  expect(problems).toEqual([]);
});

test('on a phone, signed in as HR, the assessments on the server come before the static form', async ({
  page,
}) => {
  const problems = await watchPage(page);
  await makeAssessment('Key accounts, January');
  const list = await listSignedIn(page, { width: 360, height: 740 });
  await expect(list).toBeVisible();
  const top = (name: string) =>
    page
      .getByRole('heading', { level: 2, name })
      .evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  const onServer = await top('Assessments on the server');
  const assign = await top('Assign a scored session');
  const verify = await top('Verify results');
  // the server's section first, then the links that need no server, then the check
  expect(onServer).toBeLessThan(assign);
  expect(assign).toBeLessThan(verify);
  // signed in, the list of assessments starts within the first two screens of a phone
  const listTop = await list.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  expect(listTop, 'the list of assessments within two screens').toBeLessThan(2 * 740);
  await expect(page.locator('.lead')).toContainText('Assessments on this server come first');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: test.info().outputPath('hr-signed-in-top-360x740.png') });
  await list.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('hr-signed-in-list-360x740.png') });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: test.info().outputPath('hr-signed-in-top-1280x800.png') });
  await expectNoAxeViolations(page, 'HR’s page signed in, on the server');
  expect(problems).toEqual([]);
});
