import { describe, expect, it } from 'vitest';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { gustNote, gustsOf, sideNames } from '../../src/scenes/describe.ts';
import { frameOf } from '../../src/scenes/frame.ts';
import { type Label, labelsOverlap, leftEdge, onCanvas } from '../../src/scenes/labels.ts';
import { type Layout, layoutFrame } from '../../src/scenes/layout.ts';
import type { ScenarioDef } from '../../src/sim/index.ts';
import { initialState, type SimState, step } from '../../src/sim/index.ts';

// Written across a rival's rope, the customer's name hides the rope and reads as its label:
// a reviewer's phone showed "Vantor Automotive" over Norsk's rope (distrustful-account, the
// customer at 22%, the rope view 364×299 on a 390-wide screen). The name goes where it
// covers the least rope near its node: under it, beside it or above it, on two lines where
// it is long; where every place near the node covers a rope, on a plate.

const bundled = loadBundledScenarios();
const scenarioOf = (id: string) => bundled.find((b) => b.scenario.id === id)!.scenario;

/** The rope view's canvas on a phone (390×844) and on a desktop (1280×800). */
const PHONE = [364, 298] as const;
const DESKTOP = [597, 373] as const;

/** The words the scene gives the layout: the customer's name, the sides, this quarter's gusts. */
function layoutOf(scenario: ScenarioDef, state: SimState, w: number, h: number): Layout {
  const words = {
    customer: scenario.customer.name,
    ...sideNames(scenario),
    gusts: gustsOf(scenario, state).map(gustNote),
  };
  return layoutFrame(frameOf(scenario, state), w, h, words);
}

/** The states a game passes through: the start, then after each reply. */
function played(scenario: ScenarioDef, seed: string, replies: readonly string[]): SimState[] {
  const states = [initialState(scenario, seed)];
  for (const id of replies) states.push(step(scenario, states.at(-1)!, id));
  return states;
}

const gap = (a: Label, b: Label) =>
  Math.hypot(
    Math.max(0, leftEdge(a) - (leftEdge(b) + b.width), leftEdge(b) - (leftEdge(a) + a.width)),
    Math.max(0, a.y - (b.y + b.height), b.y - (a.y + a.height)),
  );

/** What is wrong with the customer's name on this picture, if anything. */
function nameProblems(layout: Layout, bare: boolean): string[] {
  const name = layout.captions.find((c) => c.id === 'customer');
  if (!name) return ['no name'];
  const out: string[] = [];
  const crossed = [...new Set(layout.lines.filter((l) => labelsOverlap(l, name)).map((l) => l.id))];
  if (crossed.length > 0 && (bare || !name.plate))
    out.push(`"${name.text}" across ${crossed.join(', ')}${name.plate ? ' (on a plate)' : ''}`);
  if (!onCanvas(name, layout.width, layout.height)) out.push(`"${name.text}" off the canvas`);
  for (const o of [...layout.labels, ...layout.captions, ...layout.markers])
    if (o !== name && labelsOverlap(o, name)) out.push(`"${name.text}" covers ${o.id}`);
  // still the node's name: next to it, within a few of its own lines
  const node = layout.markers.find((m) => m.id === 'node')!;
  if (gap(name, node) > 4 * name.fontSize * 1.5)
    out.push(`"${name.text}" ${Math.round(gap(name, node))} px from the node`);
  return out;
}

describe("the customer's name and the ropes' lines", () => {
  it('keeps off every rope on the phone picture of the reviewed market', () => {
    const scenario = scenarioOf('distrustful-account');
    const layout = layoutOf(scenario, initialState(scenario, '5'), 364, 299);
    expect(nameProblems(layout, true)).toEqual([]);
  });

  // the reviewer's games, after the animation settled (the layout is what the scene draws)
  const REVIEWED = [
    {
      market: 'distrustful-account',
      seed: '185747',
      replies: ['aisha-follows-up', 'lowest-cost', 'reps-choose', 'mei-handles'],
    },
    {
      market: 'scripts-or-judgement',
      seed: '542954',
      replies: [
        'adapt',
        'honour',
        'one-useful',
        'honest-call',
        'fewer-better',
        'measures',
        'rep-answers',
        'co-write',
      ],
    },
    { market: 'scripts-or-judgement', seed: '544548', replies: [] },
  ];
  for (const { market, seed, replies } of REVIEWED)
    for (const [w, h] of [PHONE, DESKTOP])
      it(`${market} seed ${seed} at ${w}×${h}: the name crosses no rope, start to quarter ${replies.length}`, () => {
        const scenario = scenarioOf(market);
        const found: string[] = [];
        played(scenario, seed, replies).forEach((s, q) => {
          for (const p of nameProblems(layoutOf(scenario, s, w, h), true))
            found.push(`${q === 0 ? 'start' : `Q${q} outcome`}: ${p}`);
        });
        expect(found).toEqual([]);
      });

  it('every shipped market, starts and played quarters, phone and desktop: off the ropes or on a plate', () => {
    const found: string[] = [];
    let pictures = 0;
    let plated = 0;
    for (const { scenario } of bundled)
      for (let k = 1; k <= 6; k++) {
        const seed = String(k * 7919);
        // three quarters of one game, a different reply each quarter and each seed
        const states = [initialState(scenario, seed)];
        for (let q = 0; q < 3; q++) {
          const s = states.at(-1)!;
          const situation = scenario.situations.find((x) => x.id === s.situationId);
          if (!situation) break;
          states.push(step(scenario, s, situation.choices[(q + k) % situation.choices.length]!.id));
        }
        states.forEach((s, q) => {
          for (const [w, h] of [PHONE, DESKTOP]) {
            const layout = layoutOf(scenario, s, w, h);
            pictures++;
            if (layout.captions.find((c) => c.id === 'customer')?.plate) plated++;
            for (const p of nameProblems(layout, false))
              found.push(`${scenario.id} seed ${seed} q${q} ${w}×${h}: ${p}`);
          }
        });
      }
    expect(found).toEqual([]);
    expect(pictures).toBeGreaterThanOrEqual(6 * 6 * 3 * 2);
    // measured: none of the 288 needs a plate; a plate is for the rare crowded picture
    expect(plated / pictures).toBeLessThan(0.05);
  });
});
