import { describe, expect, it } from 'vitest';
import { spaceAnchors } from '../../src/scenes/anchor-spacing.ts';
import type { ViewFrame } from '../../src/scenes/frame.ts';
import { estimateTextWidth, layoutFrame, leftEdge } from '../../src/scenes/layout.ts';

const band = {
  node: { x: 380, y: 140, r: 20 },
  top: 50,
  bottom: 230,
  gap: 24,
  column: 40,
  width: 456,
  pressed: 60,
};

describe("the pullers' ends", () => {
  it('moves ends pressed together against the edge apart, in the order the ropes fan, out of the node rows', () => {
    // three of our reps nearly straight towards us, the customer at a high share
    const ends = [
      { ax: 440, ay: 138 },
      { ax: 440, ay: 144 },
      { ax: 440, ay: 150 },
    ];
    spaceAnchors(ends, band);
    const ys = ends.map((e) => e.ay);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(23.5);
    // none within the node's rows, where its name would cover the customer
    for (const y of ys)
      expect(Math.abs(y - band.node.y)).toBeGreaterThanOrEqual(band.node.r + 11.5);
    for (const y of ys) expect(y).toBeGreaterThanOrEqual(band.top);
    for (const y of ys) expect(y).toBeLessThanOrEqual(band.bottom);
  });

  it('leaves ends that are already apart where the angles put them', () => {
    const ends = [
      { ax: 300, ay: 80 },
      { ax: 300, ay: 200 },
      { ax: 200, ay: 140 },
    ];
    const before = ends.map((e) => ({ ...e }));
    spaceAnchors(ends, band);
    expect(ends).toEqual(before);
  });
});

describe('the names at a high share', () => {
  const frame = (position: number): ViewFrame => ({
    position,
    home: 0,
    friction: 1,
    ropes: [
      { id: 'sara', name: 'Sara Lindqvist', side: 'team', angle: 5, pull: 0.9, presence: 1 },
      { id: 'chloe', name: 'Chloé Martin', side: 'team', angle: -20, pull: 0.4, presence: 1 },
      { id: 'ben', name: 'Ben Adeyemi', side: 'team', angle: 12, pull: 0.8, presence: 1 },
      {
        id: 'medora',
        name: 'Medora Surgical',
        side: 'competitor',
        angle: 160,
        pull: 0.5,
        presence: 1,
      },
      {
        id: 'carepoint',
        name: 'CarePoint Direct',
        side: 'competitor',
        angle: 200,
        pull: 0.3,
        presence: 1,
      },
    ],
  });

  it('puts each name against its own marker, on the canvas, at 50%, 80% and 95%', () => {
    for (const share of [50, 80, 95]) {
      const l = layoutFrame(
        frame(share / 50 - 1),
        456,
        285,
        {
          customer: "St Brigid's Hospital Group",
          theirs: 'their side',
          ours: 'our side',
          gusts: [],
        },
        estimateTextWidth,
      );
      for (const name of l.labels) {
        const marker = l.markers.find((m) => m.id === `marker:${name.id}`)!;
        const apartX = Math.max(
          0,
          leftEdge(marker) - (leftEdge(name) + name.width),
          leftEdge(name) - (leftEdge(marker) + marker.width),
        );
        const apartY = Math.max(
          0,
          marker.y - (name.y + name.height),
          name.y - (marker.y + marker.height),
        );
        expect(Math.max(apartX, apartY), `${name.text} at ${share}%`).toBeLessThanOrEqual(6);
      }
      expect(l.labels).toHaveLength(5);
      for (const m of l.markers) {
        expect(leftEdge(m)).toBeGreaterThanOrEqual(0);
        expect(leftEdge(m) + m.width).toBeLessThanOrEqual(456);
      }
    }
  });
});
