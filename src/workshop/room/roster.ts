import type { FacilitatorView, PlayerView } from '../../room/protocol.ts';
import type { RubricDef } from '../../sim/index.ts';
import type { Row } from '../dashboard/aggregate.ts';
import { columnHeads, h, replace } from '../dom.ts';
import type { CensusState } from './room-census.ts';
import { rosterCells, rosterHint } from './roster-figures.ts';

// The live dashboard's "Who is here": every trainee, connected or away, what they are doing
// now, how many quarters they have played, and once the debrief is released their score,
// fair score and pass or fail (roster-figures.ts), as the debrief and the leaderboard say.
// It redraws at every message of the room, but its parts stay in place: on a phone the
// table scrolls sideways in a box the keyboard can reach, and a redraw keeps that box (its
// focus and how far it is scrolled) and changes only what is in it.

function decidedNow(p: PlayerView, open: number, quarters: number, ended: boolean): string {
  if (p.situationId === null) return 'finished';
  // a room of another model (PublicRoom.otherModel): nobody can play on
  if (p.situationId === '') return 'stopped';
  // the facilitator ended play: whoever had not finished stopped where they were
  if (ended) return 'stopped: play ended';
  if (open === 0) return 'waiting to start';
  return p.choices.length >= Math.min(open, quarters)
    ? 'decided'
    : `deciding quarter ${p.choices.length + 1}`;
}

/** What the roster knows of the results: the room's rubric and leaderboard rows by name. */
export interface RosterResults {
  /** null until the page has the room's scenario */
  rubric: RubricDef | null;
  /** the finished trainees' rows, by name (names are unique in a room) */
  rows: ReadonlyMap<string, Row>;
  census: CensusState['status'];
}

function rosterTable(view: FacilitatorView, open: number, results: RosterResults): HTMLElement {
  const { players, room } = view;
  const mark = results.rubric ? `Pass mark ${results.rubric.passMark}` : 'Passed';
  const heads = columnHeads(
    'Name',
    'Connected',
    'Now',
    'Quarters played',
    'Score',
    'Fair score',
    mark,
  );
  // the two figures line up on their digits, their heads above them
  for (const th of [...heads.querySelectorAll('th')].slice(4, 6)) th.classList.add('num');
  return h(
    'table',
    { class: 'roster' },
    heads,
    h(
      'tbody',
      null,
      ...[...players]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((p) => {
          const cells = rosterCells(
            // a room of another model is not replayed: no figures, as its note says
            room.otherModel === undefined ? p.score : null,
            results.rows.get(p.name),
            room.release.debrief && room.otherModel === undefined,
            results.census,
            room.endedAt !== undefined,
          );
          return h(
            'tr',
            { attrs: { 'data-player': p.name } },
            h('td', null, p.name),
            h('td', null, p.connected ? '● connected' : '○ away'),
            h('td', null, decidedNow(p, open, room.scenario.quarters, room.endedAt !== undefined)),
            h('td', null, `${p.choices.length} of ${room.scenario.quarters}`),
            h('td', { class: 'num' }, cells.score),
            h('td', { class: 'num' }, cells.fair),
            h('td', { attrs: { 'data-pass': cells.pass } }, cells.pass),
          );
        }),
    ),
  );
}

export function rosterCard(): {
  el: HTMLElement;
  draw(view: FacilitatorView, open: number, results: RosterResults): void;
} {
  const heading = h('h2', { id: 'room-roster-h' });
  const empty = h('p', { class: 'empty' }, 'Nobody has joined yet.');
  const scroller = h('div', {
    class: 'table-wrap',
    attrs: { tabindex: '0', role: 'region', 'aria-labelledby': 'room-roster-h' },
  });
  const hint = h('p', { class: 'hint roster-hint' });
  const el = h('div', { class: 'card' }, heading, empty, scroller, hint);
  return {
    el,
    draw(view, open, results) {
      const { players, room } = view;
      const online = players.filter((p) => p.connected).length;
      const ended = room.endedAt !== undefined;
      const decided = players.filter((p) =>
        ['decided', 'finished'].includes(decidedNow(p, open, room.scenario.quarters, ended)),
      ).length;
      const finished = players.filter((p) => p.situationId === null).length;
      // before the first quarter opens nobody can have decided anything: say so
      const progress = ended
        ? `play ended, ${finished} finished`
        : open === 0
          ? 'no quarter open yet'
          : `${decided} done with the open quarters`;
      heading.textContent = `Who is here (${players.length} joined, ${online} connected, ${progress})`;
      empty.hidden = players.length > 0;
      scroller.hidden = players.length === 0;
      replace(scroller, players.length ? rosterTable(view, open, results) : null);
      // a room of another model never shows scores (its note says why)
      hint.hidden = room.otherModel !== undefined;
      hint.textContent = rosterHint(
        results.rubric,
        room.release.debrief,
        [...results.rows.values()],
        players.filter((p) => p.score === null).length,
        results.census,
        ended,
      );
    },
  };
}
