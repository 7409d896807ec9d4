import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ViewFrame } from '../../src/scenes/frame.ts';
import { centredBox, onCanvas } from '../../src/scenes/labels.ts';
import {
  anyOverlap,
  estimateTextWidth,
  type Label,
  type LayoutWords,
  labelsOverlap,
  layoutFrame,
  leftEdge,
  markerBoxes,
  placeCaption,
  ropeSlack,
  ropeThickness,
} from '../../src/scenes/layout.ts';

function frame(position: number, angles: number[], extra = true, friction = 1): ViewFrame {
  return {
    position,
    home: position - 0.1,
    friction,
    ropes: [
      ...angles.map((angle, i) => ({
        id: `rep${i}`,
        name: `Representative ${i}`,
        side: 'team' as const,
        angle,
        pull: 0.6,
        presence: 1,
      })),
      { id: 'rival', name: 'BrewCo', side: 'competitor', angle: 180, pull: 1.1, presence: 1 },
      ...(extra
        ? [
            {
              id: 'habit',
              name: 'Habits',
              side: 'habit' as const,
              angle: 270,
              pull: 0.2,
              presence: 1,
            },
            {
              id: 'outside',
              name: 'Outside',
              side: 'outside' as const,
              angle: 45,
              pull: 0.1,
              presence: 1,
            },
          ]
        : []),
    ],
  };
}

const words = (gusts: number): LayoutWords => ({
  customer: 'Meridian Foods',
  theirs: "Granite Industrial Supply's side",
  ours: 'our side',
  gusts: ['A trade magazine praises the rival', 'Your best rep is headhunted', 'Price war'].slice(
    0,
    gusts,
  ),
});

