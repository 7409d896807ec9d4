import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo, test } from '@playwright/test';
import { parse } from 'yaml';

// Helpers for driving the game the way a player does: by keyboard, through the HTML
// buttons. The store (window.__TEST__) is only read, to compare with the model's CLI.

export const ROOT = new URL('../../../', import.meta.url).pathname;

export interface SimOutput {
  hash: string;
  score: number;
  finished: boolean;
  outcomes: Record<string, number>;
  quarters: { quarter: number; shown: string[]; choice: string; metrics: Record<string, number> }[];
}

/** What `npm run simulate` prints for this market and these choices. */
export function simulate(scenario: string, seed: string, choices: string[]): SimOutput {
  const out = execFileSync(
    process.execPath,
    [
      'scripts/cli.mjs',
      'src/cli/simulate.ts',
      '--scenario',
      scenario,
      '--seed',
      seed,
      '--choices',
      choices.join(','),
    ],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return JSON.parse(out) as SimOutput;
}

/** Records CSP violations and page errors so a test can assert there were none. */
export async function watchPage(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return problems;
}

export async function openGame(page: Page, query = ''): Promise<void> {
  await page.goto(`./${query}`);
  await page.waitForFunction(() => window.__TEST__?.ready === true);
}

export async function waitForRopeView(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__TEST__?.viewSettled === true, null, {
    timeout: 30_000,
  });
  expect(await page.evaluate(() => window.__TEST__?.ropeView !== undefined)).toBe(true);
}

async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '';
    return (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
  });
}

/** Presses Tab until the focused control's name matches, then presses `key` on it. */
export async function tabTo(
  page: Page,
  name: RegExp,
  key: 'Enter' | 'Space' = 'Enter',
): Promise<string> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const current = await focusedName(page);
    if (name.test(current)) {
      await page.keyboard.press(key);
      return current;
    }
  }
  throw new Error(`no control named ${name} reached by Tab`);
}

