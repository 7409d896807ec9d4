import { describe, expect, it } from 'vitest';
import { clickCounts, GUARD_MS, NEAR_PX, watchPresses } from '../../src/ui/fresh-press.ts';

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

// The page's presses are watched by the mounted app (src/ui/mount.ts), one watch per mount:
// a watch that has stopped hears nothing more, and a second mount starts with no press of
// the first's, so a double click on an earlier page cannot refuse a reply on this one.

/** A pointer press as the page's document receives it (Node has EventTarget, not PointerEvent). */
function press(page: EventTarget, x: number, y: number): void {
  page.dispatchEvent(Object.assign(new Event('pointerdown'), { clientX: x, clientY: y }));
}

describe('watchPresses', () => {
  it('keeps the last press on the page while it watches, and none after it stopped', () => {
    const page = new EventTarget();
    const first = watchPresses(page);
    expect(first.last()).toBeNull();
    press(page, 200, 700);
    expect(first.last()).toMatchObject({ x: 200, y: 700 });
    first.stop();
    press(page, 10, 20);
    expect(first.last()).toMatchObject({ x: 200, y: 700 });
  });

  it('gives a second mount its own presses: nothing left from the first, none shared', () => {
    const page = new EventTarget();
    const first = watchPresses(page);
    press(page, 200, 700);
    first.stop();
    const second = watchPresses(page);
    expect(second.last()).toBeNull();
    press(page, 50, 60);
    expect(second.last()).toMatchObject({ x: 50, y: 60 });
    expect(first.last()).toMatchObject({ x: 200, y: 700 });
    second.stop();
  });

  it('lets a press the second mount saw refuse a reply drawn under it, as the first did', () => {
    const page = new EventTarget();
    watchPresses(page).stop();
    const watch = watchPresses(page);
    press(page, 200, 700);
    const before = watch.last();
    expect(before).not.toBeNull();
    const tail = { at: (before?.at ?? 0) + 100, x: 202, y: 701 };
    expect(clickCounts({ clicks: 1, press: tail, before })).toBe(false);
    watch.stop();
  });
});