describe('the rope view layout', () => {
  it('puts our side on the right: the customer moves right as our share grows', () => {
    const left = layoutFrame(frame(-0.5, [0]), 1280, 800).node.x;
    const mid = layoutFrame(frame(0, [0]), 1280, 800).node.x;
    const right = layoutFrame(frame(0.5, [0]), 1280, 800).node.x;
    expect(mid).toBe(640);
    expect(left).toBeLessThan(mid);
    expect(right).toBeGreaterThan(mid);
  });

  it('is a fixed field: the customer stands over its share on the scale, whatever pulls it', () => {
    for (const [w, h] of [
      [336, 300],
      [600, 375],
      [532, 332],
    ] as const) {
      const at = (position: number, angles: number[]) => layoutFrame(frame(position, angles), w, h);
      const l = at(0, [0]);
      // 0% of the business at the scale's left end, all of it at its right end
      expect(at(-1, [0]).node.x).toBeCloseTo(l.field.left, 6);
      expect(at(1, [0]).node.x).toBeCloseTo(l.field.right, 6);
      // the team's fan does not move the field or the customer
      expect(at(0.2, [-60, 60]).node.x).toBeCloseTo(at(0.2, [0]).node.x, 6);
      // share 43% → 53% (position −0.14 → +0.06): ten points is a move you see, at least
      // 8% of the view's width (29 px on a phone) and the same everywhere on the scale
      const move = (from: number) => at(from + 0.2, [0]).node.x - at(from, [0]).node.x;
      expect(move(-0.14)).toBeGreaterThan(0.08 * w);
      expect(move(0.5)).toBeCloseTo(move(-0.14), 6);
    }
  });

  it('keeps every rope end on the canvas, even with the customer at either end of the field', () => {
    for (const position of [-1, -0.95, 0, 0.95, 1]) {
      const l = layoutFrame(frame(position, [-80, -30, 0, 30, 80]), 336, 300);
      for (const r of l.ropes) {
        expect(r.ax).toBeGreaterThanOrEqual(0);
        expect(r.ax).toBeLessThanOrEqual(336);
        expect(r.ay).toBeGreaterThanOrEqual(l.field.top);
        expect(r.ay).toBeLessThanOrEqual(l.field.bottom);
      }
    }
  });

  it('draws distrust as a sheath on our ropes only, as thick as the pull full trust would give', () => {
    const trusted = layoutFrame(frame(0, [0, 20], true, 1), 600, 375);
    const doubting = layoutFrame(frame(0, [0, 20], true, 0.5), 600, 375);
    for (const r of trusted.ropes) expect(r.sheath).toBe(0);
    // and says it in words on the canvas
    const said = (l: typeof trusted) => l.captions.find((c) => c.id === 'friction')?.text;
    expect(said(trusted)).toBeUndefined();
    expect(said(doubting)).toBe('Distrust takes 50% of our pull');
    for (const r of doubting.ropes) {
      if (r.side === 'team') {
        // half the pull gets through: the sheath is twice the rope
        expect(r.sheath).toBeCloseTo(r.thickness * 2, 6);
      } else expect(r.sheath).toBe(0);
    }
  });

  it('anchors each rope at the angle the sim gives it, team right, competitor left', () => {
    const l = layoutFrame(frame(0, [-30, 0, 30]), 1280, 800);
    for (const r of l.ropes.filter((x) => x.side === 'team' || x.side === 'competitor')) {
      const angle = (Math.atan2(r.ay - l.node.y, r.ax - l.node.x) * 180) / Math.PI;
      const want = { rep0: -30, rep1: 0, rep2: 30, rival: 180 }[r.id]!;
      expect(Math.abs(((angle - want + 540) % 360) - 180)).toBeLessThan(1e-6);
    }
    expect(l.ropes.find((r) => r.id === 'rep1')!.ax).toBeGreaterThan(l.node.x);
    expect(l.ropes.find((r) => r.id === 'rival')!.ax).toBeLessThan(l.node.x);
  });

  it('draws a harder pull thicker and tauter (less slack)', () => {
    expect(ropeThickness(1)).toBeGreaterThan(ropeThickness(0.3));
    expect(ropeSlack(1)).toBeLessThan(ropeSlack(0.2));
  });

  it('closes the power line to full length as the fan closes, shorter as it spreads', () => {
    const closed = layoutFrame(frame(0, [0, 0, 0]), 1280, 800);
    const open = layoutFrame(frame(0, [-70, 0, 70]), 1280, 800);
    expect(closed.power!.alignment).toBeCloseTo(1, 6);
    expect(open.power!.alignment).toBeLessThan(0.7);
    const len = (l: typeof closed) => Math.hypot(l.power!.x - l.node.x, l.power!.y - l.node.y);
    expect(len(open)).toBeLessThan(len(closed) * 0.7);
    expect(open.power!.width).toBeLessThan(closed.power!.width);
  });

  it('keeps every text apart and on the canvas, even when every rep pulls the same way', () => {
    let covered = 0;
    let overNode = 0;
    let total = 0;
    let shown = 0;
    fc.assert(
      fc.property(
        fc.constantFrom([336, 300], [360, 740], [532, 332], [600, 375], [1280, 800]),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.array(fc.integer({ min: -80, max: 80 }), { minLength: 1, maxLength: 7 }),
        fc.integer({ min: 0, max: 3 }),
        fc.double({ min: 0.3, max: 1, noNaN: true }),
        ([w, h], position, angles, gusts, friction) => {
          const l = layoutFrame(frame(position, angles, true, friction), w!, h!, words(gusts));
          const all: Label[] = [...l.labels, ...l.captions];
          for (const a of all) expect(onCanvas(a, w!, h!), a.text).toBe(true);
          expect(anyOverlap(all)).toBe(false);
          // never smaller than 12 px
          for (const a of all) expect(a.fontSize).toBeGreaterThanOrEqual(12);
          const node = centredBox(l.node.x, l.node.y - l.node.r, l.node.r * 2, l.node.r * 2);
          covered += l.labels.filter((a) =>
            markerBoxes(l.ropes).some((m) => labelsOverlap(a, m)),
          ).length;
          overNode += l.labels.filter((a) => labelsOverlap(a, node)).length;
          total += l.ropes.filter((r) => r.presence >= 0.05).length;
          shown += l.labels.length;
        },
      ),
      { numRuns: 200, seed: 16 },
    );
    // every rope keeps its name but on the rare crowded strip (the list beside has them all)
    expect(shown / total).toBeGreaterThan(0.97);
    // and off the customer's node and the ropes' anchor markers, but for the rare crowded
    // column with no free row
    expect(overNode / total).toBeLessThan(0.01);
    expect(covered / total).toBeLessThan(0.05);
  });

  it("puts the what-if's caption where it covers no other text", () => {
    let placed = 0;
    fc.assert(
      fc.property(
        fc.constantFrom([360, 300], [398, 215], [800, 500], [1280, 800]),
        fc.double({ min: -0.9, max: 0.9, noNaN: true }),
        fc.double({ min: -0.9, max: 0.9, noNaN: true }),
        fc.array(fc.integer({ min: -80, max: 80 }), { minLength: 1, maxLength: 6 }),
        ([w, h], position, ghostPosition, angles) => {
          const l = layoutFrame(frame(position, angles), w!, h!, words(1));
          const ghost = layoutFrame(frame(ghostPosition, angles), w!, h!).node;
          const text = 'What-if 58%';
          const fs = l.fontSize - 1;
          const box = placeCaption(l, text, ghost.x, ghost.y - ghost.r - 20, fs, estimateTextWidth);
          placed += box ? 1 : 0;
          if (!box) return;
          expect(leftEdge(box)).toBeGreaterThanOrEqual(0);
          expect(leftEdge(box) + box.width).toBeLessThanOrEqual(w!);
          for (const other of [...l.labels, ...l.captions]) {
            expect(labelsOverlap(box, other), `${text} over ${other.text}`).toBe(false);
          }
        },
      ),
      { numRuns: 150 },
    );
    expect(placed).toBeGreaterThan(140);
  });

  it('drops the parenthesis from names that do not fit, which the text list has whole', () => {
    const f = frame(0, [10]);
    f.ropes[0] = { ...f.ropes[0]!, name: 'Priya Nair (power tools)' };
    const names = (w: number) => layoutFrame(f, w, 400).labels.map((l) => l.text);
    expect(names(1280)).toContain('Priya Nair (power tools)');
    expect(names(398)).toContain('Priya Nair');
    expect(names(398)).not.toContain('Priya Nair (power tools)');
    // and wherever the whole name would be pushed back over the ropes by the canvas's edge
    f.ropes[0] = { ...f.ropes[0]!, name: 'Dana Okafor (maintenance and service contracts)' };
    expect(names(600)).toContain('Dana Okafor');
    expect(names(1280)).toContain('Dana Okafor (maintenance and service contracts)');
  });

  it('names habits and outside influences in plain words', () => {
    const texts = layoutFrame(frame(0, [0]), 1280, 800).labels.map((l) => l.text);
    expect(texts).toEqual(
      expect.arrayContaining(['Representative 0', 'BrewCo', 'Habits', 'Outside']),
    );
  });
});
