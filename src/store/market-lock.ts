// One market is played in one tab. Two tabs writing the same save overwrite each other's
// decisions without a word, and an assessed market opened twice would use up an attempt
// in each; so a tab claims its market before it may play or save, and a tab that finds
// the market held elsewhere says so and offers to take it over. The store sees only this
// interface; the browser's implementation is src/app/tab-lock.ts.

export interface MarketLockEvents {
  /** this tab holds the market: it may play and save */
  held(): void;
  /** another tab holds it */
  busy(): void;
  /** another tab took it over from this one */
  lost(): void;
}

export interface MarketLock {
  /**
   * Claims this market for the tab, letting go of any other it held; `takeOver` takes it
   * from the tab that holds it. The answer may come later, through `events`.
   */
  claim(key: string, takeOver: boolean, events: MarketLockEvents): void;
  /** lets the market go (the player left it for the title or the list of markets) */
  release(): void;
}

/** For one page alone (Node, tests, a browser without locks): every claim is granted. */
export const soleTab: MarketLock = {
  claim: (_key, _takeOver, events) => events.held(),
  release() {},
};
