import { readFileSync } from 'node:fs';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { parseCsv, unguard } from '../../src/lib/csv.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { playChoices, score } from '../../src/sim/index.ts';
import {
  attachScreenshot,
  clickListed,
  expectNoAxeViolations,
  ROOT,
  screenState,
  watchPage,
} from './helpers/game.ts';
import { roomServerForFile } from './helpers/room-server.ts';

// A whole live workshop against the real room server: the facilitator makes a gated room
// on the workshop page, five trainees join in their own browser contexts, the dashboard
// follows every join and decision as it happens, one trainee reloads mid-room and rejoins
// at the same quarter, the released debrief opens for everyone, the slides step with the
// arrow keys, the CSV the page downloads agrees with a replay of the choices by the model,
// and deleting the room tells the trainees.

const NAMES = ['Ana', 'Bo', 'Cy <i>', 'Dee', '=Eve'];
const SEED = 'room-e2e';

const server = roomServerForFile();

async function trainee(browser: Browser, link: string, name: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await page.getByLabel(/Your name/).fill(name);
  await page.getByRole('button', { name: 'Join the room' }).click();
  await expect(page.getByRole('heading', { name: 'Waiting for the room to start' })).toBeVisible();
  return page;
}

/** what the dashboard's split says for a reply: "n (p%)" */
const splitOf = (fac: Page, choice: string) =>
  fac.locator(`.decision .opt[data-choice="${choice}"] .num`).first();

