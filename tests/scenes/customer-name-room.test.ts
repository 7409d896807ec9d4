import { describe, expect, it } from 'vitest';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { frameOf } from '../../src/scenes/frame.ts';
import { type Label, labelHeight, labelsOverlap, leftEdge } from '../../src/scenes/labels.ts';
import { layoutFrame } from '../../src/scenes/layout.ts';
import { initialState } from '../../src/sim/index.ts';

// The customer's name goes next to its node, clear of the pullers' markers. With the
// customer at an end of the field, a puller's end can sit just under the node, and a
// customer's name settled right under that marker left the puller's own name no place
// beside it (the tutorial at 95% on the debrief's 456×285 picture: Tom's name drawn 25 px
// below his marker). Every name must stay beside its own marker, and the customer's name
// still next to the node, clear of every other text and of the ropes.

const apart = (a: Label, b: Label) =>
  Math.max(
    Math.max(0, leftEdge(a) - (leftEdge(b) + b.width), leftEdge(b) - (leftEdge(a) + a.width)),
    Math.max(0, a.y - (b.y + b.height), b.y - (a.y + a.height)),
  );

describe("the customer's name leaves the pullers' names room", () => {
  const { scenario } = loadBundledScenarios().find((b) => b.scenario.id === 'tutorial')!;
  const words = {
    customer: scenario.customer.name,
    theirs: "◀ BrewCo's side",
    ours: 'our side ▶',
    gusts: [],
  };
  for (const share of [5, 50, 80, 95])
    it(`tutorial at ${share}% on a 456×285 picture: every name beside its own marker`, () => {
      const state = { ...initialState(scenario, '7'), position: share / 50 - 1 };
      const layout = layoutFrame(frameOf(scenario, state), 456, 285, words);
      const away: string[] = [];
      for (const l of layout.labels) {
        const marker = layout.markers.find((m) => m.id === `marker:${l.id}`);
        if (marker && apart(l, marker) > 5) away.push(`${l.text}: ${apart(l, marker)} px`);
      }
      expect(away).toEqual([]);
      const customer = layout.captions.find((c) => c.id === 'customer')!;
      expect(customer).toBeDefined();
      // still the node's name: next to it (under it where that is off the ropes; at 5%
      // Tom's rope runs under the node, so above it), within a few of its own lines
      const node = layout.markers.find((m) => m.id === 'node')!;
      expect(apart(customer, node)).toBeLessThanOrEqual(4 * labelHeight(customer.fontSize, true));
      expect(layout.lines.filter((l) => labelsOverlap(l, customer)).map((l) => l.id)).toEqual([]);
      for (const o of [...layout.labels, ...layout.captions])
        if (o !== customer) expect(labelsOverlap(customer, o), o.text).toBe(false);
    });
});
