import { expect, test } from '@playwright/test';
import { openGame, playToDebrief, watchPage } from './helpers/game.ts';

// On a phone the rope view stands at the top of the page and the debrief's "Watch the
// market again" far below it: "Play the quarters" animated a picture nobody could see
// (found by a trainee's play-through). While it plays, the picture is pinned to the top of
// the window; the page under the reader does not move, and pausing puts it back.

test('on a phone, playing the quarters pins the rope view in sight, and pausing puts it back', async ({
  page,
}, testInfo) => {
  const problems = await watchPage(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await openGame(page, '?scenario=scripts-or-judgement&seed=930200');
  await playToDebrief(page);
  const heading = page.getByText('Watch the market again');
  await heading.scrollIntoViewIfNeeded();
  await heading.click();
  const play = page.getByRole('button', { name: /Play the quarters/ });
  await play.scrollIntoViewIfNeeded();
  const stage = page.locator('.stage');
  const inWindow = async () => {
    const box = (await stage.boundingBox())!;
    return box.y >= 0 && box.y + box.height <= 844;
  };
  expect(await inWindow()).toBe(false);
  const before = (await play.boundingBox())!.y;
  await play.click();
  await expect(page.getByRole('button', { name: /Pause/ })).toBeVisible();
  expect(await inWindow()).toBe(true);
  // the picture is drawn over the page, whose place is kept: the controls stay put
  expect((await page.getByRole('button', { name: /Pause/ }).boundingBox())!.y).toBeCloseTo(
    before,
    0,
  );
  await page.waitForTimeout(1500);
  await page.screenshot({ path: testInfo.outputPath('timeline-playing-390.png') });
  await page.getByRole('button', { name: /Pause/ }).click();
  await expect(play).toBeVisible();
  await page.getByText('Watch the market again').scrollIntoViewIfNeeded();
  expect(await inWindow()).toBe(false);
  expect(problems).toEqual([]);
});
