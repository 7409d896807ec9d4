import { describe, expect, it } from 'vitest';
import { paceAt } from '../../src/room/pacing.ts';
import type { FacilitatorView, PlayerView, PublicRoom } from '../../src/room/protocol.ts';
import { applyMessage, freshRoom, roomClock } from '../../src/workshop/room/state.ts';

// The facilitator's live dashboard changes only through applyMessage: the welcome sets the
// whole room, later messages change one player or the room, and nothing else touches it.

const room = { code: 'K7QX3M', openQuarter: 0 } as PublicRoom;
const player = (id: string, choices: string[], connected = true): PlayerView => ({
  id,
  name: id,
  connected,
  choices,
  situationId: 's',
  score: null,
});
const view: FacilitatorView = { room, players: [player('a', [])] };

describe('the live dashboard state', () => {
  it('takes the whole room from the welcome, and one player at a time after it', () => {
    let v = applyMessage(null, { type: 'welcome', role: 'facilitator', view });
    expect(v).toEqual(view);
    v = applyMessage(v, { type: 'player', player: player('b', []) });
    expect(v?.players.map((p) => p.id)).toEqual(['a', 'b']);
    v = applyMessage(v, {
      type: 'decision',
      player: player('a', ['x']),
      quarter: 1,
      situationId: 's',
      choiceId: 'x',
      at: '2026-01-01T00:00:00Z',
    });
    expect(v?.players.find((p) => p.id === 'a')?.choices).toEqual(['x']);
    v = applyMessage(v, { type: 'room', room: { ...room, openQuarter: 2 } });
    expect(v?.room.openQuarter).toBe(2);
    expect(v?.players).toHaveLength(2);
  });

  it('ignores what is not the room’s news, and anything before the welcome', () => {
    expect(applyMessage(view, { type: 'pong' })).toBe(view);
    expect(applyMessage(null, { type: 'player', player: player('b', []) })).toBeNull();
  });
});

describe("the dashboard's clock in a timed room", () => {
  const start = Date.parse('2026-01-01T10:00:00Z');
  const timed = {
    code: 'K7QX3M',
    pacing: { mode: 'timer', seconds: 60 },
    scenario: { quarters: 4 },
    openQuarter: 0,
    startedAt: new Date(start).toISOString(),
    now: new Date(start + 5_000).toISOString(),
  } as PublicRoom;

  it('keeps running forward while only players’ messages arrive', () => {
    // this device runs 1 h behind the server
    let device = start + 5_000 - 3_600_000;
    const clock = roomClock(() => device);
    let v = applyMessage(null, {
      type: 'welcome',
      role: 'facilitator',
      view: { room: timed, players: [] },
    });
    const first = freshRoom({
      type: 'welcome',
      role: 'facilitator',
      view: { room: timed, players: [] },
    });
    if (first) clock.heard(first);
    expect(paceAt(timed, clock.now())).toEqual({ open: 1, nextInMs: 55_000 });
    // two and a half minutes later a trainee decides: the room kept is the old one
    device += 150_000;
    const msg = { type: 'player', player: player('a', ['x']) } as const;
    v = applyMessage(v, msg);
    const fresh = freshRoom(msg);
    if (fresh) clock.heard(fresh);
    expect(fresh).toBeNull();
    // quarter 3 is open (155 s after the start), and quarter 4 opens in 25 s
    expect(paceAt(v!.room, clock.now())).toEqual({ open: 3, nextInMs: 25_000 });
  });

  it('has no next quarter once the last is open, or before the clock starts', () => {
    expect(paceAt(timed, start + 200_000)).toEqual({ open: 4, nextInMs: null });
    expect(paceAt({ ...timed, startedAt: null }, start)).toEqual({ open: 0, nextInMs: null });
  });
});
