import { describe, expect, it } from 'vitest';
import { centredBox, labelsOverlap } from '../../src/scenes/labels.ts';
import { ropeSlack, ropeTension } from '../../src/scenes/layout.ts';
import { ropeCover } from '../../src/scenes/rope-cover.ts';
import { createRope, settleRope } from '../../src/scenes/verlet.ts';

// The boxes a rope's line covers, which names keep off: they must cover the rope as the
// view draws it (a Verlet rope, sagging), or a name laid "clear" of them would still hide it.

const node = { x: 200, y: 150, r: 20 };

describe("a rope's cover", () => {
  for (const pull of [0.05, 0.4, 1.2])
    for (const [dx, dy] of [
      [-160, 0],
      [120, -90],
      [-100, 80],
      [40, 120],
      [150, 10],
    ] as const) {
      it(`covers the settled rope from (${dx}, ${dy}) at pull ${pull}`, () => {
        const thickness = 4;
        const rope = {
          id: 'r',
          ax: node.x + dx,
          ay: node.y + dy,
          thickness,
          sheath: 0,
          slack: ropeSlack(ropeTension(pull)),
        };
        const boxes = ropeCover(rope, node);
        const chain = createRope(14, { ...rope, bx: node.x, by: node.y });
        settleRope(chain, { ...rope, bx: node.x, by: node.y });
        const missed: string[] = [];
        for (let i = 1; i < chain.count - 1; i++) {
          const x = chain.x[i]!;
          const y = chain.y[i]!;
          // the marker and the node have boxes of their own
          if (Math.hypot(x - rope.ax, y - rope.ay) < 8) continue;
          if (Math.hypot(x - node.x, y - node.y) < node.r + 2) continue;
          // the sag is estimated, not simulated: a point within a few pixels of a box counts
          const point = centredBox(x, y - 5, 10, 10);
          if (!boxes.some((b) => labelsOverlap(b, point)))
            missed.push(`(${x.toFixed(0)}, ${y.toFixed(0)})`);
        }
        expect(missed).toEqual([]);
      });
    }

  it('is named after its rope, as wide as its sheath, and starts past its marker', () => {
    const rope = { id: 'maya', ax: 60, ay: 150, thickness: 6, sheath: 12, slack: 0.01 };
    const boxes = ropeCover(rope, node);
    expect(boxes.length).toBeGreaterThan(5);
    for (const b of boxes) {
      expect(b.id).toBe('line:maya');
      // as wide as the sheath distrust draws round the rope, and a little room
      expect(b.width).toBeGreaterThanOrEqual(12);
    }
    // the marker (4 + thickness / 2 around the anchor) keeps its own box
    expect(boxes[0]!.x - rope.ax).toBeGreaterThanOrEqual(7);
  });
});
