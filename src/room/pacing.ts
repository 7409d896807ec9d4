import type { Pacing } from './protocol.ts';

// Which quarters a room has open, worked out from what is stored and the time, never from
// a process's memory: every server process (and the page, for its countdown) gets the
// same answer, and no timer needs to run anywhere for a timed room to move on.

export interface PacingFacts {
  pacing: Pacing;
  quarters: number;
  /** gated rooms: the quarters the facilitator has opened */
  opened: number;
  /** timed rooms: when the facilitator started the clock (ms since the epoch), or null */
  startedAt: number | null;
}

/** The number of quarters open for decisions at `now` (ms since the epoch). */
export function openQuarter(facts: PacingFacts, now: number): number {
  const { pacing, quarters } = facts;
  switch (pacing.mode) {
    case 'self':
      return quarters;
    case 'gated':
      return Math.min(quarters, facts.opened);
    case 'timer': {
      if (facts.startedAt === null) return 0;
      const elapsed = Math.max(0, now - facts.startedAt);
      return Math.min(quarters, Math.floor(elapsed / (pacing.seconds * 1000)) + 1);
    }
  }
}
