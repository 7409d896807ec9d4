import { openQuarter } from '../../room/pacing.ts';
import type { FacilitatorView, PlayerView, ServerMessage } from '../../room/protocol.ts';

// The live dashboard's state, changed one way: each message from the server goes through
// `applyMessage`, and the screens redraw from what it returns.

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

/** The quarters open now, by the server's clock (`skew`: server minus this device). */
export function openNow(view: FacilitatorView, skew: number): number {
  const r = view.room;
  return openQuarter(
    {
      pacing: r.pacing,
      quarters: r.scenario.quarters,
      opened: r.openQuarter,
      startedAt: r.startedAt === null ? null : Date.parse(r.startedAt),
    },
    Date.now() + skew,
  );
}
