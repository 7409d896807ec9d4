import { describe, expect, it } from 'vitest';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { arrowHead, arrowHeadCover } from '../../src/scenes/arrow-head.ts';
import { frameOf } from '../../src/scenes/frame.ts';
import { labelsOverlap, leftEdge } from '../../src/scenes/labels.ts';
import { layoutFrame } from '../../src/scenes/layout.ts';
import { initialState, playChoices, type SimState, step } from '../../src/sim/index.ts';

// The light blue arrow says where the team's pulls add up to; a rope's name against its
// head reads as the puller it points at. A reviewer's value-discipline debrief, on the
// 456×284 picture of a 1280×800 window, had "Jonas Berg" touching it.

const REVIEWED = {
  id: 'value-discipline',
  seed: '944013',
  choices: [
    'choose-together',
    'cost-case',
    'charge-rush',
    'roadmap',
    'take-charge',
    'standard-grade',
    'first-access',
    'focus-plan',
  ],
};

function layoutOf(id: string, seed: string, choices: string[], w: number, h: number) {
  const { scenario } = loadBundledScenarios().find((b) => b.scenario.id === id)!;
  const state = playChoices(scenario, seed, choices);
  const words = {
    customer: scenario.customer.name,
    theirs: 'their side',
    ours: 'our side',
    gusts: [],
  };
  return layoutFrame(frameOf(scenario, state), w, h, words);
}

/** Whether a label's box comes within `gap` px of the triangle (a point of it inside the box grown by gap). */
function touches(
  l: { x: number; y: number; width: number; height: number; align: 'left' | 'right' | 'center' },
  tri: { x: number; y: number }[],
  gap: number,
): boolean {
  const x0 = leftEdge(l as never) - gap;
  const x1 = leftEdge(l as never) + l.width + gap;
  const y0 = l.y - gap;
  const y1 = l.y + l.height + gap;
  // sample the triangle's area finely: any point of it inside the grown box touches
  const [a, b, c] = tri as [(typeof tri)[0], (typeof tri)[0], (typeof tri)[0]];
  for (let i = 0; i <= 40; i++)
    for (let j = 0; j <= 40 - i; j++) {
      const u = i / 40;
      const v = j / 40;
      const x = a.x + (b.x - a.x) * u + (c.x - a.x) * v;
      const y = a.y + (b.y - a.y) * u + (c.y - a.y) * v;
      if (x >= x0 && x <= x1 && y >= y0 && y <= y1) return true;
    }
  return false;
}

describe("the team's arrow head and the ropes' names", () => {
  it('the cover boxes hold the whole head', () => {
    const node = { x: 100, y: 100 };
    for (const end of [
      { x: 180, y: 100 },
      { x: 150, y: 40 },
      { x: 40, y: 160 },
    ]) {
      const tri = arrowHead(node, end, 12);
      const cover = arrowHeadCover(node, end, 12);
      // every point of the head lies in some box
      const [a, b, c] = tri;
      for (let i = 0; i <= 20; i++)
        for (let j = 0; j <= 20 - i; j++) {
          const x = a.x + (b.x - a.x) * (i / 20) + (c.x - a.x) * (j / 20);
          const y = a.y + (b.y - a.y) * (i / 20) + (c.y - a.y) * (j / 20);
          const dot = {
            id: '',
            text: '',
            x,
            y,
            align: 'center' as const,
            width: 0.01,
            height: 0.01,
            fontSize: 0,
          };
          expect(cover.some((box) => labelsOverlap(box, dot))).toBe(true);
        }
    }
  });

  it('keeps the names clear of it in the reviewed debrief', () => {
    const layout = layoutOf(REVIEWED.id, REVIEWED.seed, REVIEWED.choices, 456, 284);
    const p = layout.power!;
    const tri = arrowHead(layout.node, p, p.width);
    const jonas = layout.labels.find((l) => l.text.startsWith('Jonas'));
    expect(jonas).toBeDefined();
    for (const l of layout.labels) expect(touches(l, tri, 1), l.text).toBe(false);
  });

  // on a 260 px high picture (a phone sideways, 200% zoom) three names stacked beside the
  // head leave one no place clear of it in 4 of some 5,400 names of these games: not checked
  it.each([
    ['desktop 1280×800, play', 545, 340],
    ['desktop 1280×800, debrief', 456, 284],
    ['phone 360×740', 334, 300],
  ] as const)('keeps every name clear of it over games of every scenario: %s', (_, w, h) => {
    let names = 0;
    const touching: string[] = [];
    for (const { scenario } of loadBundledScenarios())
      for (const seed of [7, 8, 9]) {
        const states: SimState[] = [initialState(scenario, String(seed))];
        for (let k = 0; k < scenario.quarters; k++) {
          const s = states.at(-1)!;
          const situation = scenario.situations.find((x) => x.id === s.situationId);
          if (!situation) break;
          const pick = situation.choices[(k + seed) % situation.choices.length]!;
          states.push(step(scenario, s, pick.id));
        }
        const words = {
          customer: scenario.customer.name,
          theirs: 'their side',
          ours: 'our side',
          gusts: [],
        };
        states.forEach((s, q) => {
          const layout = layoutFrame(frameOf(scenario, s), w, h, words);
          if (!layout.power) return;
          const tri = arrowHead(layout.node, layout.power, layout.power.width);
          for (const l of layout.labels) {
            names++;
            if (touches(l, tri, 1)) touching.push(`${scenario.id} seed ${seed} Q${q}: ${l.text}`);
          }
        });
      }
    expect(names).toBeGreaterThan(1000);
    expect(touching).toEqual([]);
  });
});
