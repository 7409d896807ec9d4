import { expect, test } from '@playwright/test';
import { workshopUrl } from '../workshop/e2e-codes.ts';
import { expectNoAxeViolations, playReplies, shootAtBothSizes } from './helpers/game.ts';

// A workshop link a facilitator hands out, played without a live room: the game is the
// room's exercise, not an assessment, so the debrief reads the result against the
// scenario's pass mark as feedback and never says "not passed". The market is the one the
// practice test plays (tutorial, market 777: fair score 17, score 60).

test('a workshop link without a live room: the debrief gives feedback against the pass mark, never "not passed"', async ({
  page,
  baseURL,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const url = workshopUrl(new URL('index.html', baseURL).toString(), {
    name: 'Lyon kick-off',
    session: 'e2e-static-workshop',
    seed: '777',
    scenario: 'tutorial',
  });
  await page.goto(url);
  await expect(page.getByText('Lyon kick-off')).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
  await playReplies(page, ['depot-visit', 'workshop', 'free-pilot', 'match-now']);
  const verdict = page.locator('.verdict');
  await expect(verdict).toHaveText("Fair score 17 of 100: below the scenario's pass mark of 75.", {
    timeout: 60_000,
  });
  // drawn as where the trainee stands, not as a failed test
  await expect(verdict).toHaveClass(/\bbelow\b/);
  await expect(page.locator('.score-note')).toContainText(
    'the fair score is what the pass mark reads',
  );
  await expect(page.locator('.debrief')).not.toContainText(/not passed|decides the pass/i);
  // still a workshop game: the banner names it and the result goes to the facilitator
  await expect(page.getByText('Workshop:', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page, 'the workshop game debrief');
  await page.locator('.headline').scrollIntoViewIfNeeded();
  await shootAtBothSizes(page, 'workshop-debrief-head');
});
