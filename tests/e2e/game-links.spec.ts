import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { linkQuery } from '../../src/links/links.ts';
import { decodeRecord } from '../../src/record/code.ts';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import type { ScenarioDef } from '../../src/sim/index.ts';

// result codes pack the choices against their scenario: decoding needs the scenarios
const shelf = (...extra: ScenarioDef[]) =>
  new Map(
    [...loadBundledScenarios().map((b) => b.scenario), ...extra].map((scenario) => [
      scenario.id,
      { scenario },
    ]),
  );

import { clickListed, expectNoAxeViolations, openGame, ROOT, watchPage } from './helpers/game.ts';

// The addresses that start a game: a plain market, a workshop's link, an assignment's
// link, and a damaged link, which must say so and offer a way on.

async function finish(page: import('@playwright/test').Page) {
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
  while ((await page.locator('.debrief').count()) === 0) {
    const next = page.locator('[data-next]');
    if (await next.count()) await next.click();
    else await clickListed(page, 0);
  }
}

test('?scenario=ID&seed=N briefs that market', async ({ page }) => {
  await openGame(page, '?scenario=tutorial&seed=77');
  await expect(page.locator('.kicker')).toContainText('market #77');
  expect(await page.evaluate(() => window.__TEST__!.store.getState().sim!.seed)).toBe('77');
});

test('a link with its settings after "#" opens its market; another such link in the same tab opens its own', async ({
  page,
}) => {
  const problems = await watchPage(page);
  const workshop = (name: string, seed: string) =>
    linkQuery({ kind: 'workshop', name, session: `ws-${seed}`, seed, scenario: 'tutorial' });
  await openGame(page, `#${workshop('Faro', '21')}`);
  await expect(page.locator('.banner')).toHaveText('Workshop: Faro');
  await expect(page.locator('.kicker')).toContainText('market #21');
  // only the part after "#" changes: the browser does not load the page again by itself
  await page.evaluate(
    (hash) => {
      window.location.hash = hash;
    },
    workshop('Braga', '22'),
  );
  await expect(page.locator('.banner')).toHaveText('Workshop: Braga');
  await expect(page.locator('.kicker')).toContainText('market #22');
  expect(problems).toEqual([]);
});

test('a workshop link shows the workshop and its result code carries the session', async ({
  page,
}) => {
  const problems = await watchPage(page);
  const query = linkQuery({
    kind: 'workshop',
    name: 'Berlin <b>academy</b>',
    session: 'ws-42',
    seed: '9',
    scenario: 'tutorial',
  });
  await openGame(page, `?${query}`);
  // the name is shown as text, never as markup
  await expect(page.locator('.banner')).toHaveText('Workshop: Berlin <b>academy</b>');
  await expect(page.locator('.banner b')).toHaveCount(0);
  await expectNoAxeViolations(page, 'workshop briefing');
  await finish(page);
  // the class dashboard lists the game under the name the player gives
  await page.getByLabel('Your name, as the class dashboard should show it').fill('Ana <i>P</i>');
  const code = await page.getByLabel('Result code').inputValue();
  const decoded = decodeRecord(code, shelf());
  expect(decoded.ok).toBe(true);
  if (decoded.ok) {
    expect(decoded.record.session).toBe('ws-42');
    expect(decoded.record.seed).toBe('9');
    expect(decoded.record.scenario).toBe('tutorial');
    expect(decoded.record.player).toBe('Ana <i>P</i>');
  }
  // the result file holds the same record, and the same code beside it
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download the result file' }).click();
  const file = await download;
  const text = await (await file.createReadStream()).toArray();
  const saved = JSON.parse(Buffer.concat(text).toString('utf8'));
  expect(decoded.ok && saved.record).toEqual(decoded.ok ? decoded.record : null);
  expect(saved.code).toBe(code);
  // a new name makes a new file, and the last file is let go rather than kept in memory
  const link = page.getByRole('link', { name: 'Download the result file' });
  const before = (await link.getAttribute('href'))!;
  await page.getByLabel('Your name, as the class dashboard should show it').fill('Ana P.');
  await expect(link).not.toHaveAttribute('href', before);
  // (read through a download: the page's content policy lets it fetch nothing but its own)
  const readable = async (href: string) => {
    const started = page.waitForEvent('download');
    await page.evaluate((h) => {
      const a = document.createElement('a');
      a.href = h;
      a.download = 'check.json';
      a.click();
    }, href);
    return (await (await started).failure()) === null;
  };
  expect(await readable(before)).toBe(false);
  expect(await readable((await link.getAttribute('href'))!)).toBe(true);
  // the name is kept on this device: after a reload the debrief offers it again
  await page.reload();
  await page.waitForFunction(() => window.__TEST__?.ready === true);
  await expect(page.getByLabel('Your name, as the class dashboard should show it')).toHaveValue(
    'Ana P.',
  );
  expect(problems).toEqual([]);
});

