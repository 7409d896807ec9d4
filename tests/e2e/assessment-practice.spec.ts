import { expect, type Page, test } from '@playwright/test';
import { startAssessedAttempt } from './helpers/assess.ts';
import { expectNoAxeViolations, playQuarter, waitForRopeView, watchPage } from './helpers/game.ts';
import { roomServerForFile } from './helpers/room-server.ts';

// An assessment of two attempts on the server, as the trainee and HR see it: between the
// attempts the debrief offers practice on a new market, whose debrief shows the outcomes
// but keeps the scenario's answer key closed (attempt 2 plays the same scenario); the
// verdict and the scenario's band never contradict each other under the assessment's own
// mark; the market's number reads the same, case and all, on the trainee's debrief and in
// HR's cohort, which names the attempt its figures are from and lists every attempt; and
// the form HR creates it with explains the pass mark and the attempts.

const server = roomServerForFile();

async function api<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(res.ok, `${path}: ${res.status}`).toBe(true);
  return (await res.json()) as T;
}

async function playToDebrief(page: Page): Promise<void> {
  await waitForRopeView(page);
  for (let q = 1; q <= 4; q++) await playQuarter(page, q);
  await expect(page.getByRole('heading', { name: 'How your market went' })).toBeVisible();
}

async function shoot(page: Page, at: string, name: string, path: (n: string) => string) {
  for (const [width, height] of [
    [1280, 800],
    [360, 740],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.locator(at).first().scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path(`${name}-${width}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('between two attempts practice keeps the answer key closed, and HR sees every attempt by the number the trainee sees', async ({
  page,
  context,
}, testInfo) => {
  test.setTimeout(300_000);
  const problems = await watchPage(page);
  const out = (n: string) => testInfo.outputPath(n);
  // a mark nobody reaches on the tutorial, so attempt 1 does not pass
  const made = await api<{
    assignment: { id: string };
    adminSecret: string;
    trainees: { token: string }[];
  }>('api/assignments', {
    title: 'Practice check',
    scenario: { kind: 'bundled', id: 'tutorial' },
    passMark: 100,
    attempts: 2,
    trainees: ['zoe'],
  });
  const link = `${server.base}?assess=${made.assignment.id}&t=${made.trainees[0]!.token}`;
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(link);
  await startAssessedAttempt(page);
  await playToDebrief(page);
  await expect(page.locator('[data-assessed-grade]')).toBeVisible();
  const gradeOf = async () =>
    Number(await page.locator('[data-assessed-grade]').getAttribute('data-assessed-grade'));
  const firstGrade = await gradeOf();
  // one attempt so far: nothing to say about which counts
  await expect(page.locator('.counted-attempt')).toHaveCount(0);
  // biome-ignore lint/performance/useDomNodeTextContent: the text as the stylesheet shows it (text-transform), which is what a reader sees
  const numberOf = async () => page.locator('.debrief .kicker .market-number').innerText();
  const first = await numberOf();
  // a fail under the assessment's mark is never told it is "A pass"
  await expect(page.locator('.verdict')).toContainText('✗ Not passed yet');
  await expect(page.locator('.band')).toBeVisible();
  await expect(page.locator('.band')).not.toContainText('A pass');

  // attempt 2 is left: practice is on a new market, never this one
  await expect(
    page.getByRole('button', { name: 'Play this market again (practice, not graded)' }),
  ).toHaveCount(0);
  await page.getByRole('button', { name: 'Play a new market (practice, not graded)' }).click();
  await expect(page.getByRole('heading', { name: 'Your team' })).toBeVisible();
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
  await playToDebrief(page);
  expect(await numberOf()).not.toBe(first);
  // the outcomes and the fair score, as feedback against the assessment's mark ...
  await expect(page.locator('.verdict')).toContainText('below the 100 a graded game would need');
  // ... but none of the answers: no par lines, no what-if, no better reply named
  const closed = page.locator('.closed-note[data-why="rehearsal"]');
  await expect(closed).toContainText('This practice belongs to an assessment');
  await expect(page.locator('.par-closed')).toContainText('stay closed in practice');
  await expect(page.locator('.closed-verdicts')).toBeVisible();
  // nor how many replies were the strongest, nor which: the next attempt would keep those
  await expect(page.locator('.debrief')).not.toContainText(
    /strongest in the game you built|points or more against another reply/,
  );
  await expect(page.locator('.decision-card .fit')).toHaveCount(0);
  await expect(page.locator('.par-table')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /What if I had chosen differently/ })).toHaveCount(
    0,
  );
  await expect(page.locator('.debrief')).not.toContainText(/"[^"]+" would have scored/);
  await expect(page.locator('.debrief')).not.toContainText(
    'Where another reply would have done better',
  );
  await expect(page.locator('.best-note')).toHaveCount(0);
  await expectNoAxeViolations(page, 'a practice debrief between assessed attempts');
  await shoot(page, '.closed-verdicts', 'practice-between-attempts', out);
  await shoot(page, '.closed-note', 'practice-between-attempts-whatif', out);
  // and practice started from it stays closed too
  await page.getByRole('button', { name: 'New market' }).click();
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
  await playToDebrief(page);
  await expect(closed).toBeVisible();
  await expect(page.locator('.par-table')).toHaveCount(0);

  // attempt 2, from the link again: it shows the finished attempt, which offers the next
  await page.goto(link);
  await page.getByRole('link', { name: 'Start attempt 2 of 2' }).click();
  await startAssessedAttempt(page);
  await playToDebrief(page);
  await expect(page.locator('[data-assessed-grade]')).toBeVisible();
  const second = await numberOf();
  // the debrief says which attempt counts: the best, as HR's cohort and a gradebook read it
  // (a reviewer's learner scored 83 then 80 and was told only of the 80)
  const secondGrade = await gradeOf();
  const counted = page.locator('.counted-attempt');
  await expect(counted).toBeVisible();
  if (secondGrade !== firstGrade) {
    const best = secondGrade > firstGrade ? 2 : 1;
    await expect(counted).toHaveAttribute('data-counted-attempt', String(best));
    await expect(counted).toContainText(
      best === 2
        ? 'This is your best attempt so far, and the one that counts'
        : `Your best attempt counts: attempt 1 (fair score ${firstGrade},`,
    );
  }
  await shoot(page, '.debrief .kicker', 'attempt-2-debrief', out);

  // HR's page: the form explains the mark and the attempts; the cohort every attempt
  const hr = await context.newPage();
  await hr.setViewportSize({ width: 1280, height: 800 });
  await hr.goto(`${server.base}hr.html`);
  await expect(hr.locator('#s-attempts')).toHaveAccessibleDescription(
    /Each attempt deals the trainee a new market of the scenario\. The best attempt \(the highest fair score\) counts/,
  );
  await expect(hr.locator('#s-pass')).toHaveAccessibleDescription(
    /share of all strategies on the trainee's market that scored lower/,
  );
  await shoot(hr, '#s-pass', 'hr-create-form', out);
  // the static assignment form explains them in the same words, its attempts as they are
  await expect(hr.locator('#a-pass')).toHaveAccessibleDescription(
    // biome-ignore lint/performance/useDomNodeTextContent: the text as the stylesheet shows it (text-transform), which is what a reader sees
    (await hr.locator('#s-pass-hint').innerText()).trim(),
  );
  await expect(hr.locator('#a-attempts')).toHaveAccessibleDescription(
    /Each attempt replays the trainee's market from the first quarter\. When you check the results, the best attempt within the limit counts/,
  );
  await shoot(hr, '#a-pass', 'hr-assign-form', out);
  await hr.locator('#s-id').fill(made.assignment.id);
  await hr.locator('#s-secret').fill(made.adminSecret);
  await hr.getByRole('button', { name: 'Show the cohort' }).click();
  const row = hr.locator('tr[data-trainee="zoe"]');
  await expect(row.locator('td[data-label="Attempts"]')).toHaveText('2 of 2');
  // biome-ignore lint/performance/useDomNodeTextContent: the text as the stylesheet shows it (text-transform), which is what a reader sees
  const best = (await row.locator('td[data-label="Best attempt"]').innerText()).trim();
  expect(best).toMatch(/^Download attempt [12]$/);
  // the row's market is the best attempt's, as the trainee read it on that debrief
  // biome-ignore lint/performance/useDomNodeTextContent: the text as the stylesheet shows it (text-transform), which is what a reader sees
  expect(await row.locator('td[data-label="Market"]').innerText()).toBe(
    best === 'Download attempt 1' ? first : second,
  );
  await row.getByText('2 attempts').click();
  const items = row.locator('.each-attempt li');
  await expect(items).toHaveCount(2);
  for (const [i, shown] of [first, second].entries()) {
    await expect(items.nth(i)).toContainText(`Attempt ${i + 1}`);
    // biome-ignore lint/performance/useDomNodeTextContent: the text as the stylesheet shows it (text-transform), which is what a reader sees
    expect(await items.nth(i).locator('.market-number').innerText()).toBe(shown);
    await expect(items.nth(i)).toContainText(/fair score \d+, score \d+, not passed/);
    await expect(
      items
        .nth(i)
        .getByRole('button', { name: `Download attempt ${i + 1}: the signed result of zoe` }),
    ).toBeVisible();
  }
  const download = hr.waitForEvent('download');
  await items.nth(1).getByRole('button').click();
  expect((await download).suggestedFilename()).toMatch(/json$/);
  await expectNoAxeViolations(hr, "HR's cohort with every attempt open");
  await shoot(hr, 'tr[data-trainee="zoe"]', 'hr-cohort-attempts', out);
  // on a desktop the whole row, its attempts open, fits without scrolling sideways
  const wrap = hr.locator('.cohort .table-wrap');
  expect(await wrap.evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(0);
  expect(problems).toEqual([]);
});