export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const summary = result.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe violations on ${where}`).toEqual([]);
}

export async function screenState(page: Page) {
  return page.evaluate(() => {
    const s = window.__TEST__!.store.getState();
    return {
      screen: s.screen,
      phase: s.phase,
      quarter: s.sim?.quarter ?? 0,
      situation: s.sim?.situationId ?? null,
    };
  });
}

/** The choices the situation on screen offers, in the order of its buttons. */
export async function choicesOnScreen(page: Page): Promise<{ id: string; name: string }[]> {
  return page.locator('button.choice').evaluateAll((els) =>
    els.map((el) => ({
      id: el.getAttribute('data-choice') ?? '',
      name: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
    })),
  );
}

/**
 * The ids of the current situation's choices as its scenario file lists them. The page
 * shows them in an order shuffled per market, so tests that want a given path pick from
 * this list and find the button by its id.
 */
export async function listedChoices(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const s = window.__TEST__!.store.getState();
    const situation = s.entry!.scenario.situations.find((x) => x.id === s.sim!.situationId)!;
    return situation.choices.map((c) => c.id);
  });
}

/** Clicks the choice listed `index`-th in the scenario file (modulo their number; -1: the last). */
export async function clickListed(page: Page, index: number): Promise<string> {
  const listed = await listedChoices(page);
  const id = listed.at(index % listed.length)!;
  // a press right where the last one was, within half a second of the situation being
  // drawn, is taken for the tail of a double click and refused (src/ui/fresh-press.ts):
  // click as a player who has read the situation does
  await page.waitForTimeout(550);
  await page.locator(`button.choice[data-choice="${id}"]`).click();
  return id;
}

/** Plays one quarter of a game on screen (the choice listed `index`-th) and moves on. */
export async function playQuarter(page: Page, index: number): Promise<string> {
  await expect(page.locator('button.choice').first()).toBeEnabled();
  const id = await clickListed(page, index);
  await page.getByRole('button', { name: /^(On to quarter \d+|See the debrief)$/ }).click();
  return id;
}

/**
 * Plays the market on screen to the debrief by keyboard alone, taking the choice listed
 * `pick(quarter, count)`-th in the scenario file each quarter, whatever its place on
 * screen. Returns the choice ids played.
 */
export async function playByKeyboard(
  page: Page,
  pick: (quarter: number, count: number) => number,
): Promise<string[]> {
  const played: string[] = [];
  for (let guard = 0; guard < 40; guard++) {
    const s = await screenState(page);
    if (s.screen === 'debrief') return played;
    if (s.screen !== 'play') throw new Error(`unexpected screen ${s.screen}`);
    if (s.phase === 'decide') {
      await expect(page.locator('h1')).toBeFocused();
      const listed = await listedChoices(page);
      const id = listed[pick(s.quarter + 1, listed.length) % listed.length]!;
      const c = (await choicesOnScreen(page)).find((x) => x.id === id)!;
      // the whole name: two replies may open alike ("Ring both theatre managers yourself
      // now, and send Ben…" and "…send Chloé…"), so a prefix could press the other one
      const escaped = c.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      await tabTo(page, new RegExp(`^${escaped}$`), s.quarter % 2 === 0 ? 'Enter' : 'Space');
      played.push(c.id);
      await expect.poll(async () => (await screenState(page)).phase).toBe('outcome');
    } else {
      await tabTo(page, /^(On to quarter \d+|See the debrief)$/);
      await expect
        .poll(async () => JSON.stringify(await screenState(page)))
        .not.toBe(JSON.stringify(s));
    }
  }
  throw new Error('the game did not reach the debrief');
}

/**
 * Plays a market through the store's actions (not its buttons) up to its last quarter's
 * outcome; the store's nextQuarter() then opens the debrief. With `scenario` and `seed` a
 * new market is picked first, otherwise the one on screen is played. Each quarter takes a
 * reply by its place in the scenario file: `mixed`, the quarter's number modulo their
 * count (a line of mixed styles); `last`, the last one. Returns the choices played.
 */
export async function playThroughStore(
  page: Page,
  options: { scenario?: string; seed?: string; pick: 'mixed' | 'last' },
): Promise<string[]> {
  return page.evaluate(({ scenario, seed, pick }) => {
    const store = window.__TEST__!.store;
    if (scenario && seed) store.getState().pickScenario(scenario, seed);
    store.getState().beginQuarters();
    for (let guard = 0; guard < 40; guard++) {
      const s = store.getState();
      if (s.sim!.situationId === null) break;
      if (s.phase === 'outcome') {
        s.nextQuarter();
        continue;
      }
      const { choices } = s.entry!.scenario.situations.find((x) => x.id === s.sim!.situationId)!;
      const index = pick === 'last' ? choices.length - 1 : s.sim!.quarter % choices.length;
      s.choose(choices[index]!.id);
    }
    return [...store.getState().sim!.choices];
  }, options);
}

/** From the briefing, plays the market to its debrief with the first listed reply each quarter. */
export async function playToDebrief(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Start quarter 1' }).click();
  while ((await page.locator('.debrief').count()) === 0) {
    const next = page.locator('[data-next]');
    if (await next.count()) await next.click();
    else await clickListed(page, 0);
  }
}

/** Plays `ids`, one reply a quarter, moving on after each outcome (to the debrief at the end). */
export async function playReplies(page: Page, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    const reply = page.locator(`button.choice[data-choice="${id}"]`);
    await expect(reply).toBeEnabled();
    // a press within half a second of the situation being drawn is taken for a double click
    await page.waitForTimeout(550);
    await reply.click();
    await page.locator('[data-next]').click();
  }
}

/** A screenshot kept as a file in the test's output folder and attached to its report. */
export async function attachScreenshot(
  page: Page,
  testInfo: TestInfo,
  name: string,
  selector?: string,
): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  if (selector) await page.locator(selector).screenshot({ path });
  else await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/**
 * The page at the two sizes the project checks (1280×800 and 360×740), kept in the test's
 * output folder for a person to look at; the viewport is left at 1280×720 afterwards.
 */
export async function shootAtBothSizes(page: Page, name: string): Promise<void> {
  for (const [w, h] of [
    [1280, 800],
    [360, 740],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: test.info().outputPath(`${name}-${w}x${h}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

/**
 * Waits until the page's service worker has cached the site and is active: the moment the
 * game says it now plays offline, where it says so (src/app/offline-notice.ts).
 */
export async function waitForOfflineCache(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const worker = (await navigator.serviceWorker.ready).active!;
    if (worker.state === 'activated') return;
    await new Promise<void>((done) =>
      worker.addEventListener('statechange', () => worker.state === 'activated' && done()),
    );
  });
  // the page hears of the activation in a task of its own
  await page.waitForTimeout(1000);
}

/** The ids of the bundled scenarios, read from the files the build bundles. */
export function bundledIds(): string[] {
  const dir = `${ROOT}scenarios/`;
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => (parse(readFileSync(dir + f, 'utf8')) as { id: string }).id);
}
