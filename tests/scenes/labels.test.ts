import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  estimateTextWidth,
  fitText,
  type Label,
  labelHeight,
  labelsOverlap,
  onCanvas,
  spread,
} from '../../src/scenes/labels.ts';

// The placement step every text on the rope view goes through.

function label(id: string, x: number, y: number, text = `Label ${id}`): Label {
  const fontSize = 13;
  const width = estimateTextWidth(text, fontSize);
  return { id, text, x, y, align: 'left', width, height: labelHeight(fontSize), fontSize };
}

describe('label placement', () => {
  it('shortens a text with "…" to fit its room, and leaves one that fits alone', () => {
    expect(fitText('Short', 200, 13, estimateTextWidth)).toBe('Short');
    const cut = fitText('A trade magazine praises the rival', 120, 13, estimateTextWidth);
    expect(cut.endsWith('…')).toBe(true);
    expect(estimateTextWidth(cut, 13)).toBeLessThanOrEqual(120);
  });

  it('moves labels that want the same place apart, near where they wanted to be', () => {
    const out = spread(
      [label('a', 100, 100), label('b', 100, 100), label('c', 100, 104)],
      400,
      {
        top: 0,
        bottom: 300,
      },
      [],
    );
    expect(out).toHaveLength(3);
    for (const a of out) for (const b of out) if (a !== b) expect(labelsOverlap(a, b)).toBe(false);
    for (const l of out) expect(Math.abs(l.y - 100)).toBeLessThan(3 * l.height);
  });

  it('leaves out a label with no free place rather than cover another', () => {
    // a strip one row high and one label wide: room for one
    const out = spread([label('a', 10, 0), label('b', 10, 0)], 120, { top: 0, bottom: 18 }, []);
    expect(out.map((l) => l.id)).toEqual(['a']);
  });

  it('never lets two placed labels cover each other or leave the canvas', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            x: fc.integer({ min: -50, max: 400 }),
            y: fc.integer({ min: -20, max: 320 }),
            n: fc.integer({ min: 1, max: 30 }),
          }),
          { maxLength: 14 },
        ),
        (wants) => {
          const labels = wants.map((w, i) => label(String(i), w.x, w.y, 'x'.repeat(w.n)));
          const out = spread(labels, 360, { top: 0, bottom: 300 }, []);
          for (const a of out) expect(onCanvas(a, 360, 300)).toBe(true);
          for (const a of out)
            for (const b of out) if (a !== b) expect(labelsOverlap(a, b)).toBe(false);
        },
      ),
      { numRuns: 200, seed: 16 },
    );
  });
});
