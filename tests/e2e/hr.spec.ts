import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type Route, test } from '@playwright/test';
import { traineeSeed } from '../../src/hr/binding.ts';
import { parseCsv } from '../../src/lib/csv.ts';
import { decodeRecord, encodeRecord } from '../../src/record/code.ts';
import { makeRecord } from '../../src/record/record.ts';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { census, marketName, percentile, playPolicy, score } from '../../src/sim/index.ts';
import { makeLinks, playLink } from './helpers/hr.ts';

const shelf = new Map(loadBundledScenarios().map((b) => [b.scenario.id, b]));

// HR's page in Chromium: assign, play the assigned game through its link, verify the
// result code it gives (and a forged one), and export the cohort.

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
  // no links file: the assignment this browser made, which the results name
  await expect(status).toContainText(
    /checked against the assignment this browser remembers that the results name, \S+ \(tutorial, 3 trainees\)/,
  );
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
  expect(lines[0]).toMatch(/^trainee,assignment,scenario,status,passed,best_fair_score/);
  // every assigned trainee has a row, the one who sent nothing too
  expect(lines).toHaveLength(4);
  expect(
    lines.some((l) => l.startsWith(`"'=HYPERLINK(""http://evil"")"`) && l.includes('no result')),
  ).toBe(true);
  expect(lines.some((l) => l.startsWith("'<img") || l.startsWith('<img'))).toBe(true);

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  expect(errors).toEqual([]);
});

test('an attempt over the limit and a late result do not pass in the cohort HR downloads; every trainee has a row', async ({
  page,
}) => {
  const links = await makeLinks(page, 'alice\nbob\ncarol\ndave', {
    pass: '0',
    attempts: '1',
    due: '2026-03-31',
  });
  const linksDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the links (CSV)' }).click();
  const linksFile = (await (await linksDownload).path())!;

  // the trainees' clocks: alice and bob finish in time, carol a day late
  await page.clock.setFixedTime(new Date('2026-03-30T16:00:00'));
  await playLink(page, links[0]!);
  const aliceDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download the result file' }).click();
  const aliceFile = (await (await aliceDownload).path())!;
  const bobFirst = await playLink(page, links[1]!);
  // his one attempt used, bob's debrief offers no other that could count: only practice,
  // marked as such
  await expect(page.getByText('Attempt 1 of 1. No attempt left.')).toBeVisible();
  await expect(page.getByRole('button', { name: /Replay this market|Start attempt/ })).toHaveCount(
    0,
  );
  await expect(
    page.getByRole('button', { name: 'Play this market again (practice, not graded)' }),
  ).toBeVisible();
  // a code of a second attempt all the same ("attempt 2 of 1", as the page once let a
  // trainee play and another copy of it still may): HR's check must not pass it
  const decodedBob = decodeRecord(bobFirst, shelf);
  if (!decodedBob.ok) throw new Error(decodedBob.error);
  const bob = encodeRecord({ ...decodedBob.record, attempt: 2 }, shelf.get('tutorial')!.scenario);
  await page.clock.setFixedTime(new Date('2026-04-01T09:00:00'));
  const carol = await playLink(page, links[2]!);

  await page.goto('./hr.html');
  await page.getByLabel('Result codes').fill(`Bob wrote: ${bob}\n\nCarol wrote: ${carol}`);
  await page.getByLabel('Result files and the links file').setInputFiles([
    { name: 'tow-alice.json', mimeType: 'application/json', buffer: readFileSync(aliceFile) },
    { name: 'links.csv', mimeType: 'text/csv', buffer: readFileSync(linksFile) },
  ]);
  await page.getByRole('button', { name: 'Check the results' }).click();
  const status = page.locator('#v-status');
  await expect(status).toContainText('3 records: 3 genuine (1 passed)');
  await expect(status).toContainText('4 trainees, 1 of them sent nothing');
  const rows = page.locator('.results tbody tr');
  await expect(rows.filter({ hasText: 'bob' })).toContainText(
    'pass does not count: over the limit',
  );
  await expect(rows.filter({ hasText: 'carol' })).toContainText('pass does not count: late');
  for (const [w, h] of [
    [1280, 800],
    [360, 740],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.locator('.results').scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath(`hr-rules-${w}.png`) });
    // why a pass does not count is read on a phone without scrolling sideways: each record
    // is a card whose lines carry their column's name
    const why = rows.filter({ hasText: 'carol' }).getByText('does not count: late');
    await why.scrollIntoViewIfNeeded();
    const box = (await why.boundingBox())!;
    expect(box.x + box.width, `${w}px wide`).toBeLessThanOrEqual(w);
  }
  await expect(rows.filter({ hasText: 'carol' }).locator('td[data-label="Result"]')).toContainText(
    'does not count: late',
  );

  const cohortDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the cohort (CSV)' }).click();
  const [head, ...lines] = parseCsv(
    readFileSync((await (await cohortDownload).path())!, 'utf8').replace(/^\uFEFF/, ''),
  );
  const cols = [
    'trainee',
    'status',
    'passed',
    'attempts_allowed',
    'attempts_used',
    'over_limit',
    'due',
    'finished_on',
    'late',
  ];
  expect(lines.map((l) => cols.map((c) => l[head!.indexOf(c)]))).toEqual([
    ['alice', 'passed', 'yes', '1', '1', 'no', '2026-03-31', '2026-03-30', 'no'],
    ['bob', 'over the limit or late only', 'no', '1', '2', 'yes', '2026-03-31', '2026-03-30', 'no'],
    [
      'carol',
      'over the limit or late only',
      'no',
      '1',
      '1',
      'no',
      '2026-03-31',
      '2026-04-01',
      'yes',
    ],
    ['dave', 'no result', 'no', '1', '0', 'no', '2026-03-31', '', ''],
  ]);
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

/**
 * Result codes of `n` trainees, each on a market of their own (silos, 8 quarters), and
 * the fair-score cell the page should show for each, as the Node model ranks it. Given an
 * assignment (its id and seed), each trainee plays the market its link dealt them.
 */
function ownMarkets(
  n: number,
  assignment?: { session: string; seed: string },
): { codes: string; expected: string[] } {
  const silos = shelf.get('silos')!;
  const expected: string[] = [];
  const codes: string[] = [];
  for (let t = 0; t < n; t++) {
    const player = `t${t}`;
    const seed = assignment
      ? traineeSeed(assignment.session, assignment.seed, player)
      : `cohort-${t}`;
    const { state } = playPolicy(silos.scenario, seed, t % 2 ? 'collaborative' : 'random');
    const raw = score(silos.scenario.rubric, state);
    expected.push(`(${percentile(census(silos.scenario, seed), raw)}%)`);
    const rec = makeRecord(silos.scenario, silos.hash, state, {
      player,
      ...(assignment ? { session: assignment.session, attempt: 1 } : {}),
    });
    codes.push(`${player}: ${encodeRecord(rec, silos.scenario)}`);
  }
  return { codes: codes.join('\n'), expected };
}

/** Each graded row's fair-score percentile, as "(89.4%)" (the rows of trainees who sent nothing have none). */
async function fairCells(page: Page): Promise<string[]> {
  const fair = await page
    .locator('.results tbody tr:not(.none)')
    .evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[5]?.textContent ?? ''));
  return fair.map((f) => f.replace(/^\d+ /, ''));
}

