import { expect, type Page, test } from '@playwright/test';
import { openGame, screenState, watchPage } from './helpers/game.ts';

// A term's definition never stands between the player and "On to quarter N". The outcome
// is drawn where the reply was pressed, and the player then scrolls to the button with
// the wheel: the pointer rests while the page moves under it, and a term passing beneath
// it is not pointed at. Its definition must not open, and a click on the button must
// reach it wherever a definition lies.

/** Scrolls the page, as the wheel does, until a term lies under the resting pointer `at`. */
async function scrollTermUnder(page: Page, at: { x: number; y: number }): Promise<string> {
  return page.evaluate(({ x, y }) => {
    const next = document.querySelector<HTMLElement>('[data-next]')!;
    const top = next.getBoundingClientRect().top;
    // the last term above the button in the pointer's column: the one whose definition,
    // opening below it, falls on the button
    const terms = [...document.querySelectorAll<HTMLElement>('.panel button.term')].filter((t) => {
      const r = t.getBoundingClientRect();
      return r.width > 0 && r.bottom < top && r.left <= x && x <= r.right;
    });
    const term = terms.at(-1);
    if (!term) throw new Error('no term above the button in the pointer’s column');
    const r = term.getBoundingClientRect();
    window.scrollBy(0, r.top + r.height / 2 - y);
    return term.textContent ?? '';
  }, at);
}

for (const [width, height] of [
  [1280, 800],
  [360, 740],
] as const) {
  test(`${width}×${height}: with the pointer left where the reply was pressed, "On to quarter 2" takes a click at its place`, async ({
    page,
  }, testInfo) => {
    const problems = await watchPage(page);
    await page.setViewportSize({ width, height });
    await openGame(page, '?scenario=tutorial&seed=tips-1');
    await page.getByRole('button', { name: 'Start quarter 1' }).click();
    // the reply pressed near its left edge, where the outcome's figures and their terms
    // will stand, and low enough on the screen for the button to show below the term
    const reply = page.getByRole('group', { name: 'Your call' }).getByRole('button').first();
    await reply.evaluate((el) => {
      const r = el.getBoundingClientRect();
      window.scrollBy(0, r.top + r.height / 2 - (window.innerHeight - 250));
    });
    const box = (await reply.boundingBox())!;
    const at = { x: Math.round(box.x + 30), y: Math.round(box.y + box.height / 2) };
    await page.waitForTimeout(550); // a player who has read the situation
    await page.mouse.click(at.x, at.y);
    const next = page.getByRole('button', { name: 'On to quarter 2' });
    await expect(next).toBeVisible();

    const word = await scrollTermUnder(page, at);
    // let the browser settle what lies under the pointer after the scroll
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
    );
    await page.waitForTimeout(200);
    await page.screenshot({ path: testInfo.outputPath(`pointer-on-${width}.png`) });
    await expect(
      page.locator('.term-tip:visible'),
      `"${word}" lies under the resting pointer but was not pointed at`,
    ).toHaveCount(0);

    const target = (await next.boundingBox())!;
    expect(target.y + target.height, 'the button is on screen').toBeLessThanOrEqual(height);
    await page.mouse.click(target.x + target.width / 2, target.y + target.height / 2);
    await expect(page.getByText('Quarter 2 of 4', { exact: false })).toBeVisible();
    expect((await screenState(page)).phase).toBe('decide');
    expect(problems).toEqual([]);
  });
}

test('a term the mouse moves onto shows its definition, and a click through it reaches the button beneath', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openGame(page, '?scenario=tutorial&seed=tips-1');
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
  await page.waitForTimeout(550);
  await page.getByRole('group', { name: 'Your call' }).getByRole('button').first().click();
  const next = page.getByRole('button', { name: 'On to quarter 2' });
  await next.scrollIntoViewIfNeeded();
  // the last term above the button: its definition opens over the button
  const term = page.locator('.panel .why-block, .panel ul').locator('button.term').last();
  await term.hover();
  const tip = page.locator('.term-wrap.hover .term-tip');
  await expect(tip).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('pointed-at-1280.png') });
  // a player who moves down to the button: the definition closes as the pointer leaves
  const b = (await next.boundingBox())!;
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 4 });
  await expect(page.locator('.term-tip:visible')).toHaveCount(0);
  // and a definition, wherever it lies, never takes a click meant for what is beneath it
  await term.hover();
  await expect(tip).toBeVisible();
  const under = await tip.evaluate((t) => {
    const r = t.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit !== null && !t.contains(hit);
  });
  expect(under).toBe(true);
});

