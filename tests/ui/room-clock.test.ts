import { describe, expect, it } from 'vitest';
import type { PublicRoom } from '../../src/room/protocol.ts';
import type { GameState } from '../../src/store/types.ts';
import { clockText, momentToSay, timedLine } from '../../src/ui/room-clock.ts';

// A timed room's clock on the trainee's game screen: a trainee still deciding sees when the
// room's next quarter opens, by the server's clock, and a screen reader hears it only at
// a few moments.

const start = Date.parse('2026-01-01T10:00:00Z');
const room = {
  code: 'K7QX3M',
  pacing: { mode: 'timer', seconds: 60 },
  scenario: { quarters: 4 },
  openQuarter: 0,
  startedAt: new Date(start).toISOString(),
  now: new Date(start).toISOString(),
} as PublicRoom;

/** a trainee on the game's screen who has played `played` quarters; the device `skew` ms behind */
const playing = (played: number, skew = 0, r: PublicRoom = room) =>
  ({
    screen: 'play',
    sim: { quarter: played, situationId: 's' },
    room: { room: r, skew },
  }) as unknown as GameState;

describe('the room bar’s clock in a timed room', () => {
  it('tells a trainee deciding quarter 2 when quarter 3 opens, by the server’s clock', () => {
    // the server is 42 s into quarter 2; this device's clock is an hour behind it
    const device = start + 102_000 - 3_600_000;
    expect(timedLine(playing(1, 3_600_000), device)).toEqual({
      text: 'Quarter 3 opens in 0:18',
      msLeft: 18_000,
      next: 3,
    });
  });

  it('tells a trainee who fell behind where the room is', () => {
    expect(timedLine(playing(0), start + 130_000)?.text).toBe(
      'The room is on quarter 3 · Quarter 4 opens in 0:50',
    );
  });

  it('shows nothing once every quarter is open, before the clock starts, or off the game screen', () => {
    expect(timedLine(playing(2), start + 200_000)).toBeNull();
    expect(timedLine(playing(0, 0, { ...room, startedAt: null }), start)).toBeNull();
    expect(
      timedLine(playing(0, 0, { ...room, pacing: { mode: 'gated' } } as PublicRoom), start),
    ).toBeNull();
    expect(timedLine({ ...playing(1), screen: 'room' } as GameState, start + 70_000)).toBeNull();
  });

  it('counts in minutes and seconds, rounded up', () => {
    expect(clockText(61_001)).toBe('1:02');
    expect(clockText(400)).toBe('0:01');
    expect(clockText(-5)).toBe('0:00');
  });

  it('is said once when shown, then only as it passes 60, 30 and 10 seconds', () => {
    expect(momentToSay(null, 75_000, 3)).toBe('Quarter 3 opens in 1 minute 15 seconds.');
    const said: string[] = [];
    for (let left = 75; left > 0; left--) {
      const s = momentToSay((left + 1) * 1000, left * 1000, 3);
      if (s) said.push(s);
    }
    expect(said).toEqual([
      '1 minute left before quarter 3 opens.',
      '30 seconds left before quarter 3 opens.',
      '10 seconds left before quarter 3 opens.',
    ]);
  });
});
