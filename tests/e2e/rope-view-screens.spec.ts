import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

// What a player sees of the rope view, on the game screen and on the debrief with a
// what-if open, for two scenarios at 1280×800 and 360×740: the legend explains every mark
// and passes axe, the what-if's ghost is drawn and captioned, the debrief's picture is
// large enough to read, and each screen is kept as a screenshot to look at.

interface Box {
  id: string;
  text: string;
  fontSize: number;
}

async function labels(page: Page): Promise<Box[]> {
  return page.evaluate(() => {
    const game = window.__TEST__!.ropeView!.game as {
      scene: { getScene(key: string): { labelBoxes(): Box[] } };
    };
    return game.scene.getScene('ropes').labelBoxes();
  });
}

async function open(page: Page, scenario: string) {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`./?scenario=${scenario}&seed=7`);
  await page.waitForFunction(
    () =>
      window.__TEST__?.ready === true && window.__TEST__.viewSettled && !!window.__TEST__.ropeView,
  );
  await page.evaluate(() => window.__TEST__!.store.getState().beginQuarters());
}

/** One step through the store: the next quarter's outcome → decision, or a decision → outcome. */
async function advance(page: Page, k: number): Promise<boolean> {
  return page.evaluate((n) => {
    const s = window.__TEST__!.store.getState();
    if (s.screen !== 'play') return false;
    if (s.phase === 'outcome') {
      s.nextQuarter();
      return true;
    }
    const situation = s.entry!.scenario.situations.find((x) => x.id === s.sim!.situationId);
    if (!situation) return false;
    s.choose(situation.choices[n % situation.choices.length]!.id);
    return true;
  }, k);
}

async function shot(page: Page, name: string) {
  const path = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path });
  await test.info().attach(name, { path, contentType: 'image/png' });
  await page.locator('#stage').screenshot({ path: test.info().outputPath(`${name}-view.png`) });
}

for (const scenario of ['distrustful-account', 'silos']) {
  for (const [w, h] of [
    [1280, 800],
    [360, 740],
  ] as const) {
    test(`${scenario} at ${w}×${h}: the game, its legend and the debrief's what-if`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: w, height: h });
      await open(page, scenario);
      // three quarters in: an outcome on screen
      for (let k = 0; k < 5; k++) await advance(page, k);
      await expect(page.locator('.layout[data-phase="outcome"]')).toBeVisible();
      await page.waitForTimeout(300);
      await shot(page, `${scenario}-${w}-game`);

      // the legend: a drawing and a plain sentence for every mark, and the figures shown
      const legend = page.locator('.rope-legend-details');
      await legend.locator('summary').click();
      const marks = await legend
        .locator('li')
        .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-mark')));
      expect(marks).toEqual(
        expect.arrayContaining([
          'scale',
          'usual',
          'habit',
          'team',
          'friction',
          'competitor',
          'outside',
          'arrow',
          'slack',
          'ghost',
          'gust',
        ]),
      );
      await expect(legend.locator('li svg')).toHaveCount(marks.length);
      const share = (await labels(page)).find((b) => b.id === 'share')!.text;
      await expect(legend.locator('[data-mark="scale"]')).toContainText(`our share: ${share} now`);
      await legend.scrollIntoViewIfNeeded();
      await shot(page, `${scenario}-${w}-legend`);
      const axe = await new AxeBuilder({ page }).include('.stage-wrap').analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

      // play to the end, then open a what-if on the first quarter
      for (let k = 5; k < 40 && (await advance(page, k)); k++);
      await expect(page.locator('.layout[data-screen="debrief"]')).toBeVisible();
      await page.evaluate(() => {
        const s = window.__TEST__!.store.getState();
        const first = s.entry!.scenario.situations[0]!;
        const other = first.choices.find((c) => c.id !== s.sim!.choices[0])!;
        s.openWhatIf(1, other.id);
      });
      await expect.poll(async () => (await labels(page)).some((b) => b.id === 'ghost')).toBe(true);
      const ghost = (await labels(page)).find((b) => b.id === 'ghost')!;
      // a what-if close to the real market names both shares
      expect(ghost.text).toMatch(/^What-if \d+%( \(yours \d+%\)| too)?$/);
      // the debrief's picture is large enough to read: every label at 12 px or more
      for (const b of await labels(page)) expect(b.fontSize, b.text).toBeGreaterThanOrEqual(12);
      const stage = await page.locator('#stage').boundingBox();
      expect(stage!.width).toBeGreaterThanOrEqual(w > 960 ? 420 : 320);
      await page.locator('#stage').scrollIntoViewIfNeeded();
      await shot(page, `${scenario}-${w}-debrief`);
    });
  }
}
