import type { MarketLock } from './market-lock.ts';
import type { GameState } from './types.ts';

// The store's side of the market lock: which market this tab has claimed, whether it may
// play it, and the switch to the 'elsewhere' screen when another tab holds it.
//
// The other tabs answer a moment after the screen is up (Web Locks are asynchronous).
// Until they have, the tab plays as if it held the market: a person cannot click before
// the answer, and the game's own drivers (the LMS catching up from suspend_data, tests)
// play a few quarters in one go, which a wait would break. A tab told that another holds
// the market stops at once, and nothing it does is saved from then on.

type Get = () => Pick<GameState, 'market' | 'tab'>;
type Set = (partial: Partial<GameState>) => void;

export interface MarketClaims {
  /** claims the market; `takeOver` takes it from another tab, then runs `then` */
  claim(key: string, takeOver?: boolean, then?: () => void): void;
  /** lets the market go */
  letGo(): void;
  /** whether this tab may play and save the market it shows */
  playable(): boolean;
  /** runs `act` once this tab is known to hold the market; never if another tab does */
  afterHeld(act: () => void): void;
}

export function marketClaims(lock: MarketLock, get: Get, set: Set): MarketClaims {
  let waiting: (() => void) | null = null;

  const claim = (key: string, takeOver = false, then?: () => void) => {
    if (!takeOver && get().market === key && get().tab !== 'elsewhere') return;
    waiting = then ?? null;
    set({ market: key, tab: 'checking' });
    const away = () => {
      if (get().market !== key) return;
      waiting = null;
      set({ tab: 'elsewhere', screen: 'elsewhere', animating: false });
    };
    lock.claim(key, takeOver, {
      held() {
        if (get().market !== key) return;
        set({ tab: 'held' });
        const act = waiting;
        waiting = null;
        act?.();
      },
      busy: away,
      lost: away,
    });
  };

  return {
    claim,
    letGo() {
      lock.release();
      waiting = null;
      set({ market: null, tab: 'checking' });
    },
    playable: () => get().tab !== 'elsewhere',
    afterHeld(act) {
      if (get().tab === 'held') act();
      else if (get().tab === 'checking') {
        const before = waiting;
        waiting = () => {
          before?.();
          act();
        };
      }
    },
  };
}
