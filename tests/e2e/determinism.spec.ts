import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { build } from 'vite';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';

// The same session record gives the same game in Chromium as in Node: every quarter's
// metrics, forces and causes, the outcomes, the score and the result code, for every
// bundled scenario; the fair score computed in a real browser Worker equals the CLI's
// percentile and par lines; and the built game, driven through window.__TEST__, plays a
// record to the same quarters as `npm run simulate`.

const ROOT = new URL('../../', import.meta.url).pathname;
const bundled = loadBundledScenarios();

function simulate(args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/cli.mjs', 'src/cli/simulate.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`simulate failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** One file of browser code from an entry, built by Vite as a classic script. */
async function bundle(entry: string, name: string): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    build: {
      write: false,
      minify: false,
      target: 'es2022',
      lib: { entry: `${ROOT}${entry}`, formats: ['iife'], name },
    },
  });
  const first = Array.isArray(out) ? out[0] : out;
  if (!first || !('output' in first)) throw new Error('vite build gave no output');
  return first.output[0].code;
}

let harness = '';
let worker = '';
test.beforeAll(async () => {
  harness = await bundle('tests/e2e/harness/determinism-entry.ts', 'Determinism');
  worker = await bundle('src/workers/census.worker.ts', 'CensusWorker');
});

// the game's CSP forbids inline scripts; the harness is test code, added from outside
test.use({ bypassCSP: true });

test.describe('determinism: Chromium and Node', () => {
  test('replays each bundled scenario’s record to the same quarters, score and code', async ({
    page,
  }) => {
    await page.goto('./');
    await page.addScriptTag({ content: harness });
    for (const { scenario } of bundled) {
      for (const seed of ['1', 'workshop-42']) {
        const node = simulate(['--scenario', scenario.id, '--seed', seed, '--policy', 'random']);
        const browser = await page.evaluate(
          ([sc, record]) => globalThis.__DET__.replayRecord(sc, record),
          [scenario, node.record] as const,
        );
        expect(browser.quarters, `${scenario.id} seed ${seed}`).toEqual(node.quarters);
        expect(browser.outcomes).toEqual(node.outcomes);
        expect(browser.score).toBe(node.score);
        expect(browser.code).toBe(node.code);
      }
    }
  });

  test('computes the fair score in a browser Worker, equal to the CLI, without freezing the page', async ({
    page,
  }) => {
    await page.goto('./');
    await page.addScriptTag({ content: harness });
    const largest = bundled.reduce((a, b) =>
      b.scenario.situations.length > a.scenario.situations.length ? b : a,
    ).scenario;
    const node = simulate([
      '--scenario',
      largest.id,
      '--seed',
      '9',
      '--policy',
      'random',
      '--percentile',
    ]);
    const browser = await page.evaluate(
      async ([sc, score, code]) => {
        const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
        return globalThis.__DET__.fairScore(sc, '9', score, url);
      },
      [largest, node.score as number, worker] as const,
    );
    // the time a player waits for the fair score, worker start included (issue 4: < 200 ms for 8x3)
    test.info().annotations.push({
      type: 'fair score in the worker',
      description: `${largest.id}: ${Math.round(browser.elapsed)} ms for ${browser.strategies} strategies`,
    });
    console.log(
      `fair score in the worker: ${largest.id}, ${Math.round(browser.elapsed)} ms, ${browser.strategies} strategies`,
    );
    expect(browser.percentile).toBe(node.percentile);
    expect(browser.par).toEqual(node.par);
    expect(browser.statement).toBe(node.fairScore);
    expect(browser.progress.at(-1)).toBe(1);
    expect(browser.progress.length).toBeGreaterThan(10);
    // the page's timers kept running while the census ran in the worker (run on the page,
    // the census would stall them for its whole length; the margin allows for a CI machine
    // whose two cores are shared with a second test worker)
    expect(browser.maxTimerGap).toBeLessThan(250);
  });

  test('the built game, driven through window.__TEST__, plays a record as simulate does', async ({
    page,
  }) => {
    await page.goto('./');
    await page.waitForFunction(() => window.__TEST__?.ready === true);
    const { scenario } = bundled.find((b) => b.scenario.id === 'tutorial') ?? bundled[0]!;
    const node = simulate(['--scenario', scenario.id, '--seed', '77', '--policy', 'random']);
    const played = await page.evaluate(
      ([id, choices]) => {
        const store = window.__TEST__!.store;
        store.getState().startMarket(id, '77', { kind: 'practice' });
        store.getState().beginQuarters();
        for (const c of choices) {
          store.getState().choose(c);
          store.getState().nextQuarter();
        }
        const { sim, entry } = store.getState();
        return { hash: entry?.hash, metrics: sim!.history.map((h) => h.metrics) };
      },
      [scenario.id, node.record.choices as string[]] as const,
    );
    // the built game carries the same scenario as the files simulate reads
    expect(played.hash).toBe(node.hash);
    expect(played.metrics).toEqual(node.quarters.map((q: { metrics: unknown }) => q.metrics));
  });
});
