import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { parseCsv } from '../../src/lib/csv.ts';
import {
  bundled,
  randomChoices,
  styleChoices,
  trainee,
  traineeFile,
  workshopUrl,
} from '../workshop/e2e-codes.ts';

// The class dashboard with a room of trainees whose codes were made by the record API.

const silos = bundled('silos');
const ROOM = { name: 'Berlin sales academy', session: 'e2e-room', seed: '7', scenario: 'silos' };

async function openWorkshop(page: Page, baseURL: string): Promise<void> {
  page.on('dialog', () => {
    throw new Error('a dialog opened: trainee text ran as code');
  });
  await page.goto('workshop.html#dashboard');
  const url = workshopUrl(new URL('index.html', baseURL).toString(), ROOM);
  await page.locator('#dash-link').fill(url);
  await page.locator('#dash-link').dispatchEvent('change');
  await expect(page.getByRole('heading', { name: ROOM.name })).toBeVisible();
  // the Workshop list names the open workshop, though it was opened from its link
  await expect(page.getByLabel('Workshop', { exact: true })).toHaveValue(ROOM.session);
  await expect(page.locator('#dash-workshop option:checked')).toHaveText(
    `${ROOM.name} — from its link`,
  );
}

/**
 * The share chart names each of `names` at its line's end: no name covers another, each
 * lies inside the chart, and the names stand in the order the lines end (top to bottom).
 */
async function expectEndNames(page: Page, names: readonly string[]): Promise<void> {
  const chart = page.locator('.dashboard .curves');
  const texts = chart.locator('svg.end-names text.end-name');
  await expect(texts).toHaveCount(names.length);
  const drawn = await texts.evaluateAll((ts) =>
    ts.map((t) => {
      const r = t.getBoundingClientRect();
      return {
        text: t.textContent ?? '',
        line: Number(t.getAttribute('data-line')),
        ...r.toJSON(),
      };
    }),
  );
  expect(drawn.map((d) => d.text).sort()).toEqual([...names].sort());
  const box = (await chart.locator('.u-wrap').boundingBox())!;
  for (const [i, a] of drawn.entries()) {
    expect(a.left).toBeGreaterThanOrEqual(box.x);
    expect(a.right).toBeLessThanOrEqual(box.x + box.width + 0.5);
    expect(a.top).toBeGreaterThanOrEqual(box.y - 0.5);
    expect(a.bottom).toBeLessThanOrEqual(box.y + box.height + 0.5);
    for (const b of drawn.slice(i + 1))
      expect(a.bottom <= b.top || b.bottom <= a.top || a.right <= b.left || b.right <= a.left).toBe(
        true,
      );
  }
  // top to bottom, the names follow the lines' last shares, highest first
  const last = await page
    .locator('.curves ~ .chart-table tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => Number.parseFloat(tr.querySelector('td:last-child')?.textContent ?? '')),
    );
  const byHeight = [...drawn].sort((a, b) => a.top - b.top).map((d) => last[d.line]!);
  expect(byHeight).toEqual([...byHeight].sort((a, b) => b - a));
}

