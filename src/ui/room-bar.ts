import type { GameState } from '../store/types.ts';
import { h } from './dom.ts';
import { momentToSay, timedLine } from './room-clock.ts';

// One line above the game while it is played in a live room: which room, as whom, and
// whether the page is connected. A lost connection is said here, without leaving the
// screen: the server keeps every decision, and the page rejoins by itself. In a timed
// room it also shows when the next quarter opens (room-clock.ts), redrawn each second;
// that part is no live region, so a screen reader hears it only at a few moments.

export function roomBar(): { el: HTMLElement; update(s: GameState): void } {
  const status = h('span', { attrs: { role: 'status' } });
  const clock = h('span', { class: 'room-clock', attrs: { role: 'timer' } });
  const said = h('span', { class: 'sr-only', attrs: { 'aria-live': 'polite' } });
  // a landmark of its own, so the clock (no live region) is not content outside every landmark
  const el = h(
    'div',
    { class: 'room-bar', attrs: { role: 'region', 'aria-label': 'Live room' } },
    status,
    clock,
    said,
  );
  el.hidden = true;
  let last = '';
  let state: GameState | null = null;
  /** the time left at the last second drawn, and for which quarter; null: not shown */
  let shown: { msLeft: number; next: number } | null = null;
  let ticking: ReturnType<typeof setInterval> | null = null;

  const drawClock = () => {
    const line = state ? timedLine(state, Date.now()) : null;
    clock.hidden = line === null;
    if (!line) {
      shown = null;
      clock.textContent = '';
      if (ticking) clearInterval(ticking);
      ticking = null;
      return;
    }
    clock.textContent = line.text;
    const { msLeft, next } = line;
    const say = momentToSay(shown?.next === next ? shown.msLeft : null, msLeft, next);
    if (say) said.textContent = say;
    shown = { msLeft, next };
    ticking ??= setInterval(drawClock, 1000);
  };

  return {
    el,
    update(s) {
      state = s;
      drawClock();
      const r = s.room;
      const visible = r !== null && (r.link === 'live' || r.link === 'retrying');
      const a = r?.assessment;
      const where = a
        ? `Assessed: ${a.title} · attempt ${a.attempt} of ${a.attempts}`
        : `Live room ${r?.code}`;
      const kept = a ? 'the server keeps your decisions' : 'your decisions are kept by the room';
      const text = !visible
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
      el.hidden = !visible;
      el.dataset.link = r?.link ?? '';
      status.textContent = text;
    },
  };
}