/** Checks the codes on HR's page; the status line and each row's fair-score percentile. */
async function check(page: Page, codes: string, records: number) {
  await page.goto('./hr.html');
  await page.getByLabel('Result codes').fill(codes);
  await page.getByRole('button', { name: 'Check the results' }).click();
  const status = page.locator('#v-status');
  await expect(status).toContainText(`${records} records: ${records} genuine`);
  return { status: (await status.textContent()) ?? '', fair: await fairCells(page) };
}

/** HR's page with silos chosen for a new assignment, and that assignment's id and seed. */
async function silosAssignment(page: Page): Promise<{ session: string; seed: string }> {
  await page.goto('./hr.html');
  await page.getByLabel('Scenario').selectOption('silos');
  return {
    session: await page.getByLabel('Assignment id').inputValue(),
    seed: await page.getByLabel('Seed', { exact: true }).inputValue(),
  };
}

/** Links made for trainees t0, t1, … on the assignment form as it stands. */
async function makeLinksFor(page: Page, trainees: number): Promise<void> {
  const ids = Array.from({ length: trainees }, (_, t) => `t${t}`);
  await page.getByLabel('Trainee ids').fill(ids.join('\n'));
  await page.getByRole('button', { name: 'Make the links' }).click();
}

test('results from many markets are ranked in census workers, each as the Node model ranks it', async ({
  page,
}) => {
  // a market of their own for each of 12 trainees: 12 censuses, shared among a few workers
  const { codes, expected } = ownMarkets(12);
  const first = await check(page, codes, 12);
  expect(first.fair).toEqual(expected);
  expect(first.status).not.toContain('already worked out');

  // checked again, as more results come in: the markets come from the browser's store
  const again = await check(page, codes, 12);
  expect(again.status).toContain('12 of 12 markets were already worked out in this browser.');
  expect(again.fair).toEqual(expected);

  // a damaged entry is worked out again
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('tow-censuses');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const store = db.transaction('markets', 'readwrite').objectStore('markets');
    const keys = await new Promise<IDBValidKey[]>((resolve) => {
      const r = store.getAllKeys();
      r.onsuccess = () => resolve(r.result);
    });
    const second = await new Promise<{ census: unknown; par: { policy: string }[] }>((resolve) => {
      const r = store.get(keys[1]!);
      r.onsuccess = () => resolve(r.result);
    });
    // one entry cut short, one whole census whose par lines lost the best one
    store.put({ census: { count: 3 }, par: [] }, keys[0]!);
    store.put({ ...second, par: second.par.filter((p) => p.policy !== 'best') }, keys[1]!);
    await new Promise((resolve) => {
      store.transaction.oncomplete = resolve;
    });
  });
  const mended = await check(page, codes, 12);
  expect(mended.status).toContain('10 of 12 markets were already worked out in this browser.');
  expect(mended.fair).toEqual(expected);
});

