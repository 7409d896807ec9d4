// Projector mode: the dashboard in large type over the whole screen. The Fullscreen API
// is used where the browser allows it; where it is missing or refused (an iframe, an old
// browser, a kiosk policy) the same view fills the window and F11 does the rest.
// As on the live room's slides, the arrow keys and Page Up/Down step: here from one card
// (the leaderboard, the splits, the charts) to the next, each brought to the top.

export interface Projector {
  enter(): Promise<void>;
  exit(): void;
  readonly active: boolean;
}

const STEP: Record<string, 1 | -1> = { ArrowRight: 1, PageDown: 1, ArrowLeft: -1, PageUp: -1 };

/** A field the facilitator types in keeps its arrow keys. */
const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));

/**
 * Brings card `to` (clamped) to the top and moves the focus to its heading, so a screen
 * reader says where the room now is; returns the card's index.
 */
function showCard(el: HTMLElement, to: number): number {
  const cards = [...el.querySelectorAll<HTMLElement>('.card')].filter(
    (c) => c.offsetParent !== null,
  );
  if (cards.length === 0) return 0;
  const at = Math.max(0, Math.min(cards.length - 1, to));
  const card = cards[at]!;
  const heading = card.querySelector<HTMLElement>('h2, h3');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }
  card.scrollIntoView({ block: 'start' });
  return at;
}

export function projector(
  el: HTMLElement,
  onChange: (active: boolean, fullscreen: boolean) => void,
): Projector {
  let active = false;
  /** the card the keys last brought up; the first is on show when the mode starts */
  let card = 0;
  const set = (on: boolean, fullscreen: boolean) => {
    active = on;
    card = 0;
    el.classList.toggle('projector', on);
    onChange(on, fullscreen);
  };
  document.addEventListener('fullscreenchange', () => {
    if (!document.fullscreenElement && active) set(false, false);
  });
  document.addEventListener('keydown', (e) => {
    if (active && !typing(e.target)) {
      const dir = STEP[e.key];
      if (dir) {
        e.preventDefault();
        card = showCard(el, card + dir);
        return;
      }
    }
    // browsers usually take Escape to leave full screen themselves; in the fallback (and
    // where the key does reach the page) it leaves projector mode here
    if (e.key === 'Escape' && active) {
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
      set(false, false);
    }
  });
  return {
    get active() {
      return active;
    },
    async enter() {
      let fullscreen = false;
      if (typeof el.requestFullscreen === 'function' && document.fullscreenEnabled) {
        try {
          await el.requestFullscreen();
          fullscreen = true;
        } catch {
          fullscreen = false;
        }
      }
      set(true, fullscreen);
    },
    exit() {
      if (document.fullscreenElement) void document.exitFullscreen();
      set(false, false);
    },
  };
}
