import { describe, expect, it } from 'vitest';
import { answersClosedBecause } from '../../src/store/answer-key.ts';

// The one rule every assessed debrief follows for its answer key (which reply would have
// scored more, the what-if).

describe('answersClosedBecause', () => {
  it('keeps the answers closed while a later attempt replays this market, handed in or not', () => {
    for (const resultKept of [false, true])
      expect(
        answersClosedBecause({ resultKept, attemptsLeft: 1, nextReplaysThisMarket: true }),
      ).toBe('attempts-left');
  });

  it('opens them after the last attempt, once its result is kept', () => {
    const last = { attemptsLeft: 0, nextReplaysThisMarket: true };
    expect(answersClosedBecause({ ...last, resultKept: false })).toBe('result-not-kept');
    expect(answersClosedBecause({ ...last, resultKept: true })).toBeNull();
  });

  it('opens them once graded when the next attempt is dealt a market of its own (the server)', () => {
    const server = { attemptsLeft: 2, nextReplaysThisMarket: false };
    expect(answersClosedBecause({ ...server, resultKept: false })).toBe('result-not-kept');
    expect(answersClosedBecause({ ...server, resultKept: true })).toBeNull();
  });
});
