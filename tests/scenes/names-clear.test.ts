import { describe, expect, it } from 'vitest';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { frameOf } from '../../src/scenes/frame.ts';
import { labelsOverlap, onCanvas } from '../../src/scenes/labels.ts';
import { type Layout, layoutFrame } from '../../src/scenes/layout.ts';
import { initialState, type SimState, step } from '../../src/sim/index.ts';

// Every rope's name readable and beside its own rope, at the sizes the picture is drawn:
// a desktop's, a phone's upright and sideways, and 200% zoom on a small laptop window,
// over a whole game of every shipped scenario (the ropes move each quarter). A name may
// cross its own rope where nothing else is free; across another it reads as that rope's
// name and hides it, which happens at most once a game (four ends stacked beside a long
// customer name on a 260 px picture leave one name no other place beside its marker).

const SIZES = {
  'desktop 1280×800': [545, 340],
  'phone 360×740': [334, 300],
  'phone sideways 740×360': [694, 260],
  '200% zoom of 1280×800': [600, 260],
} as const;

/** Quarters of one game, the k-th reply in quarter k (wrapping), so paths differ. */
function game(id: string): {
  states: SimState[];
  layoutOf: (s: SimState, w: number, h: number) => Layout;
} {
  const { scenario } = loadBundledScenarios().find((b) => b.scenario.id === id)!;
  const states = [initialState(scenario, '7')];
  for (let k = 0; k < scenario.quarters; k++) {
    const s = states.at(-1)!;
    const situation = scenario.situations.find((x) => x.id === s.situationId);
    if (!situation) break;
    states.push(step(scenario, s, situation.choices[k % situation.choices.length]!.id));
  }
  const words = {
    customer: scenario.customer.name,
    theirs: 'their side',
    ours: 'our side',
    gusts: [],
  };
  return { states, layoutOf: (s, w, h) => layoutFrame(frameOf(scenario, s), w, h, words) };
}

const IDS = loadBundledScenarios().map((b) => b.scenario.id);

describe('rope names at every size', () => {
  for (const [size, [w, h]] of Object.entries(SIZES))
    for (const id of IDS)
      it(`${id}, ${size}: names apart, off the customer and off other ropes`, () => {
        const { states, layoutOf } = game(id);
        const found: string[] = [];
        const across: string[] = [];
        let names = 0;
        let ropes = 0;
        states.forEach((s, q) => {
          const layout = layoutOf(s, w, h);
          const node = layout.markers.find((m) => m.id === 'node')!;
          ropes += layout.ropes.length;
          names += layout.labels.length;
          for (const l of layout.labels) {
            if (!onCanvas(l, layout.width, layout.height))
              found.push(`q${q} ${l.text}: off the canvas`);
            if (labelsOverlap(l, node)) found.push(`q${q} ${l.text}: covers the customer`);
            for (const o of [...layout.labels, ...layout.captions])
              if (o !== l && labelsOverlap(l, o)) found.push(`q${q} ${l.text}: covers ${o.text}`);
            const crossed = new Set(
              layout.lines
                .filter((b) => b.id !== `line:${l.id}` && labelsOverlap(l, b))
                .map((b) => b.id),
            );
            for (const c of crossed) across.push(`q${q} ${l.text}: over ${c}`);
          }
        });
        expect(found).toEqual([]);
        expect(across.length, across.join('; ')).toBeLessThanOrEqual(1);
        expect(names).toBe(ropes);
      });
});