test('the page works out the trainees’ markets as soon as the links are made, and the check finds them ready', async ({
  page,
}) => {
  const assignment = await silosAssignment(page);
  await makeLinksFor(page, 12);
  await expect(page.locator('#a-markets')).toHaveText(
    "All 12 markets are ready in this browser: checking these trainees' results here will not work them out again.",
    { timeout: 60_000 },
  );

  const { codes, expected } = ownMarkets(12, assignment);
  const checked = await check(page, codes, 12);
  expect(checked.status).toContain('12 of 12 markets were already worked out in this browser.');
  expect(checked.fair).toEqual(expected);
});

test('a check started while markets are worked out ahead stops that work and grades as Node does', async ({
  page,
}) => {
  // The census workers' script is held back until the check has started, as on a slow
  // connection: forty markets take a browser well under a second now, so without it the
  // work ahead could end before the click and there would be nothing left to stop.
  const held: Route[] = [];
  let holding = true;
  await page.route('**/census.worker-*.js', (route) =>
    holding ? held.push(route) : route.continue(),
  );
  const assignment = await silosAssignment(page);
  const { codes, expected } = ownMarkets(6, assignment);
  await page.getByLabel('Result codes').fill(codes);
  await makeLinksFor(page, 40);
  const ahead = page.locator('#a-markets');
  await expect(ahead).toContainText("Working out the trainees' markets");
  await expect(ahead).toContainText('0 of 40 done…');
  await page.getByRole('button', { name: 'Check the results' }).click();
  // the check stops the work ahead before it computes anything of its own
  await expect(ahead).toHaveText(
    "Stopped while results are checked: the markets worked out so far are kept; the others are worked out when their trainees' results are checked.",
  );
  expect(held.length, 'the census workers were held back').toBeGreaterThan(0);
  holding = false;
  for (const route of held.splice(0)) await route.continue();
  await expect(page.locator('#v-status')).toContainText('6 records: 6 genuine');
  await expect(ahead).toHaveText(
    "Stopped while results are checked: the markets worked out so far are kept; the others are worked out when their trainees' results are checked.",
  );
  expect(await fairCells(page)).toEqual(expected);
});

test('a browser without storage, or one that refuses it, still grades every result', async ({
  browser,
}) => {
  const { codes, expected } = ownMarkets(4);
  for (const [what, script] of [
    ['no IndexedDB', 'Object.defineProperty(window, "indexedDB", { value: undefined });'],
    [
      'storage refused',
      'IDBObjectStore.prototype.put = function () { throw new DOMException("full", "QuotaExceededError"); };',
    ],
  ] as const) {
    const context = await browser.newContext();
    await context.addInitScript(script);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const r = await check(page, codes, 4);
    expect(r.fair, what).toEqual(expected);
    if (what === 'storage refused') {
      expect(r.status).toContain('This browser would not keep the markets for the next check');
    } else expect(r.status).not.toContain('would not keep');
    // making links: the markets are worked out ahead only where they can be kept
    await page.goto('./hr.html');
    await page.getByLabel('Trainee ids').fill('ann\nbo');
    await page.getByRole('button', { name: 'Make the links' }).click();
    await expect(page.locator('input.url')).toHaveCount(2);
    const ahead = page.locator('#a-markets');
    if (what === 'storage refused') {
      await expect(ahead).toHaveText(/^This browser would not keep the markets/);
    } else {
      // no IndexedDB: nothing to gain, so nothing starts and nothing is said
      await page.waitForTimeout(300);
      await expect(ahead).toHaveText('');
    }
    expect(errors, what).toEqual([]);
    await context.close();
  }
});

test('the scenario picker says whether a colleague’s best replies carry over to another trainee’s market', async ({
  page,
}) => {
  await page.goto('./hr.html');
  const picker = page.locator('#a-scenario');
  const hint = page.locator('#a-scenario-hint');
  // each bundled scenario, in turn: the line follows the choice and names its situations
  for (const { scenario } of shelf.values()) {
    await picker.selectOption(scenario.id);
    if (scenario.markets) {
      await expect(hint).toContainText(`Deals ${scenario.markets.length} starting situations`);
      // by the names the scenario gives them, each in quotes (a name may hold a comma)
      for (const m of scenario.markets) await expect(hint).toContainText(`“${marketName(m)}”`);
      // and, honestly, that some copies still pass
      await expect(hint).toContainText('usually score lower. Some still reach a pass mark of 75');
    } else {
      await expect(hint).toContainText('still score at the top');
    }
  }
  // the line is the picker's description for a screen reader
  await expect(picker).toHaveAttribute('aria-describedby', 'a-scenario-hint');
  await picker.selectOption('silos');
  await page.setViewportSize({ width: 360, height: 740 });
  await picker.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('hr-scenario-hint-360.png') });
  const axe = await new AxeBuilder({ page }).include('#a-scenario-hint').analyze();
  expect(axe.violations).toEqual([]);
});
