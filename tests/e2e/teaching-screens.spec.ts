import { expect, type Page, test } from '@playwright/test';
import { linkQuery } from '../../src/links/links.ts';
import {
  attachScreenshot,
  bundledIds,
  clickListed,
  expectNoAxeViolations,
  openGame,
  playToDebrief,
} from './helpers/game.ts';

// The screens that teach: every outcome's share and revenue changes split by cause in
// points that add up to the change shown, in business words with no raw model term; the
// glossary; the debrief's one headline result; an assessed debrief keeps its answer key.

/** Words of the model's own that no screen may show: ids, raw forces, degrees. */
const RAW_TERMS = [
  /outside pull/i,
  /\bpull \d/i,
  /° off the line/,
  /directive-relax/,
  /competitorAlignment/,
  /marketSize/,
  /companyContacts/,
  /\bmorale:[a-z]/,
  /\bleft:[a-z]/,
  /undefined|NaN/,
  /\b\d+% of possible strategies/,
];

/**
 * On the debrief, the model's names for what it tracks as well, unless explained where
 * they stand (a term, its definition a tap away): "team alignment" is the name the
 * glossary gives alignment; the market's "seed" is not a word a sales manager uses.
 * "Autonomy" is: the play screen shows it beside morale, and the outcome says what moved it.
 */
const DEBRIEF_RAW_TERMS = [...RAW_TERMS, /(?<!team )\balignment\b/i, /\bseed\b/i];

/** "+2.1 pts" → 21 tenths; "−15k" → −15; "+⁠€12K" → 12 (money keeps whole thousands). */
function steps(text: string, digits: number): number {
  // a currency symbol may stand between the sign and the amount, joined to the sign
  const m = /([+−-]|±)[\s\u2060]*[^\d\s]{0,3}(\d+(?:\.\d+)?)/.exec(text);
  if (!m) throw new Error(`no signed number in "${text}"`);
  const value = Math.round(Number(m[2]) * 10 ** digits);
  return m[1] === '+' ? value : m[1] === '±' ? 0 : -value;
}

async function checkCausesAddUp(page: Page, where: string): Promise<void> {
  for (const [figure, digits] of [
    ['share', 1],
    ['revenue', 0],
    ['profit', 0],
  ] as const) {
    const block = page.locator(`.why-block[data-why="${figure}"]`);
    // profit is shown only where the scenario models money
    if (figure === 'profit' && (await block.count()) === 0) continue;
    await expect(block, `${where}: ${figure}`).toBeVisible();
    const total = steps((await block.locator('.why-total').textContent()) ?? '', digits);
    const parts = await block.locator('.why-list .why-amount').allInnerTexts();
    const sum = parts.reduce((s, t) => s + steps(t, digits), 0);
    expect(sum, `${where}: ${figure} causes ${parts.join(' ')} against ${total}`).toBe(total);
    if (total !== 0) expect(parts.length, `${where}: ${figure} has causes`).toBeGreaterThan(0);
  }
}

async function checkNoRawTerms(page: Page, where: string): Promise<void> {
  // what a player sees, laid out: hidden definitions and folded parts are not on screen
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point
  const text = await page.locator('body').innerText();
  for (const raw of RAW_TERMS) expect(text, `${where} shows ${raw}`).not.toMatch(raw);
}

/**
 * The whole debrief, folded parts opened, with the words explained where they stand (terms)
 * left out: what remains must hold no raw model term.
 */
async function checkDebriefTerms(page: Page, where: string): Promise<void> {
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
  });
  const hidden = await page.addStyleTag({ content: '.term-wrap { display: none !important; }' });
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point
  const text = await page.locator('body').innerText();
  await hidden.evaluate((el) => (el as Element).remove());
  for (const raw of DEBRIEF_RAW_TERMS) {
    const at = text.search(raw);
    expect(at, `${where} shows ${raw}: “…${text.slice(Math.max(0, at - 60), at + 40)}…”`).toBe(-1);
  }
}