test('a facilitator and five trainees play a gated room to the released debrief', async ({
  page: fac,
  browser,
}, testInfo) => {
  test.setTimeout(300_000);
  const problems = await watchPage(fac);
  await fac.setViewportSize({ width: 1280, height: 800 });
  await fac.goto(`${server.base}workshop.html#live`);
  await expect(fac.getByRole('heading', { name: 'Run a live room' })).toBeVisible();
  await expectNoAxeViolations(fac, 'the live room form');
  await fac.getByLabel('Scenario', { exact: true }).selectOption('tutorial');
  await fac.getByLabel('Seed (the market)').fill(SEED);
  await fac.getByRole('button', { name: 'Create the room' }).click();

  await expect(fac.getByText('Keep this link: it is your key to the room.')).toBeVisible();
  const code = (await fac.locator('.join-code').textContent())!.trim();
  expect(code).toMatch(/^[A-Z0-9]{6}$/);
  const adminLink = await fac.getByLabel('Your key to the room').inputValue();
  const secret = adminLink.split('.').at(-1)!;
  const joinLink = (await fac.locator('a.join-link').getAttribute('href'))!;
  expect(joinLink).toBe(`${server.base}index.html?room=${code}`);
  await expect(fac.locator('.qr img')).toBeVisible();
  await expect(fac.locator('.room-link')).toHaveText(/^Live/);

  const trainees: Page[] = [];
  for (const name of NAMES) {
    trainees.push(await trainee(browser, joinLink, name));
    // the roster follows each join as it happens
    await expect(fac.locator(`tr[data-player="${name}"] td`).nth(1)).toHaveText('● connected');
  }
  await expect(fac.locator('.roster tbody tr')).toHaveCount(5);
  // before the first quarter opens, nobody is counted as having decided anything
  await expect(fac.getByRole('heading', { name: /^Who is here/ })).toHaveText(
    'Who is here (5 joined, 5 connected, no quarter open yet)',
  );
  await attachScreenshot(fac, testInfo, 'facilitator-dashboard-1280');
  await expectNoAxeViolations(fac, 'the live dashboard');
  await attachScreenshot(trainees[0]!, testInfo, 'trainee-waiting');
  await expectNoAxeViolations(trainees[0]!, 'the trainee waiting screen');

  const played: string[][] = NAMES.map(() => []);
  const tutorial = loadScenario(readFileSync(`${ROOT}scenarios/tutorial.yaml`, 'utf8'), 'tutorial');
  if (!tutorial.ok) throw new Error('tutorial does not load');
  const quarters = tutorial.scenario.quarters;
  for (let q = 1; q <= quarters; q++) {
    await fac.getByRole('button', { name: `Open quarter ${q}` }).click();
    for (const [i, t] of trainees.entries()) {
      if (q === 2 && i === 0) {
        // a reload mid-room: the kept seat rejoins at the same quarter, nothing asked again
        await expect(t.locator('button.choice').first()).toBeVisible();
        await t.reload();
        await expect(t.locator('button.choice').first()).toBeVisible();
        expect(await screenState(t)).toMatchObject({ screen: 'play', quarter: 1 });
      }
      await expect(t.locator('button.choice').first()).toBeEnabled();
      // three take the first reply the file lists, two the second: a split to see
      const id = await clickListed(t, i < 3 ? 0 : 1);
      played[i]!.push(id);
      await t.getByRole('button', { name: /^(On to quarter \d+|See the debrief)$/ }).click();
      // the dashboard shows the decision live: that trainee now counts as decided
      await expect(fac.locator(`tr[data-player="${NAMES[i]}"] td`).nth(3)).toHaveText(
        `${q} of ${quarters}`,
      );
    }
    const first = played[0]![q - 1]!;
    const second = played[3]![q - 1]!;
    if (first !== second) {
      await expect(splitOf(fac, first)).toHaveText('3 (60%)');
      await expect(splitOf(fac, second)).toHaveText('2 (40%)');
    }
  }
  for (const t of trainees)
    await expect(t.getByRole('heading', { name: 'Your game is over' })).toBeVisible();
  await attachScreenshot(trainees[1]!, testInfo, 'trainee-over');

  // scores appear only once the debrief is released; then the trainees' debriefs open
  const firstRow = fac.locator('.roster tbody tr').first().locator('td');
  for (const n of [4, 5, 6]) await expect(firstRow.nth(n)).toHaveText('–');
  await expect(fac.locator('.roster-hint')).toHaveText(
    'Score, fair score and pass or fail show here once you release the debrief.',
  );
  await fac.getByRole('button', { name: 'Release the debrief' }).click();
  for (const t of trainees)
    await expect(t.getByRole('heading', { name: 'How your market went' })).toBeVisible();
  // beside the score, what decides the grade: the fair score and the verdict, as the
  // trainee's own debrief says them
  const mark = tutorial.scenario.rubric.passMark;
  await expect(fac.locator('.roster thead th').nth(6)).toHaveText(`Pass mark ${mark}`);
  const verdicts: { fair: string; pass: string }[] = [];
  for (const [i, name] of NAMES.entries()) {
    const expected = score(
      tutorial.scenario.rubric,
      playChoices(tutorial.scenario, SEED, played[i]!),
    );
    const cells = fac.locator(`tr[data-player="${name}"] td`);
    await expect(cells.nth(4)).toHaveText(String(expected));
    await expect(trainees[i]!.locator('.score-value')).toHaveText(String(expected));
    await expect(cells.nth(5)).toHaveText(/^\d+$/, { timeout: 60_000 });
    const fair = (await cells.nth(5).textContent())!;
    const pass = (await cells.nth(6).textContent())!;
    expect(pass).toBe(Number(fair) >= mark ? '✓ passed' : '✗ not passed');
    await expect(trainees[i]!.locator('.verdict')).toHaveText(
      `${Number(fair) >= mark ? '✓ Passed' : '✗ Not passed yet'}: your fair score is ${fair}, and the pass mark is ${mark}.`,
      { timeout: 60_000 },
    );
    verdicts.push({ fair, pass });
  }
  const passes = verdicts.filter((v) => v.pass === '✓ passed').length;
  await expect(fac.locator('.roster-hint')).toHaveText(
    `Pass or fail reads the fair score, as the debrief and the leaderboard do; the pass mark is ${mark}. Of 5 who finished, ${passes} passed.`,
  );
  await attachScreenshot(
    fac,
    testInfo,
    'facilitator-roster-released-1280',
    '.live-room .card:has(.roster)',
  );
  // the what-if stays closed until it is released
  await expect(trainees[2]!.getByText('opens when your facilitator releases it')).toBeVisible();
  // and the best path: once each debrief has explained the calls, none names it
  const bestNotes = async () => {
    let n = 0;
    for (const t of trainees) n += await t.locator('.best-note').count();
    return n;
  };
  for (const t of trainees)
    await expect(t.locator('section.causal')).toHaveAttribute('aria-busy', 'false');
  expect(await bestNotes()).toBe(0);
  await fac.getByRole('button', { name: 'Release the best path' }).click();
  await expect.poll(bestNotes).toBeGreaterThan(0);

  // the CSV the page downloads is the model's replay of the choices the trainees made
  const download = fac.waitForEvent('download');
  await fac.getByRole('button', { name: 'Download CSV' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  const [header, ...rows] = parseCsv(csv);
  const col = (name: string) => header!.indexOf(name);
  expect(rows).toHaveLength(5);
  for (const [i, name] of NAMES.entries()) {
    const row = rows.find((r) => unguard(r[col('name')]!) === name)!;
    expect(row, name).toBeDefined();
    const choices = Array.from({ length: quarters }, (_, q) => row[col(`q${q + 1}`)]);
    expect(choices).toEqual(played[i]);
    const state = playChoices(tutorial.scenario, SEED, played[i]!);
    expect(Number(row[col('score')])).toBe(score(tutorial.scenario.rubric, state));
    // the export names and gives both figures as the roster and the leaderboard do
    expect(row[col('fair score (percentile)')]).toBe(verdicts[i]!.fair);
    expect(row[col('passed')]).toBe(verdicts[i]!.pass === '✓ passed' ? 'yes' : 'no');
  }

  // the slides: one per quarter, then the leaderboard and style against outcome
  await fac.getByRole('button', { name: 'Show the slides' }).click();
  const slides = fac.getByRole('dialog', { name: `Room ${code}: slides` });
  await expect(slides.getByText(new RegExp(`^Quarter 1 of ${quarters}`))).toBeVisible();
  // a quarter's change is no verdict: one colour for gains and losses, and beside it where
  // each reply's takers ended, now that all have finished
  await expect(slides.getByText('this quarter only (points)')).toBeVisible();
  await expect(slides.getByText('mean final fair score', { exact: true })).toBeVisible();
  await expect(slides.getByText(/^A quarter's change is no verdict on a reply/)).toBeVisible();
  const fills = await slides
    .locator('g[data-choice] rect')
    .evaluateAll((rects) => rects.map((r) => r.getAttribute('fill')));
  expect(new Set(fills).size).toBeLessThanOrEqual(3);
  for (const id of new Set(played.map((p) => p[0]!))) {
    const takers = played.flatMap((p, i) => (p[0] === id ? [Number(verdicts[i]!.fair)] : []));
    const mean = Math.round(takers.reduce((a, b) => a + b, 0) / takers.length);
    await expect(slides.locator(`g[data-choice="${id}"] .ended`)).toHaveText(String(mean));
  }
  await fac.screenshot({ path: testInfo.outputPath('slide-quarter-1280.png') });
  await expectNoAxeViolations(fac, 'the slides');
  await fac.keyboard.press('ArrowRight');
  await expect(slides.getByText(new RegExp(`^Quarter 2 of ${quarters}`))).toBeVisible();
  await fac.keyboard.press('ArrowLeft');
  await expect(slides.getByText(new RegExp(`^Quarter 1 of ${quarters}`))).toBeVisible();
  for (let i = 0; i < quarters; i++) await fac.keyboard.press('ArrowRight');
  await expect(slides.getByRole('heading', { name: 'Leaderboard' })).toBeVisible();
  await expect(slides.locator('.board-row')).toHaveCount(5);
  await slides.getByRole('button', { name: 'Hide names' }).click();
  await expect(slides.locator('.board-row .name').first()).toHaveText('Player 1');
  await expect(slides.getByText('Ana')).toHaveCount(0);
  await fac.screenshot({ path: testInfo.outputPath('slide-board-1280.png') });
  await fac.keyboard.press('ArrowRight');
  await expect(slides.getByRole('heading', { name: 'Style against outcome' })).toBeVisible();
  // the dots stand at the figure the leaderboard ranks by, named so
  await expect(
    slides.getByRole('img', { name: /^Fair score against .* one dot per trainee/ }),
  ).toBeVisible();
  // trainees on one point share its dot; every one of them is named in a dot's tooltip
  const named = (await slides.locator('.scatter circle title').allTextContents()).join('\n');
  for (let i = 1; i <= 5; i++) expect(named).toContain(`Player ${i}:`);
  await fac.screenshot({ path: testInfo.outputPath('slide-style-1280.png') });
  await fac.keyboard.press('Escape');
  await expect(slides).toHaveCount(0);

  // a reload keeps the key: the room is listed and opens again
  await fac.reload();
  await fac.getByRole('button', { name: `Open room ${code}` }).click();
  await expect(fac.locator('.roster tbody tr')).toHaveCount(5);
  await fac.setViewportSize({ width: 360, height: 740 });
  await attachScreenshot(fac, testInfo, 'facilitator-dashboard-360');
  await expectNoAxeViolations(fac, 'the live dashboard on a phone');
  // on a phone the roster scrolls sideways from the keyboard, and a redraw (a trainee
  // leaving) keeps both the focus and how far it was scrolled
  const roster = fac.getByRole('region', { name: /^Who is here/ });
  await roster.focus();
  await fac.keyboard.press('ArrowRight');
  // the arrow scrolls smoothly: wait until it has come to rest, somewhere past the start
  let scrolled = -1;
  await expect
    .poll(
      async () => {
        const now = await roster.evaluate((e) => e.scrollLeft);
        const still = now > 0 && now === scrolled;
        scrolled = now;
        return still;
      },
      { intervals: [250] },
    )
    .toBe(true);
  await trainees[4]!.close();
  await expect(fac.locator(`tr[data-player="${NAMES[4]}"] td`).nth(1)).toHaveText('○ away');
  await expect(roster).toBeFocused();
  expect(await roster.evaluate((e) => e.scrollLeft)).toBe(scrolled);
  await trainees[3]!.setViewportSize({ width: 360, height: 740 });
  await attachScreenshot(trainees[3]!, testInfo, 'trainee-debrief-360');

  // deleting asks first, then tells the room
  await fac.getByRole('button', { name: 'Delete the room…' }).click();
  await fac.getByRole('button', { name: 'Delete for good' }).click();
  await expect(fac.getByText(`Room ${code} is deleted`)).toBeVisible();
  await expect(trainees[0]!.getByText('Your facilitator has closed this room')).toBeVisible();
  const gone = await fetch(`${server.base}api/rooms/${code}/admin`, {
    headers: { authorization: `Bearer ${secret}` },
  });
  expect(gone.status).toBe(404);
  expect(problems).toEqual([]);
});

test('an uploaded scenario with errors is refused with their positions, and nothing is made', async ({
  page,
}) => {
  await page.goto(`${server.base}workshop.html#live`);
  await page
    .getByLabel('Scenario', { exact: true })
    .selectOption({ label: 'A scenario file of my own…' });
  await page.getByLabel('Scenario file').setInputFiles({
    name: 'broken.yaml',
    mimeType: 'text/yaml',
    buffer: Buffer.from('id: broken\ntitle: Broken\nquarters: many\n'),
  });
  await page.getByRole('button', { name: 'Create the room' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The room was not created');
  // the server's lines, as scenario:check prints them: file:line:col: path: message
  await expect(alert.locator('li').first()).toHaveText(/^broken\.yaml:\d+:\d+: /);
  await expect(alert.getByText(/^broken\.yaml:3:\d+: quarters/)).toBeVisible();
  await expect(page.locator('.join-code')).toHaveCount(0);
});
