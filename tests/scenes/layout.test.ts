import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ViewFrame } from '../../src/scenes/frame.ts';
import {
  estimateTextWidth,
  labelsOverlap,
  layoutFrame,
  leftEdge,
  markerBoxes,
  placeCaption,
  ropeSlack,
  ropeThickness,
} from '../../src/scenes/layout.ts';

function frame(position: number, angles: number[], extra = true): ViewFrame {
  return {
    position,
    home: position - 0.1,
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

describe('the rope view layout', () => {
  it('puts our side on the right: the customer moves right as our share grows', () => {
    const left = layoutFrame(frame(-0.5, [0]), 1280, 800).node.x;
    const mid = layoutFrame(frame(0, [0]), 1280, 800).node.x;
    const right = layoutFrame(frame(0.5, [0]), 1280, 800).node.x;
    expect(mid).toBe(640);
    expect(left).toBeLessThan(mid);
    expect(right).toBeGreaterThan(mid);
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

  it('keeps labels apart and on the canvas, even when every rep pulls the same way', () => {
    let covered = 0;
    let overNode = 0;
    let total = 0;
    fc.assert(
      fc.property(
        fc.constantFrom([360, 300], [360, 740], [800, 500], [1280, 800]),
        fc.double({ min: -0.9, max: 0.9, noNaN: true }),
        fc.array(fc.integer({ min: -80, max: 80 }), { minLength: 1, maxLength: 6 }),
        ([w, h], position, angles) => {
          const l = layoutFrame(frame(position, angles), w!, h!);
          for (const a of l.labels) {
            expect(leftEdge(a)).toBeGreaterThanOrEqual(0);
            expect(leftEdge(a) + a.width).toBeLessThanOrEqual(w!);
            expect(a.y).toBeGreaterThanOrEqual(0);
            expect(a.y + a.height).toBeLessThanOrEqual(h!);
            for (const b of l.labels) if (a !== b) expect(labelsOverlap(a, b)).toBe(false);
          }
          const node = {
            ...l.nodeName,
            x: l.node.x,
            y: l.node.y - l.node.r,
            width: l.node.r * 2,
            height: l.node.r * 2,
          };
          covered += l.labels.filter((a) =>
            markerBoxes(l.ropes).some((m) => labelsOverlap(a, m)),
          ).length;
          overNode += l.labels.filter((a) => labelsOverlap(a, node)).length;
          total += l.labels.length;
        },
      ),
      { numRuns: 150 },
    );
    // and off the customer's node and the ropes' anchor markers, but for the rare crowded
    // column with no free row
    expect(overNode / total).toBeLessThan(0.01);
    expect(covered / total).toBeLessThan(0.02);
  });

  it("puts the what-if's caption where it covers no rope label, nor the customer's name", () => {
    fc.assert(
      fc.property(
        fc.constantFrom([360, 300], [398, 215], [800, 500], [1280, 800]),
        fc.double({ min: -0.9, max: 0.9, noNaN: true }),
        fc.double({ min: -0.9, max: 0.9, noNaN: true }),
        fc.array(fc.integer({ min: -80, max: 80 }), { minLength: 1, maxLength: 6 }),
        ([w, h], position, ghostPosition, angles) => {
          const l = layoutFrame(frame(position, angles), w!, h!, 'Meridian Foods');
          const ghost = layoutFrame(frame(ghostPosition, angles), w!, h!).node;
          const text = `what-if ${Math.round(((1 + ghostPosition) / 2) * 100)}%`;
          const fs = l.fontSize - 1;
          const box = placeCaption(l, text, ghost.x, ghost.y - ghost.r - 20, fs, estimateTextWidth);
          expect(leftEdge(box)).toBeGreaterThanOrEqual(0);
          expect(leftEdge(box) + box.width).toBeLessThanOrEqual(w!);
          for (const other of [...l.labels, l.nodeName]) {
            expect(labelsOverlap(box, other), `${text} over ${other.text}`).toBe(false);
          }
        },
      ),
      { numRuns: 150 },
    );
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
