import { expect, type Page, test } from '@playwright/test';
import { encodeRecord } from '../../src/record/code.ts';
import { makeRecord } from '../../src/record/record.ts';
import { MODEL_VERSION, playChoices } from '../../src/sim/index.ts';
import { bundled, styleChoices, workshopUrl } from '../workshop/e2e-codes.ts';
import { openGame, watchPage } from './helpers/game.ts';

// Games that must not be lost: a workshop's edited copy of a bundled scenario shares its
// id, and a result of another model is never replayed as if it were this one's.

async function playQuarters(page: Page, n: number) {
  for (let i = 0; i < n; i++) {
    // as a player who has read the situation (a press at once is taken for a double click)
    await page.waitForTimeout(550);
    await page.locator('button.choice').first().click();
    await page.locator('[data-next]').click();
  }
}

const saveKeys = (page: Page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('tow.save.'))
      .sort(),
  );

/** "Start from a bundled scenario": silos, then one edit; the page's own link to play it. */
async function editedSilos(page: Page): Promise<{ text: string; link: string }> {
  await page.goto('workshop.html');
  await page.getByLabel('Start from a bundled scenario').selectOption('silos');
  const editor = page.getByRole('textbox', { name: 'Scenario file (YAML)' });
  await expect(editor).toHaveValue(/^id: silos$/m);
  const text = await editor.inputValue();
  await editor.fill(text.replace(/^title: .*$/m, 'title: "Silos, our room\'s way"'));
  // checked: the link is the edited text's, not the one the check had before
  await expect(page.locator('strong', { hasText: "Silos, our room's way" })).toBeVisible();
  const link = await page.getByRole('link', { name: /Play it now/ }).getAttribute('href');
  expect(link).toMatch(/#w=/);
  return { text, link: link! };
}

test("the authoring page warns when an edited copy keeps a bundled scenario's id", async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const { text } = await editedSilos(page);
  const clash = page.locator('.issue.warning').filter({ hasText: 'is the id of the bundled' });
  await expect(clash).toContainText('"silos" is the id of the bundled scenario');
  await expect(clash).toContainText('give yours an id of its own');
  await expect(clash.locator('.pos')).toHaveText(`${text.split('\n').indexOf('id: silos') + 1}:1`);
  await clash.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('clash-1280.png') });
  await page.setViewportSize({ width: 360, height: 740 });
  await clash.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('clash-360.png') });
  // the bundled text itself, unchanged, is no clash
  await page.getByRole('textbox', { name: 'Scenario file (YAML)' }).fill(text);
  await expect(page.locator('.badge.ok')).toBeVisible();
  await expect(clash).toHaveCount(0);
});

test("games of a workshop's edited copy of silos and of silos itself never delete each other", async ({
  page,
}) => {
  const problems = await watchPage(page);
  const { link } = await editedSilos(page);
  // (the workshop page's own zod probe trips its CSP; the game's pages are what is checked)
  const fromGame = problems.length;
  // a trainee's practice game of the bundled silos, one quarter in
  await openGame(page, '?scenario=silos&seed=1');
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
  await playQuarters(page, 1);
  const practice = await saveKeys(page);
  expect(practice).toHaveLength(1);

  // the workshop's link: its own silos, two quarters in
  await page.goto(link);
  await page.waitForFunction(() => window.__TEST__?.ready === true);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Silos, our room's way");
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
  await playQuarters(page, 2);
  // a reload resumes the workshop's game where it was
  await page.reload();
  await page.waitForFunction(() => window.__TEST__?.ready === true);
  await expect(page.getByText('your game continues where you left it')).toBeVisible();
  await expect(page.locator('.kicker')).toContainText('Quarter 3');

  // both games are offered on the title screen, and both saves are still there
  await openGame(page);
  await expect(page.getByRole('button', { name: /^Resume / })).toHaveCount(2);
  await expect(page.getByRole('button', { name: "Resume Silos, our room's way" })).toBeVisible();
  const keys = await saveKeys(page);
  expect(keys).toHaveLength(2);
  expect(keys).toContain(practice[0]);
  await page.getByRole('button', { name: /^Resume (?!Silos, our)/ }).click();
  await expect(page.locator('.kicker')).toContainText('Quarter 2');
  expect(problems.slice(fromGame)).toEqual([]);
});

