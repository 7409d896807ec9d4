import { expect, type Locator, type Page, test } from '@playwright/test';
import { GUARD_MS } from '../../src/ui/fresh-press.ts';
import {
  attachScreenshot,
  choicesOnScreen,
  listedChoices,
  openGame,
  screenState,
  simulate,
  watchPage,
} from './helpers/game.ts';

// Decisions that take judgement: nothing on the decision screen gives the answer away
// (replies shuffled per market, no style badge, no kind of situation), the outcome and the
// debrief teach them, and the tutorial shows them as a guided mode. A double click on
// "On to quarter N" must not decide the quarter that appears under the pointer.

const SCENARIO = 'silos';
const SEED = '7';
const MARKS = /[▲●◆]/;

/** The current situation's kind and each choice's label and style, as the scenario has them. */
function situationFacts(page: Page) {
  return page.evaluate(() => {
    const s = window.__TEST__!.store.getState();
    const situation = s.entry!.scenario.situations.find((x) => x.id === s.sim!.situationId)!;
    return {
      kind: situation.kind ?? null,
      choices: situation.choices.map((c) => ({ id: c.id, label: c.label, style: c.style })),
    };
  });
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const KIND_PHRASE: Record<string, string> = {
  crisis: 'a crisis',
  build: 'a slow build',
  routine: 'a routine one',
};

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 360, height: 740 },
]) {
  test(`${viewport.width}×${viewport.height}: a market shows no style or kind before the call, in its own order; the outcome reveals both`, async ({
    page,
  }, testInfo) => {
    const problems = await watchPage(page);
    await page.setViewportSize(viewport);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openGame(page, `?scenario=${SCENARIO}&seed=${SEED}`);
    await page.getByRole('button', { name: 'Start quarter 1' }).click();
    const panel = page.locator('#panel');
    const facts = await situationFacts(page);
    expect(facts.kind, 'the first quarter of silos has a kind to hide').not.toBeNull();

    // before the call: no badge, no mark, no kind, no guided-mode note
    await expect(page.locator('button.choice')).toHaveCount(facts.choices.length);
    await expect(panel.locator('.choice-style')).toHaveCount(0);
    await expect(panel.locator('.kicker')).toHaveText(/^Quarter 1 of 8$/);
    await expect(panel).not.toContainText(MARKS);
    await expect(panel).not.toContainText('Guided mode');
    for (const c of facts.choices) {
      await expect(page.locator(`button.choice[data-choice="${c.id}"]`)).not.toContainText(
        capital(c.style),
      );
    }
    // the order on screen is the market's shown order, as npm run simulate prints it, and
    // not the file's order (where authors put the best reply first)
    const shown = (await choicesOnScreen(page)).map((c) => c.id);
    expect(shown).not.toEqual(await listedChoices(page));
    expect(shown).toEqual(simulate(SCENARIO, SEED, [shown[0]!]).quarters[0]!.shown);
    await attachScreenshot(page, testInfo, `situation-${viewport.width}`);

    // the call: the outcome names the reply's style and the situation's kind
    const picked = facts.choices[0]!;
    await page.locator(`button.choice[data-choice="${picked.id}"]`).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/What happened in quarter 1/);
    await expect(panel).toContainText(`You chose “${picked.label}”`);
    await expect(panel.locator('.choice-style')).toHaveText(new RegExp(capital(picked.style)));
    // read as shown: each term's definition sits in the page, hidden until asked for
    await expect(panel.locator('.reveal')).toContainText(
      `the situation was ${KIND_PHRASE[facts.kind!]}.`,
      { useInnerText: true },
    );
    await attachScreenshot(page, testInfo, `outcome-${viewport.width}`);

    // a reload shows the next quarter's replies in the same order again
    await page.locator('[data-next]').click();
    const second = (await choicesOnScreen(page)).map((c) => c.id);
    await page.reload();
    await page.waitForFunction(() => window.__TEST__?.ready === true);
    await expect(page.locator('button.choice')).toHaveCount(second.length);
    expect((await choicesOnScreen(page)).map((c) => c.id)).toEqual(second);
    expect(problems).toEqual([]);
  });
}