test("a workshop link carrying the facilitator's own scenario plays it", async ({ page }) => {
  const problems = await watchPage(page);
  const yaml = readFileSync(`${ROOT}scenarios/tutorial.yaml`, 'utf8')
    .replace(/^id: .*$/m, 'id: our-own-market')
    .replace(/^title: .*$/m, 'title: "Our own <i>market</i>"');
  const query = linkQuery({ kind: 'workshop', name: 'Lisbon', session: 'ws-own', seed: '5', yaml });
  await openGame(page, `?${query}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Our own <i>market</i>');
  await finish(page);
  const own = loadScenario(yaml, 'own.yaml');
  if (!own.ok) throw new Error('the test scenario must be valid');
  const decoded = decodeRecord(
    await page.getByLabel('Result code').inputValue(),
    shelf(own.scenario),
  );
  expect(decoded.ok && decoded.record.scenario).toBe('our-own-market');
  expect(decoded.ok && decoded.record.session).toBe('ws-own');
  expect(problems).toEqual([]);
});

test("a game on a workshop's own scenario is offered again on the title screen", async ({
  page,
}) => {
  const yaml = readFileSync(`${ROOT}scenarios/tutorial.yaml`, 'utf8')
    .replace(/^id: .*$/m, 'id: our-own-market')
    .replace(/^title: .*$/m, 'title: "Our own market"');
  const query = linkQuery({ kind: 'workshop', name: 'Lisbon', session: 'ws-own', seed: '5', yaml });
  await openGame(page, `?${query}`);
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
  await clickListed(page, 0);
  const before = await page.evaluate(() => JSON.stringify(window.__TEST__!.store.getState().sim));
  await openGame(page);
  await page.getByRole('button', { name: 'Resume Our own market' }).click();
  // it opens where the player left it: on the first quarter's outcome
  await expect(page.locator('.kicker')).toContainText('Quarter 1 of 4 · outcome');
  expect(await page.evaluate(() => JSON.stringify(window.__TEST__!.store.getState().sim))).toBe(
    before,
  );
});

test('a workshop link whose own scenario is broken says where', async ({ page }) => {
  const query = linkQuery({
    kind: 'workshop',
    name: 'Lisbon',
    session: 'ws-bad',
    seed: '5',
    yaml: 'id: x\ntitle: [unclosed',
  });
  await openGame(page, `?${query}`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'This link cannot be opened' }),
  ).toBeVisible();
  await expect(page.locator('.lead')).toContainText('line');
});

test('an assignment link says it is assessed, and its record names the trainee', async ({
  page,
}) => {
  const query = linkQuery({
    kind: 'assignment',
    session: 'hr-7',
    scenario: 'tutorial',
    seed: '11',
    trainee: 'T-0042',
    attempts: 2,
    passMark: 60,
    due: '2026-12-31',
  });
  await openGame(page, `?${query}`);
  await expect(page.locator('.banner')).toContainText('Assessed session');
  await expect(page.locator('.banner')).toContainText('trainee T-0042');
  await expect(page.locator('.banner')).toContainText('pass mark 60');
  // the briefing already says which attempt this game will be, before it counts
  await expect(page.locator('.banner')).toContainText('attempt 1 of 2');
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
  await expect(page.locator('.situation .kicker')).toContainText(
    'Quarter 1 of 4 · assessed, attempt 1 of 2',
  );
  await page.locator('.situation').waitFor();
  while ((await page.locator('.debrief').count()) === 0) {
    const next = page.locator('[data-next]');
    if (await next.count()) await next.click();
    else await clickListed(page, 0);
  }
  await expect(page.locator('.banner')).toContainText('attempt 1 of 2');
  await expect(page.locator('.verdict')).toContainText('the pass mark is 60');
  const decoded = decodeRecord(await page.getByLabel('Result code').inputValue(), shelf());
  expect(decoded.ok && decoded.record.player).toBe('T-0042');
  expect(decoded.ok && decoded.record.attempt).toBe(1);
  // an attempt remains, so no verdict on any reply, nor how many were the strongest
  await expect(page.locator('.closed-verdicts')).toBeVisible();
  await expect(page.locator('.debrief')).not.toContainText(
    /strongest in the game you built|points or more against another reply/,
  );
});

test('on a phone the result code of a long assignment is in sight whole', async ({ page }) => {
  // a long assignment id and a trainee's full name make a code of five lines at 390 px: a
  // box of three cut its last line through, which looked like a code cut short
  await page.setViewportSize({ width: 390, height: 844 });
  const query = linkQuery({
    kind: 'assignment',
    session: 'academie-des-ventes-2026-12-printemps',
    scenario: 'tutorial',
    seed: '11',
    trainee: 'Łukasz Brzęczyszczykiewicz-Nowakowski',
    attempts: 2,
    passMark: 60,
  });
  await openGame(page, `?${query}`);
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
  await page.locator('.situation').waitFor();
  while ((await page.locator('.debrief').count()) === 0) {
    const next = page.locator('[data-next]');
    if (await next.count()) await next.click();
    else await clickListed(page, 0);
  }
  const code = page.locator('#result-code');
  await code.scrollIntoViewIfNeeded();
  // about 38 characters a line at this width
  expect((await code.inputValue()).length, 'a code longer than three lines').toBeGreaterThan(160);
  expect(await code.evaluate((t) => t.scrollHeight - t.clientHeight)).toBeLessThanOrEqual(1);
  await page.screenshot({ path: test.info().outputPath('assessed-code-phone.png') });
});

test("an assignment's next attempt, which starts at its first quarter, names itself there", async ({
  page,
}) => {
  const query = linkQuery({
    kind: 'assignment',
    session: 'hr-9',
    scenario: 'tutorial',
    seed: '13',
    trainee: 'T-0044',
    attempts: 2,
    passMark: 60,
  });
  await openGame(page, `?${query}`);
  await finish(page);
  await page.getByRole('button', { name: 'Start attempt 2 of 2' }).click();
  await expect(page.locator('.situation .kicker')).toContainText(
    'Quarter 1 of 4 · assessed, attempt 2 of 2',
  );
});

test('practice between two attempts of an assignment link keeps the answer key closed', async ({
  page,
}) => {
  const query = linkQuery({
    kind: 'assignment',
    session: 'hr-8',
    scenario: 'tutorial',
    seed: '12',
    trainee: 'T-0043',
    attempts: 2,
    passMark: 60,
  });
  await openGame(page, `?${query}`);
  await finish(page);
  await expect(page.getByRole('button', { name: 'Start attempt 2 of 2' })).toBeVisible();

  await page.getByRole('button', { name: 'Play a new market (practice, not graded)' }).click();
  await finish(page);
  // the outcomes and the fair score against the assignment's mark, but no answers
  await expect(page.locator('.verdict')).toContainText('60 a graded game');
  const closed = page.locator('.closed-note[data-why="rehearsal"]');
  await expect(closed).toBeVisible();
  await expect(page.locator('.par-closed')).toBeVisible();
  await expect(page.locator('.par-table')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /What if I had chosen differently/ })).toHaveCount(
    0,
  );
  // and so does practice started from it
  await page.getByRole('button', { name: 'New market' }).click();
  await finish(page);
  await expect(closed).toBeVisible();
  await expect(page.locator('.par-table')).toHaveCount(0);
});

test('a damaged link says so and offers a practice game', async ({ page }) => {
  const query = linkQuery({
    kind: 'workshop',
    name: 'Room',
    session: 's',
    seed: '1',
    scenario: 'tutorial',
  });
  await openGame(page, `?${query.slice(0, -6)}`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'This link cannot be opened' }),
  ).toBeVisible();
  await expect(page.locator('.lead')).toContainText('damaged');
  await page.getByRole('button', { name: 'Play a practice market' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a market' })).toBeVisible();
});

test('a link to an unknown scenario says which', async ({ page }) => {
  await openGame(page, '?scenario=atlantis&seed=1');
  await expect(page.locator('.lead')).toContainText('"atlantis"');
});
