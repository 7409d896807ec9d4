import type {
  FacilitatorView,
  PlayerView,
  PublicRoom,
  ServerMessage,
} from '../../room/protocol.ts';

// The live dashboard's state, changed one way: each message from the server goes through
// `applyMessage`, and the screens redraw from what it returns. The room's clock is the
// other half: the one place the page reads the server's time (`roomClock`).

export function applyMessage(
  view: FacilitatorView | null,
  msg: ServerMessage,
): FacilitatorView | null {
  if (msg.type === 'welcome' && msg.role === 'facilitator') return msg.view;
  if (!view) return view;
  switch (msg.type) {
    case 'room':
      return { ...view, room: msg.room };
    case 'player':
    case 'decision':
      return { ...view, players: upsert(view.players, msg.player) };
    default:
      return view;
  }
}

function upsert(players: PlayerView[], p: PlayerView): PlayerView[] {
  const i = players.findIndex((x) => x.id === p.id);
  if (i < 0) return [...players, p];
  const next = [...players];
  next[i] = p;
  return next;
}

/** The room a message brings fresh from the server (with the server's `now`), if any. */
export function freshRoom(msg: ServerMessage): PublicRoom | null {
  if (msg.type === 'welcome' && msg.role === 'facilitator') return msg.view.room;
  if (msg.type === 'room') return msg.room;
  return null;
}

/** The server's clock as this page reads it. */
export interface RoomClock {
  /** a room just sent by the server: its `now` sets the skew */
  heard(room: PublicRoom): void;
  /** the server's time now (ms since the epoch) */
  now(): number;
}

/**
 * The skew (server minus this device) is taken only when a room arrives from the server,
 * never from a room the page has kept since: a player's message keeps the old room, and
 * reading its `now` again would wind the clock back by the time since it was sent.
 */
export function roomClock(deviceNow: () => number = Date.now): RoomClock {
  let skew = 0;
  return {
    heard(room) {
      skew = Date.parse(room.now) - deviceNow();
    },
    now: () => deviceNow() + skew,
  };
}
