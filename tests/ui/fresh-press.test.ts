import { describe, expect, it } from 'vitest';
import { clickCounts, GUARD_MS, NEAR_PX } from '../../src/ui/fresh-press.ts';

// Which clicks on a reply may decide the quarter: not the tail of a double click on
// "On to quarter N", which drew the reply under the pointer.

const next = { at: 1000, x: 200, y: 700 };

describe('clickCounts', () => {
  it('takes Enter or Space on a focused reply at once', () => {
    expect(clickCounts({ clicks: 0, press: { at: 1050, x: 200, y: 700 }, before: next })).toBe(
      true,
    );
  });

  it('refuses the second click of a double click, as the browser counts it', () => {
    expect(clickCounts({ clicks: 2, press: { at: 1120, x: 200, y: 700 }, before: next })).toBe(
      false,
    );
    // wherever it lands and however late: the series began before the reply was there
    expect(clickCounts({ clicks: 2, press: { at: 3000, x: 20, y: 70 }, before: next })).toBe(false);
  });

  it('refuses a quick second single click on the same spot (a double tap)', () => {
    expect(clickCounts({ clicks: 1, press: { at: 1120, x: 205, y: 695 }, before: next })).toBe(
      false,
    );
    expect(
      clickCounts({
        clicks: 1,
        press: { at: 1000 + GUARD_MS - 1, x: 200 + NEAR_PX, y: 700 },
        before: next,
      }),
    ).toBe(false);
  });

  it('takes a click that comes later, or lands elsewhere, or is the first press on the page', () => {
    expect(
      clickCounts({ clicks: 1, press: { at: 1000 + GUARD_MS, x: 200, y: 700 }, before: next }),
    ).toBe(true);
    expect(
      clickCounts({ clicks: 1, press: { at: 1120, x: 200, y: 700 - NEAR_PX - 1 }, before: next }),
    ).toBe(true);
    expect(clickCounts({ clicks: 1, press: { at: 5, x: 200, y: 700 }, before: null })).toBe(true);
  });
});