test('three trainees are counted; a changed code and another room are rejected; CSV matches', async ({
  page,
  baseURL,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openWorkshop(page, baseURL!);
  const mk = (player: string, choices: string[], session = ROOM.session) =>
    trainee(silos, { player, session, seed: ROOM.seed, choices });
  const ana = mk('Ana', styleChoices(silos.scenario, 'directive'));
  const ben = mk('Ben', styleChoices(silos.scenario, 'collaborative'));
  const cy = mk(
    'Cy <img src=x onerror=alert(1)>',
    styleChoices(silos.scenario, 'collaborative', true),
  );
  const other = mk('Dee', styleChoices(silos.scenario, 'collaborative'), 'another-room');
  const vd = bundled('value-discipline');
  const elsewhere = trainee(vd, {
    player: 'Eli',
    session: 'vd-room',
    seed: ROOM.seed,
    choices: styleChoices(vd.scenario, 'collaborative'),
  });
  const i = 12;
  const changed = `${ben.code.slice(0, i)}${ben.code[i] === 'x' ? 'y' : 'x'}${ben.code.slice(i + 1)}`;

  await page
    .locator('#dash-codes')
    .fill(
      [
        `Ana: ${ana.code}`,
        ben.code,
        cy.code,
        changed,
        `from Dee: ${other.code}`,
        elsewhere.code,
        '',
      ].join('\n'),
    );
  await page.getByRole('button', { name: 'Add these codes' }).click();

  const rows = page.locator('table.leaderboard tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(page.getByRole('cell', { name: 'Cy <img src=x onerror=alert(1)>' })).toBeVisible();
  expect(await page.locator('.leaderboard img, .dashboard img').count()).toBe(0);
  const best = Math.max(ana.score, ben.score, cy.score);
  await expect(rows.first().locator('td').nth(3)).toHaveText(String(best));
  // the fair score arrives from the census worker, rounded as graders round it, and with it
  // the verdict against the pass mark
  await expect(rows.first().locator('td').nth(2)).toHaveText(/^\d+$/);
  await expect(rows.first().locator('td').nth(4)).toHaveText(/^(passed|not passed)$/);
  await expect(
    page.getByText(/^Ranked by fair score, the figure the pass mark \(\d+\) counts/),
  ).toBeVisible();

  const rejected = page.getByRole('list', { name: 'Results not counted' }).locator('li');
  await expect(rejected).toHaveCount(3);
  await expect(rejected.nth(0)).toContainText('line 4');
  await expect(rejected.nth(0)).toContainText('checksum does not match');
  await expect(rejected.nth(1)).toContainText('another session ("another-room")');
  // a code of another workshop, on another scenario: refused for that, not as unknown
  await expect(rejected.nth(2)).toContainText(
    `from another workshop (session "vd-room"): it was played on "${vd.scenario.title}"`,
  );

  // the first decision, counted here from the trainees' own choices; how each reply fared
  // is the mean fair score of those who took it, as on the leaderboard, not their points
  await expect(rows.locator('td:nth-child(3)')).toHaveText([/^\d+$/, /^\d+$/, /^\d+$/]);
  const fairOf = new Map(
    await rows.evaluateAll((trs) =>
      trs.map((tr) => {
        const td = tr.querySelectorAll('td');
        return [td[1]!.textContent ?? '', Number(td[2]!.textContent)] as const;
      }),
    ),
  );
  const first = page.locator('.decision').first();
  const room = [
    { ...ana, player: 'Ana' },
    { ...ben, player: 'Ben' },
    { ...cy, player: 'Cy <img src=x onerror=alert(1)>' },
  ];
  for (const option of silos.scenario.situations[0]!.choices) {
    const took = room.filter((t) => t.choices[0] === option.id);
    const cell = first.locator(`.opt[data-choice="${option.id}"]`);
    await expect(cell).toContainText(`${took.length} (${Math.round((took.length / 3) * 100)}%)`);
    const mean = took.reduce((s, t) => s + fairOf.get(t.player)!, 0) / Math.max(1, took.length);
    await expect(cell.locator('.mean-grade')).toHaveText(
      took.length ? `mean fair score ⌀ ${mean.toFixed(1)}` : 'mean fair score –',
    );
  }
  await expect(
    page.getByText(
      'Bars: who chose what. ⌀: the mean fair score of those who chose it (0–100, as on the leaderboard).',
    ),
  ).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('dashboard-1280.png'), fullPage: true });
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual(
    [],
  );

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const csv = parseCsv(readFileSync((await download.path())!, 'utf8'));
  const table = await rows.evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
  );
  expect(csv[0]![1]).toBe('player');
  expect(csv.slice(1).map((r) => [r[0], r[1], r[3]])).toEqual(table.map((r) => [r[0], r[1], r[3]]));

  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByRole('button', { name: 'Projector mode' }).click();
  await expect(page.locator('.dashboard.projector')).toBeVisible();
  await page.waitForTimeout(300);
  await page.screenshot({ path: testInfo.outputPath('dashboard-projector-1920.png') });
  await page.keyboard.press('Escape');
  await expect(page.locator('.dashboard.projector')).toHaveCount(0);
});

