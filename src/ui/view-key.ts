import type { GameState } from '../store/types.ts';

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
    s.linkError ?? '',
    JSON.stringify(s.context),
    s.playId,
  ].join('|');
}
