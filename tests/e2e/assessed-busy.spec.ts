import { expect, type Page, test } from '@playwright/test';
import { startAssessedAttempt } from './helpers/assess.ts';
import {
  attachScreenshot,
  playQuarter,
  simulate,
  waitForRopeView,
  watchPage,
} from './helpers/game.ts';
import { createAssessment, roomServerForFile } from './helpers/room-server.ts';

// A trainee in an assessed attempt whose browser has sent more requests than the server
// takes in a minute (docs/server.md, Rate limits: TOW_RATE_LIMIT per client): the decision
// is refused with 429 rate_limited, the page says so in a sentence with the server's wait,
// sends it again after that wait, and the attempt finishes on the score of the replies
// taken, with every decision on the server.

/** API requests a minute with the trainee's token: low, so a test can use them up. */
const PER_CLIENT = 10;
const server = roomServerForFile({ TOW_RATE_LIMIT: String(PER_CLIENT) });

/** The trainee's own count, used up from outside the page (as a second tab in a loop would). */
async function useUpTheTrainee(id: string, token: string): Promise<boolean> {
  for (let i = 0; i <= PER_CLIENT; i++) {
    const res = await fetch(`${server.base}api/assignments/${id}/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    await res.arrayBuffer();
    if (res.status === 429) return true;
  }
  return false;
}

/** A one-attempt tutorial assessment for one trainee, opened on a desktop, its first quarter played. */
async function firstQuarterPlayed(page: Page, title: string, trainee: string) {
  const seedless = await createAssessment(server.base, {
    title,
    scenario: { kind: 'bundled', id: 'tutorial' },
    passMark: 0,
    attempts: 1,
    trainees: [`${trainee}@example.com`],
  });
  const link = seedless.links[0]!;
  const token = new URL(link).searchParams.get('t')!;
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(link);
  await startAssessedAttempt(page);
  await waitForRopeView(page);
  const played = [await playQuarter(page, 1)];
  return { seedless, token, played };
}

test('a decision refused for too many requests is sent again after the server’s wait, and the attempt is graded on it', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const problems = await watchPage(page);
  const { seedless, token, played } = await firstQuarterPlayed(page, 'Busy afternoon', 'bo');

  expect(await useUpTheTrainee(seedless.id, token)).toBe(true);
  await expect(page.locator('button.choice').first()).toBeEnabled();
  await page.waitForTimeout(550);
  const refusedId = await page
    .locator('button.choice')
    .first()
    .getAttribute('data-choice')
    .then((id) => id ?? '');
  await page.locator('button.choice').first().click();
  played.push(refusedId);
  const bar = page.locator('.room-bar');
  await expect(bar).toContainText(
    /too many requests: trying again in \d+ s \(the server keeps your decisions\)/,
  );
  // the page's words, never the protocol's code; and no refusal shown as an error
  await expect(page.getByText(/rate_limited|out of order|did not take that/)).toHaveCount(0);
  await attachScreenshot(page, testInfo, 'assessed-busy-1280x800');
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(bar).toBeInViewport();
  await attachScreenshot(page, testInfo, 'assessed-busy-360x740');
  await page.setViewportSize({ width: 1280, height: 800 });

  // the minute ends, the page sends the same decision again, and the server takes it
  await expect(page.getByRole('button', { name: /^On to quarter \d+$/ })).toBeVisible({
    timeout: 75_000,
  });
  await expect(bar).toContainText('connected');
  await page.getByRole('button', { name: /^On to quarter \d+$/ }).click();
  const quarters = await page.evaluate(
    () => window.__TEST__!.store.getState().entry!.scenario.quarters,
  );
  for (let q = 3; q <= quarters; q++) played.push(await playQuarter(page, q));
  await expect(page.getByRole('heading', { name: 'How your market went' })).toBeVisible({
    timeout: 75_000,
  });
  await expect(page.locator('[data-assessed-grade]')).toContainText(
    'The server graded attempt 1 of 1',
  );

  // every decision reached the server once, and the score is the model's for them
  const seed = await page.evaluate(() => window.__TEST__!.store.getState().sim!.seed);
  const expected = simulate('tutorial', seed, played).score;
  await expect(page.locator('.headline .score')).toHaveAttribute('data-score', String(expected));
  const me = await fetch(`${server.base}api/assignments/${seedless.id}/me`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const status = (await me.json()) as { attempts: { choices: string[]; score: number | null }[] };
  expect(status.attempts[0]?.choices).toEqual(played);
  expect(status.attempts[0]?.score).toBe(expected);
  // the browser logs the refused request itself; nothing else may go wrong
  expect(problems.filter((p) => !p.includes('429'))).toEqual([]);
});

test('a decision whose answer was lost on the way is found taken on the server, not shown as refused', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const { seedless, token, played } = await firstQuarterPlayed(page, 'Patchy line', 'cy');

  // the second decision reaches the server, but its answer never reaches the page: the
  // page sends it again, and the server says it was already made
  let lost = 0;
  await page.route('**/attempts/*/decisions', async (route) => {
    if (lost > 0) return route.continue();
    lost++;
    await route.fetch();
    await route.abort('connectionreset');
  });
  await page.waitForTimeout(550);
  const id = await page.locator('button.choice').first().getAttribute('data-choice');
  await page.locator('button.choice').first().click();
  played.push(id ?? '');
  // an assessed attempt has no room to send a call to
  await expect(page.getByText(/Sending your call to the room/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^On to quarter \d+$/ })).toBeVisible({
    timeout: 75_000,
  });
  await expect(page.getByText(/did not take that|duplicate|out of order/)).toHaveCount(0);
  expect(lost).toBe(1);
  await page.getByRole('button', { name: /^On to quarter \d+$/ }).click();
  const quarters = await page.evaluate(
    () => window.__TEST__!.store.getState().entry!.scenario.quarters,
  );
  for (let q = 3; q <= quarters; q++) played.push(await playQuarter(page, q));
  await expect(page.locator('[data-assessed-grade]')).toContainText(
    'The server graded attempt 1 of 1',
    { timeout: 75_000 },
  );
  const me = await fetch(`${server.base}api/assignments/${seedless.id}/me`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const status = (await me.json()) as { attempts: { choices: string[] }[] };
  expect(status.attempts[0]?.choices).toEqual(played);
});
