import type { GameState } from '../store/types.ts';

/** what of a live room changes its screens: the connection, the pacing, a decision on its way */
function roomKey(s: GameState): string {
  const r = s.room;
  if (!r) return '';
  const room = r.room;
  return [
    r.code,
    r.link === 'retrying' ? 'live' : r.link,
    r.joining ?? '',
    r.problem ?? '',
    r.pending ? r.pending.quarter : '',
    room ? `${room.openQuarter}:${room.startedAt}:${JSON.stringify(room.release)}` : '',
  ].join(';');
}

/**
 * What decides which screen is on show. The panel is rebuilt only when this changes, so
 * focus and scroll stay put while smaller things (notices, the skip button) update.
 */
export function viewKey(s: GameState): string {
  return [
    s.screen,
    s.screen === 'play' ? s.phase : '',
    s.sim?.quarter ?? '',
    s.sim?.seed ?? '',
    s.entry?.scenario.id ?? '',
    s.entry?.hash ?? '',
    s.screen === 'title'
      ? s.saves.map((o) => `${o.key}:${o.played}:${o.problem ?? ''}`).join(',')
      : '',
    s.screen === 'choose' ? s.scenarios.length : '',
    s.screen === 'title' ? `${s.roomServer}:${s.keptRoom?.code ?? ''}` : '',
    s.linkError ?? '',
    JSON.stringify(s.context),
    s.playId,
    roomKey(s),
  ].join('|');
}
