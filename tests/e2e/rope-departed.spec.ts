import { expect, test } from '@playwright/test';

// Someone who has left the team pulls nothing, so the picture has no rope for them: not
// while the quarter they left in plays out, nor after; the list beside the picture and its
// legend say who left, when and why. In who-owns on seed 1 these replies wear Sara down
// until she resigns in quarter 4 (tests/scenes/departed.test.ts checks the same market).
// On a phone, with motion on, so the quarter is watched frame by frame as it plays.

const REPLIES = ['crm-mandate', 'push-down', 'ben-audit', 'retention-bonus'];

test.use({ viewport: { width: 360, height: 740 } });

test('a member who has left has no rope, and the words say when and why she left', async ({
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await page.goto('./?scenario=who-owns&seed=1');
  await page.waitForFunction(
    () =>
      window.__TEST__?.ready === true && window.__TEST__.viewSettled && !!window.__TEST__.ropeView,
  );
  await page.evaluate(() => {
    const s = window.__TEST__!.store.getState();
    s.setReducedMotion(false);
    s.beginQuarters();
  });
  const ropeIds = () =>
    page.evaluate(() => {
      const game = window.__TEST__!.ropeView!.game as {
        scene: { getScene(key: string): { ropeIds(): string[]; playing: boolean } };
      };
      return game.scene.getScene('ropes').ropeIds();
    });
  for (const [quarter, reply] of REPLIES.entries()) {
    if (quarter > 0) await page.evaluate(() => window.__TEST__!.store.getState().nextQuarter());
    await expect.poll(ropeIds).toContain('sara');
    // choose, and from then on record the ropes of every frame the view draws (after
    // each of its updates, so the layout read is the one just drawn)
    await page.evaluate((id) => {
      const w = window as unknown as { seen: string[][]; stop: () => void };
      const scene = (
        window.__TEST__!.ropeView!.game as {
          scene: {
            getScene(key: string): {
              ropeIds(): string[];
              events: { on(e: string, f: () => void): void; off(e: string, f: () => void): void };
            };
          };
        }
      ).scene.getScene('ropes');
      w.seen = [];
      const record = () => w.seen.push(scene.ropeIds());
      w.stop = () => scene.events.off('postupdate', record);
      window.__TEST__!.store.getState().choose(id);
      scene.events.on('postupdate', record);
    }, reply);
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            (
              window.__TEST__!.ropeView!.game as {
                scene: { getScene(key: string): { playing: boolean } };
              }
            ).scene.getScene('ropes').playing,
        ),
      )
      .toBe(false);
    const seen = await page.evaluate(() => {
      const w = window as unknown as { seen: string[][]; stop: () => void };
      w.stop();
      return w.seen;
    });
    // the quarter was watched as it played, not only at its end
    expect(seen.length).toBeGreaterThan(10);
    if (quarter < 3) continue;
    // quarter 4: Sara resigns, and no frame of it draws her rope
    expect(seen.filter((ids) => ids.includes('sara'))).toEqual([]);
    expect(seen.at(-1)).toEqual(expect.arrayContaining(['chloe', 'ben']));
  }
  await expect.poll(ropeIds).not.toContain('sara');
  // the list beside the picture, and its legend, say who left, when and why
  await expect(page.locator('.rope-list')).toContainText(
    'Sara Lindqvist left the team in quarter 4: Sara resigns. No rope: someone who has gone pulls nothing.',
  );
  await expect(page.locator('.rope-list li', { hasText: /^Sara Lindqvist \(/ })).toHaveCount(0);
  await expect(page.locator('.rope-legend-list li[data-mark="left"]')).toContainText(
    'Sara Lindqvist left in quarter 4 (Sara resigns)',
  );
  // and the canvas's own description agrees
  await expect(page.locator('#stage canvas')).toHaveAttribute(
    'aria-label',
    /Sara Lindqvist left the team in quarter 4/,
  );
});
