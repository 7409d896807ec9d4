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

/**
 * When the next quarter after those open at `now` opens (ms since the epoch): only a timed
 * room whose clock runs and whose last quarter is not open yet has one.
 */
export function nextOpensAt(facts: PacingFacts, now: number): number | null {
  if (facts.pacing.mode !== 'timer' || facts.startedAt === null) return null;
  const open = openQuarter(facts, now);
  if (open >= facts.quarters) return null;
  return facts.startedAt + open * facts.pacing.seconds * 1000;
}

/** The pacing facts of a room as the server sends it to the pages. */
export function pacingOf(room: {
  pacing: Pacing;
  scenario: { quarters: number };
  openQuarter: number;
  startedAt: string | null;
}): PacingFacts {
  return {
    pacing: room.pacing,
    quarters: room.scenario.quarters,
    opened: room.openQuarter,
    startedAt: room.startedAt === null ? null : Date.parse(room.startedAt),
  };
}

/** Where a room's pace stands: the quarters open, and when the next opens. */
export interface Pace {
  open: number;
  /** ms until the next quarter opens by the clock; null when none will by the clock */
  nextInMs: number | null;
}

/** The pace of `room` (as the server sends it) at `serverNow`, by the server's clock. */
export function paceAt(room: Parameters<typeof pacingOf>[0], serverNow: number): Pace {
  const facts = pacingOf(room);
  const next = nextOpensAt(facts, serverNow);
  return {
    open: openQuarter(facts, serverNow),
    nextInMs: next === null ? null : Math.max(0, next - serverNow),
  };
}