for (const id of bundledIds()) {
  test(`${id}: every outcome's share and revenue add up to their listed causes, in plain words`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openGame(page, `?scenario=${id}&seed=3`);
    await page.getByRole('button', { name: 'Start quarter 1' }).click();
    for (let q = 1; q < 30; q++) {
      if ((await page.locator('.debrief').count()) > 0) break;
      await checkNoRawTerms(page, `${id} Q${q} decision`);
      // every reply of the situation is on the first screen at 1280×800
      const bottom = await page
        .locator('button.choice')
        .evaluateAll((els) => Math.max(...els.map((e) => e.getBoundingClientRect().bottom)));
      expect(bottom, `${id} Q${q}: the last reply's bottom edge`).toBeLessThanOrEqual(800);
      await clickListed(page, q);
      await expect(page.locator('.outcome')).toBeVisible();
      await checkCausesAddUp(page, `${id} Q${q}`);
      await checkNoRawTerms(page, `${id} Q${q} outcome`);
      await page.locator('[data-next]').click();
    }
    await expect(page.locator('.debrief')).toBeVisible();
    await expect(page.locator('.fair-statement')).toContainText(
      /% of the ways this market could be played/,
      {
        timeout: 60_000,
      },
    );
    await expect(page.locator('.causal .decision-card').first()).toBeVisible({ timeout: 60_000 });
    // the what-if's lines and tables are part of the debrief too
    const whatIf = page.getByRole('button', { name: /What if I had chosen differently/ }).first();
    await whatIf.click();
    await page.getByRole('button', { name: 'Replay the rest of the market' }).click();
    await expect(page.locator('.whatif-result')).toBeVisible();
    await checkDebriefTerms(page, `${id} debrief`);
    // turning points in the order they came
    const quarters = await page
      .locator('.turning-list li')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-quarter'))));
    expect(quarters).toEqual([...quarters].sort((a, b) => a - b));
  });
}

test('the outcome, the glossary and the debrief at 1280×800 and 360×740: axe, terms, screenshots', async ({
  page,
}, testInfo) => {
  for (const [width, height] of [
    [1280, 800],
    [360, 740],
  ] as const) {
    await page.setViewportSize({ width, height });
    // a market of its own per size: the same one would resume where the last one stood
    await openGame(page, `?scenario=silos&seed=${width}`);
    await page.getByRole('button', { name: 'Start quarter 1' }).click();
    await page.waitForTimeout(600);
    await attachScreenshot(page, testInfo, `decision-${width}`);
    if (width === 360) {
      // on a phone the situation and its replies come before the rope view
      const panel = await page.locator('#panel').boundingBox();
      const stage = await page.locator('#stage').boundingBox();
      expect(panel!.y).toBeLessThan(stage!.y);
    }
    await clickListed(page, 1);
    await expect(page.locator('.outcome')).toBeVisible();
    // the coach's note and the causes come before the folded table of figures
    const order = await page.evaluate(() => {
      const at = (sel: string) => document.querySelector(sel)?.getBoundingClientRect().top ?? -1;
      return {
        why: at('.why'),
        table: at('.moves-fold'),
        open: document.querySelector<HTMLDetailsElement>('.moves-fold')?.open,
      };
    });
    expect(order.why).toBeLessThan(order.table);
    expect(order.open).toBe(false);
    // a term's definition is a tap away, and a keyboard focus away
    const share = page.locator('.why-block[data-why="share"] button.term').first();
    await share.click();
    await expect(page.locator('.term-wrap.open .term-tip')).toBeVisible();
    await expect(page.locator('.term-wrap.open .term-tip')).toContainText('customer');
    await attachScreenshot(page, testInfo, `outcome-${width}`);
    await expectNoAxeViolations(page, `outcome at ${width}`);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Glossary' }).click();
    const glossary = page.getByRole('dialog', { name: 'Glossary' });
    await expect(glossary).toBeVisible();
    await expect(glossary).toContainText('Market share');
    await expect(glossary).toContainText('Turning point');
    await attachScreenshot(page, testInfo, `glossary-${width}`);
    await expectNoAxeViolations(page, `glossary at ${width}`);
    await page.keyboard.press('Escape');
    await expect(glossary).toBeHidden();
  }
});

/** The debrief's answer key: the what-if, and the verdicts on each reply. */
async function expectAnswerKeyClosed(page: Page, why: string): Promise<void> {
  await expect(page.locator('.causal .decision-card').first()).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('.closed-note')).toContainText(why);
  await expect(page.getByRole('button', { name: /What if I had chosen differently/ })).toHaveCount(
    0,
  );
  // no reply named as the one that would have scored more
  await expect(page.locator('.fit-note')).toHaveCount(0);
  await expect(page.locator('.debrief')).not.toContainText(/"[^"]+" would have scored/);
}