test('dropped result files are read, checked and named in the reasons', async ({
  page,
  baseURL,
}) => {
  await openWorkshop(page, baseURL!);
  const opts = { session: ROOM.session, seed: ROOM.seed };
  const fay = traineeFile(silos, {
    ...opts,
    player: 'Fay',
    choices: randomChoices(silos.scenario, 'f'),
  });
  const gus = traineeFile(silos, {
    ...opts,
    player: 'Gus',
    choices: randomChoices(silos.scenario, 'g'),
  });
  const file = (name: string, text: string) => ({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await page
    .getByLabel('Result files')
    .setInputFiles([
      file('fay.json', fay),
      file('gus.json', gus),
      file('gus-again.json', gus),
      file('notes.json', '{"hello": 1}'),
    ]);
  await expect(page.locator('table.leaderboard tbody tr')).toHaveCount(2);
  const rejected = page.getByRole('list', { name: 'Results not counted' }).locator('li');
  await expect(rejected).toHaveCount(2);
  await expect(rejected.nth(0)).toContainText('gus-again.json');
  await expect(rejected.nth(0)).toContainText('duplicate');
  await expect(rejected.nth(1)).toContainText('notes.json');
  // what was handed in survives a reload and is checked again
  await page.reload();
  await page
    .locator('#dash-link')
    .fill(workshopUrl(new URL('index.html', baseURL!).toString(), ROOM));
  await page.locator('#dash-link').dispatchEvent('change');
  await expect(page.locator('table.leaderboard tbody tr')).toHaveCount(2);
  // clearing asks first, in the page (openWorkshop fails on any browser dialog): Escape
  // keeps every result, and focus goes back to the button
  const clear = page.getByRole('button', { name: 'Clear all results' });
  await clear.click();
  const question = page.getByRole('dialog', {
    name: 'Remove every result of this workshop from this browser?',
  });
  await expect(question).toContainText('The 4 results handed in for "e2e-room"');
  await expect(page.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(question).toHaveCount(0);
  await expect(clear).toBeFocused();
  await expect(page.locator('table.leaderboard tbody tr')).toHaveCount(2);
  await clear.click();
  await page.getByRole('button', { name: 'Remove them' }).click();
  await expect(page.locator('table.leaderboard tbody tr')).toHaveCount(0);
  await expect(rejected).toHaveCount(0);
});

test('200 result codes are verified and shown quickly', async ({ page, baseURL }, testInfo) => {
  await openWorkshop(page, baseURL!);
  const codes = Array.from(
    { length: 200 },
    (_, n) =>
      trainee(silos, {
        player: `Trainee ${String(n + 1).padStart(3, '0')}`,
        session: ROOM.session,
        seed: ROOM.seed,
        choices: randomChoices(silos.scenario, String(n)),
      }).code,
  );
  await page.locator('#dash-codes').fill(codes.join('\n'));
  const ms = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const t0 = performance.now();
        const add = [...document.querySelectorAll('button')].find(
          (b) => b.textContent === 'Add these codes',
        )!;
        add.click();
        const poll = () => {
          if (document.querySelectorAll('table.leaderboard tbody tr').length === 200) {
            // one more frame: the rows are on screen, not just in the DOM
            requestAnimationFrame(() => resolve(performance.now() - t0));
          } else requestAnimationFrame(poll);
        };
        poll();
      }),
  );
  console.log(`200 result codes verified and shown in ${ms.toFixed(0)} ms`);
  testInfo.annotations.push({ type: 'timing', description: `200 codes: ${ms.toFixed(0)} ms` });
  await expect(page.locator('table.leaderboard tbody tr')).toHaveCount(200);
  expect(ms).toBeLessThan(3000);
});