test('the tutorial is a guided mode: it says so, and shows each reply’s style and the kind', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openGame(page, '?scenario=tutorial&seed=42');
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
  const facts = await situationFacts(page);
  await expect(page.locator('.guided-note')).toContainText(
    'Guided mode: the style of each reply and the kind of situation are shown.',
  );
  for (const c of facts.choices) {
    await expect(page.locator(`button.choice[data-choice="${c.id}"] .choice-style`)).toContainText(
      capital(c.style),
    );
  }
  await expect(page.locator('.kicker')).toContainText('Slow build');
  await attachScreenshot(page, testInfo, 'tutorial-guided-360');
});

/**
 * A human double click, 120 ms from press to press, at (x, y). `counted`: the second click
 * carries the click count 2, as a browser reports a double click; otherwise two single
 * clicks (a quick double tap, or a device that counts them apart).
 */
async function doubleClick(page: Page, x: number, y: number, counted: boolean): Promise<number> {
  // the page's own clock on the two presses: on a busy machine the driver's round trips
  // can stretch 120 ms past the guard's half second, and that is no longer a double click
  await page.evaluate(() => {
    const w = window as unknown as { __presses?: number[] };
    if (!w.__presses) {
      const presses: number[] = [];
      w.__presses = presses;
      window.addEventListener('pointerdown', (e) => presses.push(e.timeStamp), { capture: true });
    }
    w.__presses.length = 0;
  });
  await page.mouse.move(x, y);
  await page.mouse.down({ clickCount: 1 });
  await page.waitForTimeout(50);
  await page.mouse.up({ clickCount: 1 });
  await page.waitForTimeout(70);
  await page.mouse.down({ clickCount: counted ? 2 : 1 });
  await page.waitForTimeout(50);
  await page.mouse.up({ clickCount: counted ? 2 : 1 });
  return page.evaluate(() => {
    const presses = (window as unknown as { __presses: number[] }).__presses;
    return presses.length === 2 ? presses[1]! - presses[0]! : Number.POSITIVE_INFINITY;
  });
}

