import { type MarketLock, soleTab } from '../store/market-lock.ts';

// The market lock across this browser's tabs, on the Web Locks API. Chosen over a lock
// record in localStorage (with the storage event or a BroadcastChannel) because the
// browser itself lets a Web Lock go when its tab closes, reloads or crashes: a record would
// outlive a crashed tab and need heartbeats and timeouts to be told from a live one. Web
// Locks are local to the browser (they work offline), and `steal` is the take-over, with
// the losing tab told at once (its request rejects with an AbortError).
//
// navigator.locks exists only in secure contexts (https, localhost); elsewhere every tab
// plays as before, unguarded, rather than not at all.

const PREFIX = 'tow.market.';

export function tabLock(locks: LockManager | undefined = globalThis.navigator?.locks): MarketLock {
  if (!locks) return soleTab;
  let current: { key: string; letGo: () => void; held: boolean } | null = null;

  const release = () => {
    current?.letGo();
    current = null;
  };

  return {
    release,
    claim(key, takeOver, events) {
      // already held by this tab: asking again would meet this tab's own lock and report it
      // as another tab's
      if (current?.key === key && current.held) {
        events.held();
        return;
      }
      release();
      let letGo = () => {};
      const until = new Promise<void>((resolve) => {
        letGo = resolve;
      });
      const mine = { key, letGo, held: false };
      current = mine;
      locks
        .request(
          PREFIX + key,
          takeOver ? { steal: true } : { ifAvailable: true },
          async (lock: Lock | null) => {
            // let go of meanwhile: a granted lock is handed straight back
            if (current !== mine) return;
            if (lock === null) {
              events.busy();
              return;
            }
            mine.held = true;
            events.held();
            await until;
          },
        )
        .catch(() => {
          // the only way a held lock's request fails: another tab stole it
          if (current === mine) {
            current = null;
            events.lost();
          }
        });
    },
  };
}