test('a facilitator debriefs from it: pass count, named lines, a phone, projector keys and hidden names', async ({
  page,
  baseURL,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openWorkshop(page, baseURL!);
  const mk = (player: string, choices: string[]) =>
    trainee(silos, { player, session: ROOM.session, seed: ROOM.seed, choices });
  const room = [
    mk('Ana', styleChoices(silos.scenario, 'collaborative')),
    // the same game as Ana's: one point on the style chart, both named
    mk('Ben', styleChoices(silos.scenario, 'collaborative')),
    mk('Cy', styleChoices(silos.scenario, 'directive')),
    mk('Dee', styleChoices(silos.scenario, 'hands-off')),
    mk('Eli', randomChoices(silos.scenario, 'eli')),
  ];
  await page.locator('#dash-codes').fill(room.map((t) => t.code).join('\n'));
  await page.getByRole('button', { name: 'Add these codes' }).click();
  const rows = page.locator('table.leaderboard tbody tr');
  await expect(rows).toHaveCount(5);

  // the top figures: what decides the grade first, the points second
  await expect(page.locator('[data-kpi="passed"]')).toHaveText(/^\d of 5$/);
  const passes = await rows.locator('td:nth-child(5)').allTextContents();
  await expect(page.locator('[data-kpi="passed"]')).toHaveText(
    `${passes.filter((p) => p === 'passed').length} of 5`,
  );
  await expect(page.getByText(/^passed \(pass mark \d+\)$/)).toBeVisible();
  const fair = (await rows.locator('td:nth-child(3)').allTextContents()).map(Number);
  await expect(page.locator('[data-kpi="best-grade"]')).toHaveText(String(Math.max(...fair)));
  await expect(page.getByText('best fair score')).toBeVisible();
  await expect(page.getByText('mean score (points, not what is graded)')).toBeVisible();

  // every share line is named in the legend, in board order, and in a table
  const board = await rows.locator('td:nth-child(2)').allTextContents();
  const legend = page.locator('.curves .u-legend .u-series th');
  await expect(legend).toHaveText(['quarter', ...board].map((n) => new RegExp(`^${n}`)));
  const sharesCard = page.locator('.card', {
    has: page.getByRole('heading', { name: 'Market share, quarter by quarter' }),
  });
  await sharesCard.getByText('Show as a table').click();
  const shareTable = sharesCard.locator('.chart-table table');
  await expect(shareTable.locator('tbody th')).toHaveText(board);
  await expect(shareTable.locator('thead th')).toHaveCount(silos.scenario.quarters + 2);
  // the pointer reads out each trainee's share at that quarter
  await page.locator('.curves .u-over').hover({ position: { x: 5, y: 20 } });
  await expect(legend.nth(1).locator('xpath=..').locator('td')).toHaveText(/^\d+\.\d%$/);
  // without a pointer, each line is named at its end: every trainee, no name over another,
  // all inside the chart, each beside the height where its own line ends
  await expectEndNames(page, board);
  await page.locator('.dashboard .curves').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('dashboard-curves-1280.png') });

  // the style chart: Ana and Ben share a point, so one dot carries both names; no label
  // overlaps another or leaves the chart
  const scatter = page.locator('.dashboard .scatter');
  await expect(scatter.locator('circle')).toHaveCount(4);
  await expect(scatter.locator('text.dot-name', { hasText: 'Ana, Ben' })).toHaveCount(1);
  const boxes = await scatter.locator('text.dot-name').evaluateAll((ts) =>
    ts.map((t) => {
      const { x, y, width, height } = (t as SVGGraphicsElement).getBBox();
      return { x, y, width, height };
    }),
  );
  const chart = await scatter.evaluate((s) => ({
    width: (s as SVGSVGElement).viewBox.baseVal.width,
  }));
  for (const [i, a] of boxes.entries()) {
    expect(a.x).toBeGreaterThanOrEqual(0);
    expect(a.x + a.width).toBeLessThanOrEqual(chart.width);
    for (const b of boxes.slice(i + 1))
      expect(
        a.x + a.width <= b.x ||
          b.x + b.width <= a.x ||
          a.y + a.height <= b.y ||
          b.y + b.height <= a.y,
      ).toBe(true);
  }
  // the style chart's table names every trainee with a dot, in board order
  const styleCard = page.locator('.card', {
    has: page.getByRole('heading', { name: 'Style against outcome' }),
  });
  await styleCard.getByText('Show as a table').click();
  await expect(styleCard.locator('.chart-table tbody th')).toHaveText(board);
  // the split bars wear the game's style colours
  const firstBar = (style: string) =>
    page
      .locator('.decision .opt', { has: page.locator('.style-tag', { hasText: style }) })
      .first()
      .locator('.bar > div');
  await expect(firstBar('hands-off')).toHaveCSS('background-color', 'rgb(204, 121, 167)');
  await expect(firstBar('collaborative')).toHaveCSS('background-color', 'rgb(0, 158, 115)');
  await expect(firstBar('directive')).toHaveCSS('background-color', 'rgb(213, 94, 0)');
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual(
    [],
  );

  // a phone: the board becomes cards, and nothing runs off the side
  await page.setViewportSize({ width: 360, height: 740 });
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth))
    .toBe(0);
  await rows.first().scrollIntoViewIfNeeded();
  // the pass mark column, clipped before: inside the screen's width
  const cell = await rows.first().locator('td').nth(4).boundingBox();
  expect(cell!.x + cell!.width).toBeLessThanOrEqual(360);
  await page.screenshot({ path: testInfo.outputPath('dashboard-board-360.png') });
  // the names at the lines' ends keep apart and inside a phone's narrower chart too
  await expectEndNames(page, board);
  // the style chart is drawn at the phone's width: its text as large as the share chart's
  // axis text (12 px), not one wide drawing scaled down to 4 or 5 px
  await expect
    .poll(() =>
      scatter.evaluate((s) => Math.abs((s as SVGSVGElement).viewBox.baseVal.width - s.clientWidth)),
    )
    .toBeLessThanOrEqual(2);
  const smallest = await scatter.evaluate((svg) => {
    const scale = svg.clientWidth / (svg as SVGSVGElement).viewBox.baseVal.width;
    const sizes = [...svg.querySelectorAll('text')].map((t) =>
      Number.parseFloat(getComputedStyle(t).fontSize),
    );
    return Math.min(...sizes) * scale;
  });
  expect(smallest).toBeGreaterThanOrEqual(12);
  await scatter.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('dashboard-scatter-360.png') });
  await page.locator('.dashboard .curves').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('dashboard-curves-360.png') });

  // projector mode: Hide names, as on the room's slides, and the arrow keys step the cards
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('button', { name: 'Projector mode' }).click();
  await expect(page.locator('.dashboard.projector')).toBeVisible();
  await page.getByRole('button', { name: 'Hide names' }).click();
  await expect(page.getByRole('button', { name: 'Show names' })).toBeVisible();
  await expect(rows.locator('td:nth-child(2)')).toHaveText(board.map((_, i) => `Player ${i + 1}`));
  // the style chart's table as well as the share chart's
  await expect(page.locator('.dashboard .chart-table')).toHaveCount(2);
  for (const part of ['.leaderboard', '.scatter', '.curves', '.chart-table'])
    for (const shown of await page.locator(`.dashboard ${part}`).all())
      await expect(shown).not.toContainText(/\b(Ana|Ben|Cy|Dee|Eli)\b/);
  await expect(legend.nth(1)).toHaveText(/^Player 1/);
  await expectEndNames(
    page,
    board.map((_, i) => `Player ${i + 1}`),
  );

  await page.locator('body').press('ArrowRight');
  await expect(page.getByRole('heading', { name: 'Leaderboard' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('heading', { name: 'How the room decided' })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('heading', { name: 'Leaderboard' })).toBeFocused();
  await page.screenshot({ path: testInfo.outputPath('dashboard-projector-hidden.png') });
  // still named once the keys have stepped through the cards
  await page.locator('.dashboard .curves').scrollIntoViewIfNeeded();
  await expectEndNames(
    page,
    board.map((_, i) => `Player ${i + 1}`),
  );
  await page.screenshot({ path: testInfo.outputPath('dashboard-projector-curves.png') });
  await page.keyboard.press('Escape');
  await expect(page.locator('.dashboard.projector')).toHaveCount(0);

  // the export: one share format, a column per style, the replies in words
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const [head, ...lines] = parseCsv(readFileSync((await download.path())!, 'utf8'));
  for (const style of silos.scenario.styles) expect(head).toContain(`${style} %`);
  const share = head!.indexOf('final share %');
  for (const line of lines) expect(line[share]).toMatch(/^\d+\.\d$/);
  const firstReply = silos.scenario.situations[0]!.choices.find(
    (c) => c.id === room[0]!.choices[0],
  )!.label;
  const ana = lines.find((l) => l[1] === 'Ana')!;
  expect(ana[head!.indexOf('replies')]).toContain(`Q1: ${firstReply}`);
});

