import type { GameState } from '../store/types.ts';
import { h } from './dom.ts';

// One line above the game while it is played in a live room: which room, as whom, and
// whether the page is connected. A lost connection is said here, without leaving the
// screen: the server keeps every decision, and the page rejoins by itself.

export function roomBar(): { el: HTMLElement; update(s: GameState): void } {
  const el = h('div', { class: 'room-bar', attrs: { role: 'status' } });
  el.hidden = true;
  let last = '';
  return {
    el,
    update(s) {
      const r = s.room;
      const shown = r !== null && (r.link === 'live' || r.link === 'retrying');
      const a = r?.assessment;
      const where = a
        ? `Assessed: ${a.title} · attempt ${a.attempt} of ${a.attempts}`
        : `Live room ${r?.code}`;
      const kept = a ? 'the server keeps your decisions' : 'your decisions are kept by the room';
      const text = !shown
        ? ''
        : `${where}${r.name ? ` · playing as ${r.name}` : ''} · ${
            r.link === 'live'
              ? r.pending
                ? 'sending your decision…'
                : 'connected'
              : `${r.waiting ?? 'connection lost: reconnecting…'} (${kept})`
          }`;
      if (text === last) return;
      last = text;
      el.hidden = !shown;
      el.dataset.link = r?.link ?? '';
      el.textContent = text;
    },
  };
}
