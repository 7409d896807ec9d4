import { readdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { type Box, intersect } from './helpers/boxes.ts';

// The rope view's labels never cover each other, the customer's node or the canvas's
// edge: on every quarter of every shipped scenario, and on the debrief, at 1280×800, on a
// phone upright (360×740) and sideways (740×360), and at 200% zoom (a 1280×800 window
// zoomed to 200% is a 640×400 page drawn on twice the pixels). The
// quarters are played through the store (reduced motion, so the picture jumps to each new
// state), and the boxes read are those Phaser drew (the scene's labelBoxes()).

const SCENARIOS = readdirSync(new URL('../../scenarios/', import.meta.url))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''))
  .sort();

interface Drawn {
  boxes: Box[];
  /** the customer's node as drawn */
  node: Box | null;
  /** the ropes drawn, which should nearly all carry their names */
  ropes: string[];
  canvas: { w: number; h: number };
  /** the share the store's market is at, to know the picture shows it */
  share: number;
}

async function drawn(page: Page): Promise<Drawn> {
  return page.evaluate(() => {
    const hook = window.__TEST__!;
    const game = hook.ropeView!.game as {
      canvas: HTMLCanvasElement;
      scene: {
        getScene(key: string): { labelBoxes(): Box[]; markerBoxes(): Box[]; ropeIds(): string[] };
      };
    };
    const s = hook.store.getState();
    const d = s.debrief;
    const shown = s.screen === 'debrief' && d ? (d.actual[d.timeline] ?? s.sim) : (s.sim ?? null);
    const scene = game.scene.getScene('ropes');
    return {
      boxes: scene.labelBoxes(),
      node: scene.markerBoxes().find((m) => m.id === 'node') ?? null,
      ropes: scene.ropeIds(),
      canvas: { w: game.canvas.width, h: game.canvas.height },
      share: Math.round(((1 + (shown?.position ?? 0)) / 2) * 100),
    };
  });
}

/** The labels once the picture shows the store's market (its share in the customer's node). */
async function settledLabels(page: Page): Promise<Drawn> {
  let last: Drawn | null = null;
  await expect
    .poll(
      async () => {
        last = await drawn(page);
        return last.boxes.find((b) => b.id === 'share')?.text;
      },
      { timeout: 5000, intervals: [30, 60, 120] },
    )
    .toBe(`${(await drawn(page)).share}%`);
  return last!;
}

/** Ropes drawn and ropes named, over a whole game. */
interface Named {
  ropes: number;
  labelled: number;
}

function problems(d: Drawn, where: string, named: Named): string[] {
  const out: string[] = [];
  const { boxes, canvas } = d;
  const ids = new Set(boxes.map((b) => b.id));
  named.ropes += d.ropes.length;
  named.labelled += d.ropes.filter((r) => ids.has(`rope:${r}`)).length;
  // the customer, its share and the scale's two ends are always named
  for (const must of ['customer', 'share', 'theirs', 'ours'])
    if (!ids.has(must)) out.push(`${where}: no "${must}" label`);
  boxes.forEach((a, i) => {
    if (a.x < 0 || a.y < 0 || a.x + a.width > canvas.w || a.y + a.height > canvas.h)
      out.push(`${where}: "${a.text}" leaves the ${canvas.w}×${canvas.h} canvas`);
    if (a.fontSize < 12) out.push(`${where}: "${a.text}" is ${a.fontSize} px`);
    // the share is written on the node; nothing else may hide it
    if (a.id !== 'share' && d.node && intersect(a, d.node))
      out.push(`${where}: "${a.text}" covers the customer's node`);
    for (const b of boxes.slice(i + 1))
      if (intersect(a, b)) out.push(`${where}: "${a.text}" covers "${b.text}"`);
  });
  return out;
}

async function open(page: Page, scenario: string) {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`./?scenario=${scenario}&seed=7`);
  await page.waitForFunction(
    () =>
      window.__TEST__?.ready === true && window.__TEST__.viewSettled && !!window.__TEST__.ropeView,
  );
  await page.evaluate(() => window.__TEST__!.store.getState().beginQuarters());
}

/** Plays one quarter through the store: the n-th reply (wrapping), so paths differ by quarter. */
async function playQuarter(page: Page, n: number): Promise<boolean> {
  return page.evaluate((k) => {
    const store = window.__TEST__!.store;
    const s = store.getState();
    const id = s.sim?.situationId;
    const situation = s.entry?.scenario.situations.find((x) => x.id === id);
    if (!situation || s.screen !== 'play') return false;
    const choices = situation.choices;
    store.getState().choose(choices[k % choices.length]!.id);
    return true;
  }, n);
}

for (const [w, h, scale] of [
  [1280, 800, 1],
  [360, 740, 1],
  [740, 360, 1],
  [640, 400, 2],
] as const) {
  test.describe(`rope view labels at ${w}×${h}${scale > 1 ? ` (200% zoom)` : ''}`, () => {
    test.use({ viewport: { width: w, height: h }, deviceScaleFactor: scale });
    for (const scenario of SCENARIOS) {
      test(`${scenario}: no label covers another, the node or leaves the canvas, any quarter`, async ({
        page,
      }) => {
        await open(page, scenario);
        const found: string[] = [];
        const named: Named = { ropes: 0, labelled: 0 };
        let quarter = 0;
        found.push(...problems(await settledLabels(page), 'before quarter 1', named));
        while (await playQuarter(page, quarter)) {
          quarter++;
          found.push(...problems(await settledLabels(page), `after quarter ${quarter}`, named));
          await page.evaluate(() => window.__TEST__!.store.getState().nextQuarter());
        }
        expect(quarter).toBeGreaterThanOrEqual(4);
        await expect(page.locator('.layout[data-screen="debrief"]')).toBeVisible();
        // the debrief's picture, at its own size
        found.push(...problems(await settledLabels(page), 'debrief', named));
        // and with a what-if's ghost and its caption beside the real market
        await page.evaluate(() => {
          const s = window.__TEST__!.store.getState();
          const first = s.entry!.scenario.situations[0]!;
          s.openWhatIf(1, first.choices.find((c) => c.id !== s.sim!.choices[0])!.id);
        });
        await expect
          .poll(async () => (await drawn(page)).boxes.some((b) => b.id === 'ghost'))
          .toBe(true);
        found.push(...problems(await settledLabels(page), 'debrief with a what-if', named));
        expect(found).toEqual([]);
        // a rope whose name has no free place near it goes unnamed (the list beside the
        // picture names them all): rare
        expect(named.labelled / named.ropes).toBeGreaterThan(0.9);
      });
    }
  });
}
