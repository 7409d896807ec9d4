import { describe, expect, it } from 'vitest';
import {
  CHAR_W,
  LINE_H,
  type Placed,
  placeLabels,
} from '../../src/workshop/dashboard/label-place.ts';

// The style chart's names: a reader must be able to read each one, so none may cover
// another or run past the chart's edge.

const bounds = { x: 56, y: 0, w: 584, h: 312 };
const box = (l: Placed) => {
  const w = l.text.length * CHAR_W;
  return { x: l.anchor === 'end' ? l.x - w : l.x, y: l.y - (LINE_H * 3) / 4, w, h: LINE_H };
};
const apart = (a: ReturnType<typeof box>, b: ReturnType<typeof box>) =>
  a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;

describe('style chart labels', () => {
  it('turns a name at the right edge (100%) inwards instead of clipping it', () => {
    const [l] = placeLabels([{ x: 620, y: 16, text: 'Dev Patel' }], bounds, 7);
    expect(l!.anchor).toBe('end');
    expect(box(l!).x).toBeGreaterThanOrEqual(bounds.x);
    expect(box(l!).y).toBeGreaterThanOrEqual(0);
  });

  it('never lets two names overlap, even for dots side by side', () => {
    const spots = [
      { x: 300, y: 100, text: 'Ana Ruiz' },
      { x: 304, y: 102, text: 'Ben Okafor' },
      { x: 300, y: 110, text: 'Cy Lam' },
      { x: 620, y: 16, text: 'Dev Patel' },
      { x: 610, y: 20, text: 'Eva Lind' },
    ];
    const placed = placeLabels(spots, bounds, 7);
    expect(placed.length).toBeGreaterThanOrEqual(3);
    for (const [i, a] of placed.entries()) {
      const b = box(a);
      expect(b.x).toBeGreaterThanOrEqual(bounds.x);
      expect(b.x + b.w).toBeLessThanOrEqual(bounds.x + bounds.w);
      for (const c of placed.slice(i + 1)) expect(apart(b, box(c))).toBe(true);
    }
  });
});

describe('a crowded corner', () => {
  it('still names the dot at 0% and the bottom of the scale, inside the chart', () => {
    const [l] = placeLabels([{ x: 56, y: 304, text: 'Player 3 +2' }], bounds, 7);
    expect(l).toBeDefined();
    const b = box(l!);
    expect(b.x).toBeGreaterThanOrEqual(bounds.x);
    expect(b.y + b.h).toBeLessThanOrEqual(bounds.h + 0.5);
  });
});