test('a static assessed debrief keeps which reply scores more and the what-if until the last attempt is handed in', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const query = linkQuery({
    kind: 'assignment',
    session: 'hr-16',
    scenario: 'silos',
    seed: '4',
    trainee: 'T-0016',
    attempts: 2,
    passMark: 50,
  });
  await openGame(page, `?${query}`);
  await playToDebrief(page);
  await expect(page.locator('.fair-statement')).toContainText(
    /% of the ways this market could be played/,
    {
      timeout: 60_000,
    },
  );
  await expect(page.locator('.debrief')).not.toContainText('The best path in this market');
  await expect(page.locator('.best-note')).toHaveCount(0);
  // attempt 2 replays this market: nothing of the answer key, handed in or not, not even
  // the par lines with the best path's score
  await expect(page.locator('.par-closed')).toContainText('open when you have no attempts left');
  await expect(page.locator('.par-table')).toHaveCount(0);
  await expectAnswerKeyClosed(page, 'when you have no attempts left');
  await expect(page.locator('.fit')).toHaveCount(0);
  await expect(page.locator('.closed-verdicts')).toContainText('when you have no attempts left');
  await attachScreenshot(page, testInfo, 'assessed-debrief-attempt-1-1280');
  await attachScreenshot(page, testInfo, 'assessed-calls-attempt-1-1280', '.causal .fit-summary');
  await attachScreenshot(
    page,
    testInfo,
    'assessed-card-attempt-1-1280',
    '.decision-cards > li:first-child',
  );
  await expectNoAxeViolations(page, 'assessed debrief, attempt 1 of 2');
  await page.getByRole('link', { name: 'Download the result file' }).click();
  await expectAnswerKeyClosed(page, 'when you have no attempts left');
  await page.setViewportSize({ width: 360, height: 740 });
  await page.locator('.closed-note').scrollIntoViewIfNeeded();
  await attachScreenshot(page, testInfo, 'assessed-debrief-attempt-1-note-360', '.answer-key');
  await page.setViewportSize({ width: 1280, height: 800 });

  // the last attempt: the key opens once its result is handed in
  await page.getByRole('button', { name: 'Start attempt 2 of 2' }).click();
  // the next attempt opens on quarter 1 of the same market
  while ((await page.locator('.debrief').count()) === 0) {
    const next = page.locator('[data-next]');
    if (await next.count()) await next.click();
    else await clickListed(page, 1);
  }
  await expectAnswerKeyClosed(page, 'handed in');
  await page.getByRole('link', { name: 'Download the result file' }).click();
  await expect(page.locator('.closed-note')).toHaveCount(0);
  await expect(
    page.getByRole('button', { name: /What if I had chosen differently/ }).first(),
  ).toBeVisible();
  await expect(page.locator('.fit').first()).toBeVisible();
  await expect(page.locator('.closed-verdicts')).toHaveCount(0);
  await expect(page.locator('.par-table')).toBeVisible();
  // still no best path: an assessed session never shows it
  await expect(page.locator('.best-note')).toHaveCount(0);
  await attachScreenshot(page, testInfo, 'assessed-debrief-attempt-2-1280');
  await attachScreenshot(page, testInfo, 'assessed-calls-attempt-2-1280', '.causal .fit-summary');
  await attachScreenshot(
    page,
    testInfo,
    'assessed-card-attempt-2-1280',
    '.decision-cards > li:first-child',
  );
});

test('a practice debrief shows the best path and the what-if', async ({ page }, testInfo) => {
  for (const [width, height] of [
    [1280, 800],
    [360, 740],
  ] as const) {
    await page.setViewportSize({ width, height });
    await openGame(page, '?scenario=silos&seed=4');
    await playToDebrief(page);
    await expect(page.locator('.causal .decision-card').first()).toBeVisible({ timeout: 60_000 });
    await expect(page.locator('.fair-statement')).toContainText(
      /% of the ways this market could be played/,
      {
        timeout: 60_000,
      },
    );
    // on a phone each quarter's card is folded to its heading: a tap opens the first
    if (width === 360) {
      await expect(page.locator('.best-note').first()).toBeHidden();
      await page.locator('.decision-card summary').first().click();
    }
    await expect(page.locator('.best-note').first()).toBeVisible();
    await expect(
      page.getByRole('button', { name: /What if I had chosen differently/ }).first(),
    ).toBeVisible();
    // the debrief opens on its headline and lessons, before the details (seen from the top,
    // where the page opened: the tap on a card above scrolled it)
    await page.evaluate(() => window.scrollTo(0, 0));
    const top = await page.evaluate(() => ({
      lessons: document.querySelector('.lessons')?.getBoundingClientRect().top ?? -1,
      calls: document.querySelector('.causal')?.getBoundingClientRect().top ?? -1,
    }));
    expect(top.lessons).toBeGreaterThan(0);
    expect(top.lessons).toBeLessThan(top.calls);
    await attachScreenshot(page, testInfo, `debrief-${width}`);
    await expectNoAxeViolations(page, `debrief at ${width}`);
    await page.evaluate(() => localStorage.clear());
  }
});
