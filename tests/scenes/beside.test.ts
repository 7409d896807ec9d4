import { describe, expect, it } from 'vitest';
import { type MarkerPlace, placeBeside } from '../../src/scenes/beside.ts';
import { centredBox, type Label, labelsOverlap, leftEdge } from '../../src/scenes/labels.ts';

// A rope's name beside its own marker: the first free place around the marker wins, the
// side away from the customer first, and a name never covers another text.

const W = 800;
const ROWS = { top: 0, bottom: 600 };

/** A marker 12 px wide and 14 px high around (x, y). */
function marker(x: number, y: number): MarkerPlace {
  return { ax: x, ay: y, box: centredBox(x, y - 7, 12, 14, 'marker:a') };
}

const NAME: Label = {
  id: 'a',
  text: 'Priya Nair',
  x: 0,
  y: 0,
  align: 'left',
  width: 70,
  height: 17,
  fontSize: 13,
};

/** A text box (not a marker) with its left edge at x and its top at y. */
const text = (x: number, y: number, width: number, height: number): Label => ({
  ...NAME,
  id: 'other',
  x,
  y,
  width,
  height,
});

/** Gap between the name and the marker, up to 5 px, in each direction. */
function gapTo(l: Label, m: MarkerPlace): { x: number; y: number } {
  const left = leftEdge(l);
  const mLeft = leftEdge(m.box);
  return {
    x: Math.max(0, mLeft - (left + l.width), left - (mLeft + m.box.width)),
    y: Math.max(0, m.box.y - (l.y + l.height), l.y - (m.box.y + m.box.height)),
  };
}

describe('a rope name beside its marker', () => {
  const right = { outward: 1, away: -1 } as const;

  it('goes on the side away from the customer, level with the marker, when nothing is there', () => {
    const m = marker(400, 200);
    const l = placeBeside(m, NAME, right, W, ROWS, [])!;
    expect(l.align).toBe('left');
    expect(leftEdge(l)).toBeGreaterThan(m.box.x);
    expect(l.y + l.height / 2).toBe(200);
    expect(gapTo(l, m)).toEqual({ x: 3, y: 0 });
  });

  it('moves to another place touching its marker when a text is in the way, and covers none', () => {
    const m = marker(400, 200);
    const first = placeBeside(m, NAME, right, W, ROWS, [])!;
    const inTheWay = text(leftEdge(first) + 10, first.y, 40, first.height);
    const l = placeBeside(m, NAME, right, W, ROWS, [inTheWay])!;
    expect(l).not.toBeNull();
    expect(labelsOverlap(l, inTheWay)).toBe(false);
    const gap = gapTo(l, m);
    expect(gap.x <= 5 && gap.y <= 5).toBe(true);
  });

  it("keeps a pixel clear of a text that only touches the place's edge", () => {
    const m = marker(400, 200);
    const first = placeBeside(m, NAME, right, W, ROWS, [])!;
    // half a pixel past the name's right end: the text pool rounds to whole pixels
    const touching = text(leftEdge(first) + first.width + 0.5, first.y, 30, first.height);
    const l = placeBeside(m, NAME, right, W, ROWS, [touching])!;
    expect(l).not.toEqual(first);
  });

  it('is slid back onto the canvas at its edge, still against its marker', () => {
    const m = marker(W - 20, 200);
    const l = placeBeside(m, NAME, right, W, ROWS, [])!;
    expect(leftEdge(l) + l.width).toBeLessThanOrEqual(W - 4);
    const gap = gapTo(l, m);
    expect(gap.x <= 5 && gap.y <= 5).toBe(true);
  });

  it('finds no place when texts surround the marker on every side', () => {
    const m = marker(400, 200);
    const wall = text(400 - 150, 200 - 60, 300, 120);
    expect(placeBeside(m, NAME, right, W, ROWS, [wall])).toBeNull();
  });

  it('is not moved by a text far from its marker', () => {
    const m = marker(400, 200);
    const far = text(20, 500, 100, 17);
    expect(placeBeside(m, NAME, right, W, ROWS, [far])).toEqual(
      placeBeside(m, NAME, right, W, ROWS, []),
    );
  });
});
