import type { FacilitatorView, PlayerView } from '../../room/protocol.ts';
import { columnHeads, h, replace } from '../dom.ts';

// The live dashboard's "Who is here": every trainee, connected or away, what they are doing
// now, how many quarters they have played, and the score once the debrief is released.
// It redraws at every message of the room, but its parts stay in place: on a phone the
// table scrolls sideways in a box the keyboard can reach, and a redraw keeps that box (its
// focus and how far it is scrolled) and changes only what is in it.

function decidedNow(p: PlayerView, open: number, quarters: number): string {
  if (p.situationId === null) return 'finished';
  // a room of another model (PublicRoom.otherModel): nobody can play on
  if (p.situationId === '') return 'stopped';
  if (open === 0) return 'waiting to start';
  return p.choices.length >= Math.min(open, quarters)
    ? 'decided'
    : `deciding quarter ${p.choices.length + 1}`;
}

function rosterTable(view: FacilitatorView, open: number): HTMLElement {
  const { players, room } = view;
  return h(
    'table',
    { class: 'roster' },
    columnHeads('Name', 'Connected', 'Now', 'Quarters played', 'Score'),
    h(
      'tbody',
      null,
      ...[...players]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((p) =>
          h(
            'tr',
            { attrs: { 'data-player': p.name } },
            h('td', null, p.name),
            h('td', null, p.connected ? '● connected' : '○ away'),
            h('td', null, decidedNow(p, open, room.scenario.quarters)),
            h('td', null, `${p.choices.length} of ${room.scenario.quarters}`),
            h('td', null, room.release.debrief && p.score !== null ? String(p.score) : '–'),
          ),
        ),
    ),
  );
}

export function rosterCard(): { el: HTMLElement; draw(view: FacilitatorView, open: number): void } {
  const heading = h('h2', { id: 'room-roster-h' });
  const empty = h('p', { class: 'empty' }, 'Nobody has joined yet.');
  const scroller = h('div', {
    class: 'table-wrap',
    attrs: { tabindex: '0', role: 'region', 'aria-labelledby': 'room-roster-h' },
  });
  const hint = h('p', { class: 'hint' }, 'Scores show here once you release the debrief.');
  const el = h('div', { class: 'card' }, heading, empty, scroller, hint);
  return {
    el,
    draw(view, open) {
      const { players, room } = view;
      // a room of another model never shows scores (its note says why)
      hint.hidden = room.otherModel !== undefined;
      const online = players.filter((p) => p.connected).length;
      const decided = players.filter((p) =>
        ['decided', 'finished'].includes(decidedNow(p, open, room.scenario.quarters)),
      ).length;
      // before the first quarter opens nobody can have decided anything: say so
      const progress =
        open === 0 ? 'no quarter open yet' : `${decided} done with the open quarters`;
      heading.textContent = `Who is here (${players.length} joined, ${online} connected, ${progress})`;
      empty.hidden = players.length > 0;
      scroller.hidden = players.length === 0;
      replace(scroller, players.length ? rosterTable(view, open) : null);
      hint.hidden = room.release.debrief;
    },
  };
}