test('360×740: a tapped definition opens where it covers nothing, "On to quarter 2" stays in sight and takes the next tap, and Escape closes it', async ({
  browser,
}, testInfo) => {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    hasTouch: true,
    isMobile: true,
  });
  const page = await context.newPage();
  const problems = await watchPage(page);
  await openGame(page, '?scenario=tutorial&seed=tips-1');
  await page.getByRole('button', { name: 'Start quarter 1' }).tap();
  await page.waitForTimeout(550);
  await page.getByRole('group', { name: 'Your call' }).getByRole('button').first().tap();
  const next = page.getByRole('button', { name: 'On to quarter 2' });
  await expect(next).toBeVisible();
  // the button at the foot of the screen, where a definition along the foot would lie
  await next.evaluate((el) => {
    const r = el.getBoundingClientRect();
    window.scrollBy(0, r.bottom - (window.innerHeight - 12));
  });
  // the nearest term above the button: the one a thumb taps on the way to it
  await page.evaluate(() => {
    const top = document.querySelector<HTMLElement>('[data-next]')!.getBoundingClientRect().top;
    const above = [...document.querySelectorAll<HTMLElement>('.panel button.term')].filter((t) => {
      const r = t.getBoundingClientRect();
      return r.width > 0 && r.top > 0 && r.bottom < top;
    });
    above.at(-1)?.setAttribute('data-tapped', '');
  });
  const term = page.locator('button.term[data-tapped]');
  await expect(term).toBeInViewport();
  await term.tap();
  const tip = page.locator('.term-wrap.open .term-tip');
  await expect(tip).toBeVisible();
  await expect(term).toHaveAttribute('aria-expanded', 'true');
  await page.screenshot({ path: testInfo.outputPath('tapped-360.png') });

  const [t, b] = [(await tip.boundingBox())!, (await next.boundingBox())!];
  const overlap =
    t.x < b.x + b.width && b.x < t.x + t.width && t.y < b.y + b.height && b.y < t.y + t.height;
  expect(overlap, 'the definition lies over "On to quarter 2"').toBe(false);
  // what is under the button's middle is the button itself
  await next.scrollIntoViewIfNeeded();
  const hit = await next.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return at !== null && el.contains(at);
  });
  expect(hit).toBe(true);

  // Escape closes it from the keyboard, and a screen reader hears it as the description
  await term.focus();
  await expect(term).toHaveAttribute('aria-describedby', /term-tip/);
  await page.keyboard.press('Escape');
  await expect(page.locator('.term-tip:visible')).toHaveCount(0);

  // open again, then the next tap goes to the button and plays on
  await term.tap();
  await expect(tip).toBeVisible();
  await next.tap();
  await expect(page.getByText('Quarter 2 of 4', { exact: false })).toBeVisible();
  expect(problems).toEqual([]);
  await context.close();
});

test('360×740: a figure tile whose definition is tapped open spans the row, so the definition reads as a paragraph', async ({
  browser,
}, testInfo) => {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    hasTouch: true,
    isMobile: true,
  });
  const page = await context.newPage();
  await openGame(page, '?scenario=tutorial&seed=tips-1');
  await page.getByRole('button', { name: 'Start quarter 1' }).tap();
  const term = page.locator('.figure button.term').first();
  await term.scrollIntoViewIfNeeded();
  await term.tap();
  const tip = page.locator('.figure .term-wrap.open .term-tip');
  await expect(tip).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('figure-tip-360.png') });
  const width = (await tip.boundingBox())!.width;
  const row = (await page.locator('.figures').boundingBox())!.width;
  expect(width, 'the definition is as wide as the row of figures, near enough').toBeGreaterThan(
    row * 0.8,
  );
  await context.close();
});