test('a workshop opened from its link keeps its results over a reload, beside one made here', async ({
  page,
  baseURL,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  // this browser has a workshop of its own, made this morning
  await page.goto('workshop.html#link');
  await page.getByLabel('Workshop name').fill('Own morning room');
  await page.getByLabel('Scenario', { exact: true }).selectOption('tutorial');
  await page.getByRole('button', { name: 'Create the link' }).click();
  await expect(page.getByText(/Own morning room/).first()).toBeVisible();
  // the room's workshop was made on the co-trainer's laptop: its link is pasted
  await openWorkshop(page, baseURL!);
  const mk = (player: string, choices: string[]) =>
    trainee(silos, { player, session: ROOM.session, seed: ROOM.seed, choices });
  const room = [
    mk('Maximiliane Schwarzenberger-Oppenheimer', styleChoices(silos.scenario, 'directive')),
    mk('Cy <img src=x onerror=alert(1)>', styleChoices(silos.scenario, 'hands-off')),
    mk('Ana', randomChoices(silos.scenario, 'ana')),
  ];
  await page.locator('#dash-codes').fill(room.map((t) => t.code).join('\n'));
  await page.getByRole('button', { name: 'Add these codes' }).click();
  const rows = page.locator('table.leaderboard tbody tr');
  await expect(rows).toHaveCount(3);

  // each trainee's style shares add up to 100
  for (const text of await rows.locator('td[data-label="style"]').allTextContents()) {
    const sum = [...text.matchAll(/(\d+)%/g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(sum, text).toBe(100);
  }
  // a long name beside its dot is cut and says so; the tooltip and the table give it whole
  const scatter = page.locator('.dashboard .scatter');
  await expect(scatter.locator('text.dot-name', { hasText: /^Maximiliane/ })).toHaveText(
    /^Maximiliane Schwarzenbe.*…$/,
  );
  await expect(scatter.locator('circle title', { hasText: /^Maximiliane/ })).toContainText(
    'Maximiliane Schwarzenberger-Oppenheimer:',
  );
  const styleCard = page.locator('.card', {
    has: page.getByRole('heading', { name: 'Style against outcome' }),
  });
  await expect(styleCard.locator('.chart-table tbody th')).toContainText([
    'Maximiliane Schwarzenberger-Oppenheimer',
  ]);
  // a name written as markup stays text
  await expect(page.locator('.dashboard img')).toHaveCount(0);

  // a reload: the same workshop, open, with its three games verified again
  await page.reload();
  await expect(page.getByRole('heading', { name: ROOM.name })).toBeVisible();
  await expect(page.locator('#dash-workshop option:checked')).toHaveText(
    `${ROOM.name} — from its link`,
  );
  await expect(rows).toHaveCount(3);
  // both workshops are in the list; the one made here opens as before, with its own games
  const own = await page
    .locator('#dash-workshop option', { hasText: 'Own morning room' })
    .getAttribute('value');
  await page.getByLabel('Workshop', { exact: true }).selectOption(own!);
  await expect(page.getByRole('heading', { name: 'Own morning room' })).toBeVisible();
  await expect(page.getByText('No verified games yet.')).toBeVisible();
  // and the pasted one is still there to go back to, its games with it
  await page.getByLabel('Workshop', { exact: true }).selectOption(ROOM.session);
  await expect(page.getByRole('heading', { name: ROOM.name })).toBeVisible();
  await expect(rows).toHaveCount(3);
});
