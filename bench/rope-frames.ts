import type { Browser, CDPSession } from '@playwright/test';

// What each frame of the rope view costs while a quarter plays out, in the game's own
// page: the time between frames as the player sees them (mean, 95th percentile, worst),
// the main-thread time of Phaser's step for each frame (the rope view's update, its
// layout and label placement included, and the draw into the canvas), and the page's
// script time per frame from Chromium's performance metrics. Run at the display's rate
// (60 Hz), not uncapped, so every frame draws a new picture, as it does for a player.

export interface FrameSize {
  name: string;
  width: number;
  height: number;
  deviceScaleFactor: number;
  mobile: boolean;
}

export const FRAME_SIZES: readonly FrameSize[] = [
  { name: 'desktop 1280×800', width: 1280, height: 800, deviceScaleFactor: 1, mobile: false },
  { name: 'phone 360×740 @3x', width: 360, height: 740, deviceScaleFactor: 3, mobile: true },
];

/**
 * The shipped scenario with the largest team: four salespeople and two rivals, eight ropes
 * with habits and the outside.
 */
export const FRAME_SCENARIO = 'silos';

export interface QuarterFrames {
  /** ms between one frame and the next */
  intervals: number[];
  /** ms of main-thread time Phaser's step took, per frame */
  steps: number[];
  /**
   * ms the rope view's paint took, per frame that drew: the frame's layout (label
   * placement included), the ropes' physics and the drawing commands
   */
  paints: number[];
  /** ms of script time in the page over the quarter, from Chromium's metrics */
  script: number;
}

/**
 * Times every frame of one quarter playing out: wraps the game loop's callback (Phaser
 * calls its step through it) and the scene's paint (a method of its class: the wrapper on
 * the instance goes again when deleted), chooses the situation's first reply, and stops when the
 * view has finished the quarter. A string: tsx would wrap inner functions in a helper
 * the page lacks.
 */
const TIME_QUARTER = `(async () => {
  const game = window.__TEST__.ropeView.game;
  const scene = game.scene.getScene('ropes');
  const loop = game.loop;
  const original = loop.callback;
  const intervals = [];
  const steps = [];
  const paints = [];
  const paint = scene.paint;
  scene.paint = function (time, delta) {
    const t0 = performance.now();
    const drew = paint.call(this, time, delta);
    if (drew && started && !finished) paints.push(performance.now() - t0);
    return drew;
  };
  let last = null;
  let started = false;
  let finished = false;
  let done;
  const over = new Promise((r) => { done = r; });
  loop.callback = (time, delta) => {
    const t0 = performance.now();
    original(time, delta);
    const t1 = performance.now();
    if (finished) return;
    if (scene.playing) started = true;
    if (!started) return;
    if (last !== null) intervals.push(t0 - last);
    last = t0;
    steps.push(t1 - t0);
    if (!scene.playing) { finished = true; done(); }
  };
  const st = window.__TEST__.store.getState();
  const sit = st.entry.scenario.situations.find((x) => x.id === st.sim.situationId);
  const restore = () => { loop.callback = original; delete scene.paint; };
  if (!sit) { restore(); return null; }
  st.choose(sit.choices[0].id);
  await Promise.race([over, new Promise((r) => setTimeout(r, 15000))]);
  restore();
  return started && finished ? { intervals, steps, paints } : null;
})()`;

/** The page's script time so far, in seconds. */
async function scriptSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  return metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0;
}

/** Plays every quarter of a market at one page size and times each quarter's frames. */
export async function quarterFrames(
  browser: Browser,
  base: string,
  size: FrameSize,
): Promise<QuarterFrames[]> {
  const context = await browser.newContext({
    viewport: { width: size.width, height: size.height },
    deviceScaleFactor: size.deviceScaleFactor,
    isMobile: size.mobile,
    hasTouch: size.mobile,
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(`${base}?scenario=${FRAME_SCENARIO}&seed=11`);
  await page.waitForFunction(
    () => window.__TEST__?.viewSettled === true && window.__TEST__.ropeView,
  );
  await page.evaluate(() => window.__TEST__!.store.getState().beginQuarters());
  const out: QuarterFrames[] = [];
  for (;;) {
    await page.waitForTimeout(300);
    const before = await scriptSeconds(cdp);
    const timed = (await page.evaluate(TIME_QUARTER)) as Omit<QuarterFrames, 'script'> | null;
    const after = await scriptSeconds(cdp);
    if (!timed) break;
    out.push({ ...timed, script: (after - before) * 1000 });
    await page.waitForFunction(() => window.__TEST__!.store.getState().animating === false);
    const more = await page.evaluate(() => {
      const st = window.__TEST__!.store.getState();
      if (st.sim?.situationId === null) return false;
      st.nextQuarter();
      return true;
    });
    if (!more) break;
  }
  await context.close();
  return out;
}

export interface FrameSummary {
  frames: number;
  meanInterval: number;
  p95Interval: number;
  worstInterval: number;
  meanStep: number;
  p95Step: number;
  worstStep: number;
  meanPaint: number;
  p95Paint: number;
  worstPaint: number;
  /** script time per frame; includes the page's own work (the HTML screens' updates) */
  scriptPerFrame: number;
}

function percentile(xs: readonly number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);

/** Every quarter's frames taken together. */
export function summarise(quarters: readonly QuarterFrames[]): FrameSummary {
  const intervals = quarters.flatMap((q) => q.intervals);
  const steps = quarters.flatMap((q) => q.steps);
  const paints = quarters.flatMap((q) => q.paints);
  const script = quarters.reduce((s, q) => s + q.script, 0);
  return {
    frames: steps.length,
    meanInterval: mean(intervals),
    p95Interval: percentile(intervals, 0.95),
    worstInterval: Math.max(0, ...intervals),
    meanStep: mean(steps),
    p95Step: percentile(steps, 0.95),
    worstStep: Math.max(0, ...steps),
    meanPaint: mean(paints),
    p95Paint: percentile(paints, 0.95),
    worstPaint: Math.max(0, ...paints),
    scriptPerFrame: script / Math.max(1, steps.length),
  };
}

const ms = (x: number) => `${x.toFixed(2)} ms`;

/** One line per figure: "mean / p95 / worst". */
export function describeSummary(s: FrameSummary): {
  interval: string;
  step: string;
  paint: string;
  script: string;
} {
  return {
    paint: `${ms(s.meanPaint)} / ${ms(s.p95Paint)} / ${ms(s.worstPaint)}`,
    interval: `${ms(s.meanInterval)} / ${ms(s.p95Interval)} / ${ms(s.worstInterval)}`,
    step: `${ms(s.meanStep)} / ${ms(s.p95Step)} / ${ms(s.worstStep)}`,
    script: ms(s.scriptPerFrame),
  };
}
