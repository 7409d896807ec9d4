import type { GameStore } from '../../store/game-store.ts';
import { quarterOpen } from '../../store/room-actions.ts';
import type { GameState } from '../../store/types.ts';

// In a live room, the waiting screen gives way to the next quarter the moment the room
// opens it: when the state shows a quarter already open (the server's word arrived, or the
// page came back to the room), the store is told at once rather than at the room client's
// next clock tick. Once per quarter, so a tick that changes nothing is not repeated.

/** The quarter a player waiting in a room may now play, as `code:quarter`; else null. */
export function openQuarterWaiting(s: GameState, now: number): string | null {
  const room = s.room;
  if (s.screen !== 'room' || !room?.room || room.link === 'gone' || !s.sim) return null;
  if (s.sim.situationId === null) return null;
  const quarter = s.sim.quarter + 1;
  return quarterOpen(room, quarter, now) ? `${room.code}:${quarter}` : null;
}

export function roomQuarterOpens(store: GameStore, now: () => number = Date.now): () => void {
  let ticked: string | null = null;
  const react = (s: GameState) => {
    const open = openQuarterWaiting(s, now());
    if (open === null || open === ticked) return;
    ticked = open;
    // after every subscriber has heard of this change, not in the middle of telling them
    queueMicrotask(() => store.getState().roomTick());
  };
  const stop = store.subscribe(react);
  react(store.getState());
  return stop;
}
