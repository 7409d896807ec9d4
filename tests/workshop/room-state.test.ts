import { describe, expect, it } from 'vitest';
import type { FacilitatorView, PlayerView, PublicRoom } from '../../src/room/protocol.ts';
import { applyMessage } from '../../src/workshop/room/state.ts';

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
