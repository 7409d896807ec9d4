import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ghostCaptionText, ghostRing, RING_GAP } from '../../src/scenes/ghost-ring.ts';

// The what-if's ring on the debrief's picture is drawn under the real customer's node: it
// must never end up hidden behind it.

const real = { x: 300, y: 160, r: 22 };

/** How far the ring reaches beyond the real node on its nearest side: 0 or less is hidden. */
const showing = (ring: { x: number; y: number; r: number }) =>
  ring.r - (Math.hypot(ring.x - real.x, ring.y - real.y) + real.r);

describe('ghostRing', () => {
  it('leaves a what-if well away from the customer where its share puts it', () => {
    const ghost = { x: 380, y: 160, r: 22 };
    expect(ghostRing(real, ghost)).toEqual({ ...ghost, around: false });
  });

  it('draws a what-if that ended on the same share round the node, clear of it', () => {
    const ring = ghostRing(real, { ...real });
    expect(ring.around).toBe(true);
    expect(ring.r).toBe(real.r + RING_GAP);
    expect(showing(ring)).toBe(RING_GAP);
  });

  it('keeps any what-if within the node visible, centred on its own share', () => {
    fc.assert(
      fc.property(fc.double({ min: -0.999, max: 0.999, noNaN: true }), (f) => {
        const ghost = { x: real.x + f * real.r, y: real.y, r: real.r };
        const ring = ghostRing(real, ghost);
        expect(ring.around).toBe(true);
        // the ring stands where the what-if's share puts it, so its offset shows the side
        expect(ring.x).toBe(ghost.x);
        expect(showing(ring)).toBeGreaterThanOrEqual(RING_GAP - 1e-9);
      }),
    );
  });
});

describe('ghostCaptionText', () => {
  it('names both shares where the ring is drawn round the real node, the what-if alone elsewhere', () => {
    expect(ghostCaptionText(43, 46, true)).toBe('What-if 46% (yours 43%)');
    expect(ghostCaptionText(43, 43, true)).toBe('What-if 43% too');
    expect(ghostCaptionText(43, 60, false)).toBe('What-if 60%');
  });
});
