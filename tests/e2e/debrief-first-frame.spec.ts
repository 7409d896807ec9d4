import { expect, type Page, test } from '@playwright/test';
import { attachScreenshot, openGame, waitForRopeView, watchPage } from './helpers/game.ts';

// A player who opens the debrief straight after the last quarter's decision, while the
// rope view is still playing that quarter out, sees the same share on the customer's
// bubble as in the debrief's words from the first frame the debrief draws: the picture
// does not finish the quarter's animation under a text that already states its end.

const SCENARIO = 'silos';
const SEED = '8';

interface Box {
  id: string;
  text: string;
}

/** Plays by the buttons up to the last decision, which is left for the test to take. */
async function playToLastDecision(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
  for (let q = 1; ; q++) {
    await expect(page.locator('button.choice').first()).toBeVisible();
    const last = await page.evaluate(() => {
      const s = window.__TEST__!.store.getState();
      return s.sim!.quarter + 1 >= s.entry!.scenario.quarters;
    });
    if (last) return;
    await page
      .locator('button.choice')
      .nth(q % 2)
      .click();
    await page.locator('button[data-next]').click();
  }
}

/**
 * Takes the last decision and opens the debrief before the quarter's animation ends;
 * waits for two frames of the rope view drawn since, then reads its share bubble and
 * the shares the model moved between.
 */
async function openDebriefMidAnimation(page: Page) {
  await expect(page.locator('button.choice').first()).toBeVisible();
  // both presses in the page, so that a slow machine's round trips cannot outlast the
  // quarter's three seconds of animation
  return page.evaluate(async () => {
    const hook = window.__TEST__!;
    const game = hook.ropeView!.game as {
      loop: { frame: number };
      scene: { getScene(key: string): { labelBoxes(): Box[]; playing: boolean } };
    };
    const scene = game.scene.getScene('ropes');
    (document.querySelector('button.choice') as HTMLButtonElement).click();
    const next = () => document.querySelector<HTMLButtonElement>('button[data-next]');
    while (next()?.textContent !== 'See the debrief') {
      await new Promise((r) => requestAnimationFrame(r));
    }
    const playingAtOpen = scene.playing;
    next()!.click();
    const from = game.loop.frame;
    while (game.loop.frame < from + 2) await new Promise((r) => requestAnimationFrame(r));
    const s = hook.store.getState();
    const history = s.debrief!.actual;
    return {
      screen: s.screen,
      playingAtOpen,
      bubble: scene.labelBoxes().find((b) => b.id === 'share')?.text ?? null,
      // as every screen rounds it (src/sim/share.ts)
      before: Math.round(((1 + history.at(-2)!.position) / 2) * 100),
      after: Math.round(((1 + history.at(-1)!.position) / 2) * 100),
    };
  });
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 360, height: 740 },
]) {
  test(`${viewport.width}×${viewport.height}: the debrief's first frame shows the final share on the bubble`, async ({
    page,
  }, testInfo) => {
    const problems = await watchPage(page);
    await page.setViewportSize(viewport);
    await openGame(page, `?scenario=${SCENARIO}&seed=${SEED}`);
    await waitForRopeView(page);
    await playToLastDecision(page);
    const seen = await openDebriefMidAnimation(page);
    expect(seen.screen).toBe('debrief');
    // the test can fail: the quarter was still playing out, and it moved the share
    expect(seen.playingAtOpen).toBe(true);
    expect(seen.after).not.toBe(seen.before);
    const words = page.locator('.timeline-where');
    await expect(words).toHaveText(/market share \d+%/);
    const stated = /market share (\d+)%/.exec((await words.textContent()) ?? '')![1];
    expect(stated).toBe(String(seen.after));
    expect(seen.bubble).toBe(`${seen.after}%`);
    // what the player sees as the debrief opens, and the rope view itself
    const path = testInfo.outputPath(`debrief-first-frame-${viewport.width}.png`);
    await page.screenshot({ path });
    await testInfo.attach('debrief as it opens', { path, contentType: 'image/png' });
    await attachScreenshot(page, testInfo, `debrief-ropes-${viewport.width}`, '#stage');
    expect(problems).toEqual([]);
  });
}
