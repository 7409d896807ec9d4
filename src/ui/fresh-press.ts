// A reply takes only a click the player began after the situation was on screen.
//
// "On to quarter N" draws the next situation at once, and on many screens a reply lands
// where that button was: the second click of a double click (or a quick second tap) then
// decided a quarter the player had never seen, and it was saved and graded. Such a click
// is refused here; the reply stays on screen to be read and picked again.

export interface Press {
  /** the event's timeStamp, in ms */
  at: number;
  x: number;
  y: number;
}

/** A second press this soon after the one that showed the situation is part of the same gesture. */
export const GUARD_MS = 500;
/** ...when it lands this close to it: a double click's or a double tap's jitter. */
export const NEAR_PX = 32;

export interface ClickFacts {
  /** the click's `detail`: 0 from the keyboard, the browser's click count from a pointer */
  clicks: number;
  /**
   * the press that began this click on the replies (a press begun before they were drawn
   * cannot have landed on them); the click's own time and place when no pointer went down
   * on them, as when an assistive technology clicks
   */
  press: Press;
  /** the last press anywhere before the replies were shown (the one on "On to quarter N") */
  before: Press | null;
}

export function clickCounts({ clicks, press, before }: ClickFacts): boolean {
  // Enter or Space on a focused reply: the player reached it with the keyboard, after it was shown
  if (clicks === 0) return true;
  // the browser counts it as the second click of a double click begun before the replies were there
  if (clicks > 1) return false;
  if (before === null) return true;
  const soon = press.at - before.at < GUARD_MS;
  const near = Math.hypot(press.x - before.x, press.y - before.y) <= NEAR_PX;
  return !(soon && near);
}

const pressOf = (e: MouseEvent): Press => ({ at: e.timeStamp, x: e.clientX, y: e.clientY });

/** The page's last press, watched by the mounted app (src/ui/mount.ts) while it is on the page. */
export interface PressWatch {
  /** the last press anywhere on the page so far, if any */
  last(): Press | null;
  /** stops watching: the app is taken off the page */
  stop(): void;
}

/**
 * Watches presses on `page` (the document), before any button's own handler sees them. One
 * watch per mounted app, ended with it, so no press outlives the page that saw it and a
 * second mount starts with none.
 */
export function watchPresses(page: EventTarget): PressWatch {
  let last: Press | null = null;
  const stop = new AbortController();
  page.addEventListener(
    'pointerdown',
    (e) => {
      last = pressOf(e as MouseEvent);
    },
    { capture: true, signal: stop.signal },
  );
  return { last: () => last, stop: () => stop.abort() };
}

/**
 * Guards the replies inside `group`, drawn just now, after the page's last press `before`:
 * `counts(click)` says whether a click on one of them may decide the quarter.
 */
export function guardReplies(
  group: HTMLElement,
  before: Press | null,
): { counts(click: MouseEvent): boolean } {
  let press: Press | null = null;
  group.addEventListener('pointerdown', (e) => {
    press = pressOf(e);
  });
  return {
    counts: (click) =>
      clickCounts({ clicks: click.detail, press: press ?? pressOf(click), before }),
  };
}
