import { expect, type Page, test } from '@playwright/test';

// The rope view inside the real, built game, driven through its HTML buttons: the canvas
// draws (WebGL) at the stage's size, follows the sim, plays a quarter out and says so,
// skips, does not move under reduced motion, lets its loop sleep when the picture is
// still, and leaves a screenshot of itself as an artifact.

interface SceneProbe {
  playing: boolean;
  frame: number;
  renderType: number;
  canvas: { w: number; h: number };
  stage: { w: number; h: number };
  label: string;
}

async function probe(page: Page): Promise<SceneProbe> {
  return page.evaluate(() => {
    const game = window.__TEST__!.ropeView!.game as {
      loop: { frame: number };
      config: { renderType: number };
      canvas: HTMLCanvasElement;
      scene: { getScene(key: string): { playing: boolean } };
    };
    const stage = document.getElementById('stage')!;
    return {
      playing: game.scene.getScene('ropes').playing,
      frame: game.loop.frame,
      renderType: game.config.renderType,
      canvas: { w: game.canvas.width, h: game.canvas.height },
      stage: { w: stage.clientWidth, h: stage.clientHeight },
      label: game.canvas.getAttribute('aria-label') ?? '',
    };
  });
}

async function firstDecision(page: Page, query = '?scenario=tutorial&seed=12') {
  await page.goto(`./${query}`);
  await page.waitForFunction(() => window.__TEST__?.ready === true);
  await page.waitForFunction(
    () => window.__TEST__?.viewSettled === true && !!window.__TEST__.ropeView,
  );
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
}

const choice = (page: Page, label: RegExp) => page.getByRole('button', { name: label });

test.describe('rope view in the game', () => {
  test('draws at the stage size and names who pulls', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await firstDecision(page);
    const p = await probe(page);
    // 2 = WebGL with a GPU; 1 = Canvas 2D where WebGL would run in software (headless)
    expect([1, 2]).toContain(p.renderType);
    expect(p.canvas).toEqual(p.stage);
    for (const who of ['Harbour Logistics', 'Maya', 'Tom', 'Lena', 'BrewCo', 'Habits']) {
      expect(p.label).toContain(who);
    }
    // a blank canvas compresses to almost nothing; ropes, markers and labels do not
    const png = await page.locator('#stage canvas').screenshot();
    expect(png.length).toBeGreaterThan(8000);
  });

  test('plays a quarter out, reports it done, then lets its loop sleep', async ({ page }, info) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await firstDecision(page);
    await choice(page, /visit the depot/).click();
    await expect.poll(async () => (await probe(page)).playing).toBe(true);
    await page.waitForTimeout(900);
    await page.locator('#stage').screenshot({ path: info.outputPath('rope-view-playing.png') });
    await expect
      .poll(() => page.evaluate(() => window.__TEST__!.store.getState().animating), {
        timeout: 8000,
      })
      .toBe(false);
    expect((await probe(page)).playing).toBe(false);
    // the outcome (seed 12) brings BrewCo's lunch with the buyer, a gust against us: the
    // view names it
    expect((await probe(page)).label).toContain('area manager drops in');
    // once the ropes have settled the loop sleeps: no frames while the picture is still
    const still = async () => {
      const before = (await probe(page)).frame;
      await page.waitForTimeout(600);
      return (await probe(page)).frame === before;
    };
    await expect.poll(still, { timeout: 10_000 }).toBe(true);
    const a = (await probe(page)).frame;
    await page
      .locator('#stage')
      .screenshot({ path: info.outputPath('rope-view-after-quarter.png') });
    await info.attach('rope-view-after-quarter', {
      path: info.outputPath('rope-view-after-quarter.png'),
      contentType: 'image/png',
    });
    // and wakes for the next quarter
    await page.locator('[data-next]').click();
    // as a player who has read the situation (a press at once is taken for a double click)
    await page.waitForTimeout(550);
    await page.locator('button.choice').first().click();
    await expect.poll(async () => (await probe(page)).frame).toBeGreaterThan(a);
  });

  test('Skip animation stops the quarter at once', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await firstDecision(page);
    await choice(page, /Prepare it yourself/).click();
    await expect.poll(async () => (await probe(page)).playing).toBe(true);
    await page.getByRole('button', { name: 'Skip animation' }).click();
    await expect.poll(async () => (await probe(page)).playing, { timeout: 500 }).toBe(false);
    expect(await page.evaluate(() => window.__TEST__!.store.getState().animating)).toBe(false);
  });

  test('reduced motion: the ropes jump, nothing plays', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await firstDecision(page);
    await choice(page, /Let Maya open it/).click();
    for (let i = 0; i < 5; i++) {
      expect((await probe(page)).playing).toBe(false);
      await page.waitForTimeout(100);
    }
  });

  test('a decision made with the keyboard reaches its button, not Phaser', async ({ page }) => {
    await firstDecision(page);
    const first = page.locator('button.choice').first();
    await first.focus();
    await page.keyboard.press('Space');
    await expect(page.locator('[data-next]')).toBeVisible();
  });

  test('fits a phone: the canvas follows the stage at 360 px', async ({ page }, info) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await firstDecision(page);
    await choice(page, /visit the depot/).click();
    await expect
      .poll(async () => {
        const p = await probe(page);
        return p.canvas.w === p.stage.w && p.canvas.h === p.stage.h && p.stage.w <= 360;
      })
      .toBe(true);
    await page.waitForTimeout(300);
    await page.locator('#stage').screenshot({ path: info.outputPath('rope-view-phone.png') });
    await info.attach('rope-view-phone', {
      path: info.outputPath('rope-view-phone.png'),
      contentType: 'image/png',
    });
  });
});
