import { describe, expect, it } from 'vitest';
import { LINE_H } from '../../src/workshop/dashboard/label-place.ts';
import { endLabels, fitName, fitNames } from '../../src/workshop/dashboard/line-ends.ts';

// The share chart's names at its lines' ends: a projector audience must read each one, so
// none may cover another or leave the chart, and each stays as near its own line as it can.

const TOP = 10;
const BOTTOM = 250;

const apartAndInside = (labels: ReturnType<typeof endLabels>) => {
  const ys = labels.map((l) => l.y).sort((a, b) => a - b);
  for (const [i, y] of ys.entries()) {
    expect(y - LINE_H / 2).toBeGreaterThanOrEqual(TOP - 1e-9);
    expect(y + LINE_H / 2).toBeLessThanOrEqual(BOTTOM + 1e-9);
    if (i > 0) expect(y - ys[i - 1]!).toBeGreaterThanOrEqual(LINE_H - 1e-9);
  }
};

describe('names at the ends of the share lines', () => {
  it('puts a name level with its line where nothing is in the way', () => {
    const labels = endLabels(
      [
        { y: 40, text: 'Ana' },
        { y: 200, text: 'Ben' },
      ],
      TOP,
      BOTTOM,
    );
    expect(labels).toEqual([
      { index: 0, y: 40, text: 'Ana' },
      { index: 1, y: 200, text: 'Ben' },
    ]);
  });

  it('spreads lines that end together evenly round their ends, in the order they end', () => {
    // three trainees on the same share at the end, and one a pixel apart
    const labels = endLabels(
      [
        { y: 120, text: 'Ana' },
        { y: 120, text: 'Ben' },
        { y: 121, text: 'Cy' },
      ],
      TOP,
      BOTTOM,
    );
    apartAndInside(labels);
    expect(labels.map((l) => l.text)).toEqual(['Ana', 'Ben', 'Cy']);
    // centred on the ends: the middle name stays at their mean
    expect(labels[1]!.y).toBeCloseTo(120 + 1 / 3);
  });

  it('keeps the names of lines ending at the top or the bottom inside the chart', () => {
    const labels = endLabels(
      [
        { y: TOP, text: 'Ana' },
        { y: TOP + 2, text: 'Ben' },
        { y: BOTTOM, text: 'Cy' },
        { y: BOTTOM - 1, text: 'Dee' },
      ],
      TOP,
      BOTTOM,
    );
    expect(labels).toHaveLength(4);
    apartAndInside(labels);
  });

  it('names the leaders when more lines end than names fit, and never overlaps', () => {
    const ends = Array.from({ length: 30 }, (_, i) => ({ y: 100 + (i % 3), text: `T${i + 1}` }));
    const labels = endLabels(ends, TOP, BOTTOM);
    const room = Math.floor((BOTTOM - TOP) / LINE_H);
    expect(labels).toHaveLength(room);
    expect(labels.map((l) => l.index).sort((a, b) => a - b)).toEqual([...Array(room).keys()]);
    apartAndInside(labels);
  });

  it('cuts a long name to the room beside the chart and marks the cut', () => {
    expect(fitName('Cy <img src=x onerror=alert(1)>', 10)).toBe('Cy <img s…');
    expect(fitName('Ana', 10)).toBe('Ana');
  });

  it('names no line when cutting the names would make two read alike', () => {
    // a phone's narrow chart and a numbered room: "Trainee 0…" eleven times tells nobody apart
    const room = Array.from({ length: 11 }, (_, i) => `Trainee ${String(i + 1).padStart(3, '0')}`);
    expect(fitNames(room, 9)).toBeNull();
    expect(fitNames(room, 11)).toEqual(room);
    expect(fitNames(['Ana Ruiz', 'Ben Okafor'], 4)).toEqual(['Ana…', 'Ben…']);
    // two trainees who typed the same name were alike before any cut: still named
    expect(fitNames(['Ana', 'Ana', 'Ben'], 9)).toEqual(['Ana', 'Ana', 'Ben']);
  });
});