test('a save, a result code and a result file of another model say which model made them', async ({
  page,
  baseURL,
}, testInfo) => {
  const other = MODEL_VERSION + 1;
  // a real save of this model, written by the game, then as a later model writes it
  await openGame(page, '?scenario=tutorial&seed=3');
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
  await playQuarters(page, 1);
  const [key] = await saveKeys(page);
  const theirs = key!.replace(`.m${MODEL_VERSION}.`, `.m${other}.`);
  await page.evaluate(
    ([from, to, model]) => {
      const save = JSON.parse(localStorage.getItem(from!)!);
      localStorage.setItem(to!, JSON.stringify({ ...save, model: Number(model) }));
      localStorage.removeItem(from!);
    },
    [key, theirs, String(other)],
  );
  await openGame(page);
  const cannot = page.getByRole('region', { name: 'Saved games this version cannot resume' });
  await expect(cannot).toContainText(
    `it was made by model ${other} of the simulation; this version of the game runs model ${MODEL_VERSION}, replays models 3 and 4, and cannot replay it`,
  );
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: testInfo.outputPath('other-model-1280.png'), fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: testInfo.outputPath('other-model-360.png'), fullPage: true });
  // the same market, played afresh, is kept beside it
  await openGame(page, '?scenario=tutorial&seed=3');
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
  await playQuarters(page, 1);
  expect(await saveKeys(page)).toEqual([key, theirs].sort());

  // the class dashboard, handed a later model's code
  const silos = bundled('silos');
  const room = { name: 'Room 5', session: 'room-5', seed: '7', scenario: 'silos' };
  const state = playChoices(silos.scenario, room.seed, styleChoices(silos.scenario, 'directive'));
  const record = makeRecord(silos.scenario, silos.hash, state, {
    player: 'Ana',
    session: room.session,
  });
  await page.goto('workshop.html#dashboard');
  await page
    .locator('#dash-link')
    .fill(workshopUrl(new URL('index.html', baseURL!).toString(), room));
  await page.locator('#dash-link').dispatchEvent('change');
  await page
    .locator('#dash-codes')
    .fill(
      [
        encodeRecord(record, silos.scenario),
        encodeRecord({ ...record, model: other, player: 'Ben' }, silos.scenario),
      ].join('\n'),
    );
  await page.getByRole('button', { name: 'Add these codes' }).click();
  await expect(page.locator('table.leaderboard tbody tr')).toHaveCount(1);
  const rejected = page.getByRole('list', { name: 'Results not counted' }).locator('li');
  await expect(rejected).toHaveCount(1);
  await expect(rejected).toContainText(
    `this result was made by model ${other} of the simulation; this version of the game runs model ${MODEL_VERSION}, replays models 3 and 4, and cannot replay it`,
  );
});

test('a game model 3 saved before the update is offered, resumes and plays on by its rules', async ({
  page,
}, testInfo) => {
  // a real save of this model, written by the game, then as model 3's game kept it
  await openGame(page, '?scenario=tutorial&seed=3');
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
  await playQuarters(page, 1);
  const [key] = await saveKeys(page);
  const kept = key!.replace(`.m${MODEL_VERSION}.`, '.m3.');
  await page.evaluate(
    ([from, to]) => {
      const save = JSON.parse(localStorage.getItem(from!)!);
      localStorage.setItem(to!, JSON.stringify({ ...save, model: 3 }));
      localStorage.removeItem(from!);
    },
    [key, kept],
  );
  await openGame(page);
  await expect(
    page.getByRole('region', { name: 'Saved games this version cannot resume' }),
  ).toHaveCount(0);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: testInfo.outputPath('model-3-save-1280.png'), fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: testInfo.outputPath('model-3-save-360.png'), fullPage: true });
  await page
    .getByRole('button', { name: /^Resume / })
    .first()
    .click();
  await expect(page.locator('.kicker')).toContainText('Quarter 2');
  // the game in the page plays by model 3's rules
  expect(await page.evaluate(() => window.__TEST__!.store.getState().entry?.scenario.model)).toBe(
    3,
  );
  await playQuarters(page, 1);
  // kept where it was, as model 3's, two quarters in; nothing under this model's key
  expect(await saveKeys(page)).toEqual([kept]);
  const save = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)!), kept);
  expect(save).toMatchObject({ model: 3 });
  expect(save.choices).toHaveLength(2);
  await page.screenshot({ path: testInfo.outputPath('model-3-resumed-360.png'), fullPage: true });
});