interface Rect {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Where the replies sit in the window as the decision screen opens (scrolled to the top). */
function repliesRect(page: Page): Promise<Rect> {
  return page.locator('button.choice').evaluateAll((els) => {
    const rs = els.map((el) => el.getBoundingClientRect());
    return {
      top: Math.min(...rs.map((r) => r.top)) + window.scrollY,
      // below the fold, nothing is under the pointer
      bottom: Math.min(window.innerHeight, Math.max(...rs.map((r) => r.bottom)) + window.scrollY),
      left: Math.min(...rs.map((r) => r.left)),
      right: Math.max(...rs.map((r) => r.right)),
    };
  });
}

/**
 * Scrolls the outcome (within what a reader can scroll) and picks a point on the button
 * where the next quarter's replies will most likely appear: where this quarter's did.
 * A player may press anywhere on the button; this is the spot where the hazard lies.
 */
async function aimAt(page: Page, next: Locator, replies: Rect): Promise<{ x: number; y: number }> {
  const page0 = await next.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return {
      top: r.top + window.scrollY,
      height: r.height,
      left: r.left,
      right: r.right,
      maxScroll: document.documentElement.scrollHeight - window.innerHeight,
    };
  });
  const target = (replies.top + replies.bottom) / 2;
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  const scroll = clamp(page0.top + page0.height / 2 - target, 0, page0.maxScroll);
  await page.evaluate((y) => window.scrollTo(0, y), scroll);
  const offset = clamp(target - page0.top + scroll, 4, page0.height - 4);
  const x = clamp((replies.left + replies.right) / 2, page0.left + 4, page0.right - 4);
  return { x, y: page0.top + offset - scroll };
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  for (const counted of [true, false]) {
    test(`${viewport.width}×${viewport.height}: a double click (${counted ? 'counted as one' : 'two clicks'}) at 120 ms on "On to quarter N" leaves quarter N undecided`, async ({
      page,
    }) => {
      const problems = await watchPage(page);
      await page.setViewportSize(viewport);
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await openGame(page, `?scenario=${SCENARIO}&seed=${SEED}`);
      // a first visit: the note that the game now works offline comes after the game (above
      // it, it would move the page under the pointer if it came in the middle of a double
      // click)
      await expect(page.getByText('The game is now ready to play offline')).toBeVisible();
      // a player on a phone dismisses it (on a wide screen it stays, as it does for most)
      if (viewport.width < 600) {
        await page
          .getByRole('button', { name: /^Dismiss: The game is now ready to play offline/ })
          .click();
      }
      await page.getByRole('button', { name: 'Start quarter 1' }).click();
      let underPointer = 0;
      // double clicks whose presses came within the guard's window, in the page's own clock
      let quick = 0;
      // a quarter a slow second click decided (see below); the replies' place is kept
      let decidedLate = false;
      let replies: Rect | null = null;
      for (let q = 1; q <= 8; q++) {
        if (!decidedLate) {
          await expect(page.locator('button.choice').first()).toBeVisible();
          replies = await repliesRect(page);
          const listed = await listedChoices(page);
          const id = listed[q % listed.length]!;
          const choice = page.locator(`button.choice[data-choice="${id}"]`);
          if (q % 2 === 1) {
            // the keyboard decides at once after the double click
            await choice.focus();
            await page.keyboard.press('Enter');
          } else {
            // an unhurried click decides as well
            await page.waitForTimeout(600);
            await choice.click();
          }
        }
        decidedLate = false;
        await expect.poll(async () => (await screenState(page)).phase).toBe('outcome');
        if (q === 8) break;

        const next = page.getByRole('button', { name: `On to quarter ${q + 1}` });
        const { x, y } = await aimAt(page, next, replies!);
        expect(
          await page.evaluate(
            ([px, py]) => !!document.elementFromPoint(px!, py!)?.closest('[data-next]'),
            [x, y],
          ),
          'the pointer is on the button',
        ).toBe(true);
        const gap = await doubleClick(page, x, y, counted);
        await page.waitForTimeout(150);
        if (gap >= GUARD_MS) {
          // a machine too busy to press twice within the guard's window (the driver's round
          // trips) made two deliberate clicks: the game may rightly take the second one, and
          // then the next quarter is decided and saved; either way quarter q + 1 is on screen
          const state = await screenState(page);
          expect(state.screen).toBe('play');
          expect([q, q + 1]).toContain(state.quarter);
          decidedLate = state.phase === 'outcome';
          continue;
        }
        quick += 1;
        const landed = await page.evaluate(
          ([px, py]) => !!document.elementFromPoint(px!, py!)?.closest('button.choice'),
          [x, y],
        );
        if (landed) underPointer += 1;
        // quarter q + 1 is on screen, undecided, and nothing was saved for it
        expect(await screenState(page)).toMatchObject({
          screen: 'play',
          phase: 'decide',
          quarter: q,
        });
        const saved = await page.evaluate(
          ([scenario, seed]) =>
            Object.entries(localStorage)
              .filter(
                ([k]) =>
                  k.startsWith('tow.save.v2.') &&
                  k.endsWith(`.${scenario}.${k.split('.').at(-2)}.${seed}`),
              )
              .map(([, v]) => (JSON.parse(v) as { choices: string[] }).choices.length)[0],
          [SCENARIO, SEED],
        );
        expect(saved).toBe(q);
      }
      expect(quick, 'double clicks within the guard’s window, to test it with').toBeGreaterThan(0);
      // on a phone the test meets the hazard it guards against: a reply appears under the
      // pointer. On a wide screen the outcome's causes push "On to quarter N" below where the
      // next replies are drawn, so no reply lands there; the count is kept as a measurement
      if (viewport.width < 600) {
        expect(underPointer, 'double clicks whose second click landed on a reply').toBeGreaterThan(
          0,
        );
      }
      const measured = `${underPointer} of 7 double clicks had a reply under the pointer`;
      test.info().annotations.push({ type: 'measured', description: measured });
      console.log(
        `${viewport.width}×${viewport.height}, ${counted ? 'counted' : 'two clicks'}: ${measured}`,
      );
      expect(problems).toEqual([]);
    });
  }
}
