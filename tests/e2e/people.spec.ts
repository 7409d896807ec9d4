import { expect, type Page, test } from '@playwright/test';
import { PORTRAIT_IDS } from '../../src/scenario/portrait-ids.ts';
import {
  attachScreenshot,
  expectNoAxeViolations,
  openGame,
  waitForRopeView,
  watchPage,
} from './helpers/game.ts';

// People, not ids: the briefing introduces the team with faces, names and roles; a
// situation card shows who it comes from and how it came; skills and departments in words.

const SIZES = [
  [1280, 800],
  [360, 740],
] as const;

/** Every portrait on the page has loaded (not a broken image). */
async function expectPortraitsLoaded(page: Page, where: string): Promise<void> {
  const broken = await page
    .locator('img.portrait')
    .evaluateAll(
      (imgs) =>
        (imgs as HTMLImageElement[]).filter((i) => !i.complete || i.naturalWidth === 0).length,
    );
  expect(broken, `${where}: portraits that did not load`).toBe(0);
}

for (const [width, height] of SIZES) {
  test(`the team's faces in the briefing and the sender on the cards at ${width}×${height}`, async ({
    page,
  }, testInfo) => {
    const problems = await watchPage(page);
    await page.setViewportSize({ width, height });

    // who-owns: Sara's skill (1.3 in the model) and the infection-control department
    await openGame(page, '?scenario=who-owns&seed=3');
    const team = page.locator('.team-list .person');
    await expect(team).toHaveCount(3);
    await expect(team.first().locator('img.portrait')).toHaveAttribute(
      'alt',
      "Sara Lindqvist, Key account rep, nine years on St Brigid's",
    );
    await expect(team.first()).toContainText('exceptional');
    await expectPortraitsLoaded(page, 'briefing');
    const briefing = (await page.locator('.briefing').textContent()) ?? '';
    expect(briefing).not.toMatch(/\d{3}\/100/);
    expect(briefing).toContain('infection control');
    expect(briefing).toContain('biomedical engineering');
    expect(briefing).not.toMatch(/infection-control|\bbiomed\b/);
    await expectNoAxeViolations(page, `briefing ${width}`);
    await attachScreenshot(page, testInfo, `people-briefing-${width}`);

    // silos: the first card is Helen's call, from outside the team
    await openGame(page, '?scenario=silos&seed=3');
    const alts = await page
      .locator('.team-list img.portrait')
      .evaluateAll((imgs) => imgs.map((i) => i.getAttribute('alt')));
    expect(alts).toEqual([
      'Priya Nair, Lead, power tools',
      'Marcus Bell, Lead, safety gear and PPE',
      'Dana Okafor, Lead, maintenance contracts',
      'Luis Ortega, Lead, consumables',
    ]);
    await page.getByRole('button', { name: 'Start quarter 1' }).click();
    const sender = page.locator('.situation .sender');
    await expect(sender).toHaveAttribute('data-channel', 'call');
    await expect(sender).toContainText('Phone call from');
    await expect(sender.locator('.sender-name')).toHaveText('Helen Achterberg');
    await expect(sender).toContainText('Head of procurement, Meridian Foods');
    await expect(sender.locator('img.channel-icon')).toHaveAttribute('alt', '');
    await expectNoAxeViolations(page, `first card ${width}`);
    await attachScreenshot(page, testInfo, `people-card-call-${width}`);

    // one account plan leads to the bundle question, which Priya brings to a meeting
    await page.locator('[data-choice="one-plan"]').click();
    await page.locator('[data-next]').click();
    await expect(sender).toHaveAttribute('data-channel', 'meeting');
    await expect(sender).toContainText('Meeting with');
    await expect(sender.locator('img.portrait')).toHaveAttribute(
      'alt',
      'Priya Nair, Lead, power tools',
    );
    await expectPortraitsLoaded(page, 'second card');
    if (width === 1280) {
      // the sender line leaves every reply on the first screen
      const bottom = await page
        .locator('button.choice')
        .evaluateAll((els) => Math.max(...els.map((e) => e.getBoundingClientRect().bottom)));
      expect(bottom).toBeLessThanOrEqual(height);
    }
    await waitForRopeView(page);
    await expectNoAxeViolations(page, `second card ${width}`);
    await attachScreenshot(page, testInfo, `people-card-meeting-${width}`);
    expect(problems).toEqual([]);
  });
}

test('the portraits are precached for offline play', async ({ request }) => {
  const worker = await (await request.get('sw.js')).text();
  for (const id of PORTRAIT_IDS)
    expect(worker, `${id}.svg in the precache`).toMatch(new RegExp(`${id}-[\\w-]+\\.svg`));
});
