import { expect, test } from '@playwright/test';
import { attachScreenshot, openGame, playReplies, watchPage } from './helpers/game.ts';

// An event that only comes when a figure is low or high says so on the quarter's outcome.
// Found by a trainee's play-through: on distrustful-account market 276119 the third
// quarter's technical note took team morale from 75 to 71.8 (shown as 72), and in the
// fourth "Aisha takes Ruiz's offer" read as bad luck; it needs morale under 72.

const REPLIES = ['give-first', 'intimacy', 'tech-note'];

for (const [width, height] of [
  [1280, 800],
  [360, 740],
] as const) {
  test(`an event names the figure that let it come, at ${width}×${height}`, async ({
    page,
  }, testInfo) => {
    const problems = await watchPage(page);
    await page.setViewportSize({ width, height });
    await openGame(page, '?scenario=distrustful-account&seed=276119');
    await page.getByRole('button', { name: 'Start quarter 1' }).click();
    await playReplies(page, REPLIES);
    // the fourth quarter: any reply; the event is drawn before it
    const reply = page.locator('button.choice[data-choice="agree-terms"]');
    await expect(reply).toBeEnabled();
    await page.waitForTimeout(550);
    await reply.click();
    const event = page.locator('.outcome .event', { hasText: "Aisha takes Ruiz's offer" });
    await expect(event).toContainText(
      'It could happen only because, at the end of quarter 3, team morale stood at 71.8, under 72.',
    );
    // an event that can come in any game gives no such reason
    await expect(page.locator('.outcome .event .event-reason')).toHaveCount(1);
    await event.scrollIntoViewIfNeeded();
    await attachScreenshot(page, testInfo, `event-reason-${width}`);
    expect(problems).toEqual([]);
  });
}
