// Projector mode: the dashboard in large type over the whole screen. The Fullscreen API
// is used where the browser allows it; where it is missing or refused (an iframe, an old
// browser, a kiosk policy) the same view fills the window and F11 does the rest.

export interface Projector {
  enter(): Promise<void>;
  exit(): void;
  readonly active: boolean;
}

export function projector(
  el: HTMLElement,
  onChange: (active: boolean, fullscreen: boolean) => void,
): Projector {
  let active = false;
  const set = (on: boolean, fullscreen: boolean) => {
    active = on;
    el.classList.toggle('projector', on);
    onChange(on, fullscreen);
  };
  document.addEventListener('fullscreenchange', () => {
    if (!document.fullscreenElement && active) set(false, false);
  });
  document.addEventListener('keydown', (e) => {
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
