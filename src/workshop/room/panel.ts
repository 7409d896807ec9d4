import { shownDateTime } from '../../lib/when.ts';
import { probeRoomServer } from '../../room/http.ts';
import { button, h, replace } from '../dom.ts';
import { facilitatorAccountSection } from './account-view.ts';
import { createRoomForm } from './create-view.ts';
import { forgetRoom, keepRoom, keptRooms, keyFromAddress, type RoomKey } from './keys.ts';
import { liveRoomPanel } from './live-view.ts';

// The "Live room" tab: there only in substance when the room server serves this page (a
// static copy says so and stays as it was). Lists the rooms this browser holds keys to,
// makes new ones, and opens a room's live dashboard; an admin link opened here is kept.

export function livePanel(): HTMLElement {
  const body = h(
    'div',
    { class: 'stack' },
    h('p', { class: 'muted' }, 'Looking for the room server…'),
  );
  const panel = h(
    'section',
    { class: 'panel', attrs: { 'aria-labelledby': 'live-title' } },
    h(
      'div',
      { class: 'panel-head' },
      h(
        'div',
        null,
        h('h1', { id: 'live-title' }, 'Live room'),
        h(
          'p',
          { class: 'lead' },
          'Run the workshop live: trainees join with a code, each decision reaches the server, and you see the room as it plays.',
        ),
      ),
    ),
    body,
  );

  const open = (key: RoomKey, fresh: boolean, onRefused?: () => void) =>
    replace(
      body,
      h(
        'div',
        { class: 'row' },
        button('← All my rooms', () => home(), 'btn'),
      ),
      liveRoomPanel({
        key,
        fresh,
        onClosed: () => home(`Room ${key.code} is deleted, with every player and decision.`),
        ...(onRefused ? { onRefused } : {}),
      }),
    );

  const home = (note?: string) => {
    const kept = keptRooms();
    replace(
      body,
      note ? h('p', { class: 'badge ok', attrs: { role: 'status' } }, note) : null,
      facilitatorAccountSection((key) => open(key, false)),
      kept.length
        ? h(
            'div',
            { class: 'card' },
            h('h2', null, 'Your rooms in this browser'),
            h(
              'ul',
              { class: 'room-list' },
              ...kept.map((k) =>
                h(
                  'li',
                  null,
                  button(`Open room ${k.code}`, () => open(k, false), 'btn'),
                  ` ${k.title} · made ${shownDateTime(k.created)}`,
                ),
              ),
            ),
          )
        : null,
      createRoomForm((created) => {
        const key: RoomKey = {
          code: created.room.code,
          secret: created.adminSecret,
          title: created.room.scenario.title,
          created: Date.now(),
        };
        keepRoom(key);
        open(key, true);
      }),
    );
  };

  void probeRoomServer().then((present) => {
    if (!present) {
      replace(
        body,
        h(
          'div',
          { class: 'card', attrs: { role: 'note' } },
          h('h2', null, 'No room server here'),
          h(
            'p',
            null,
            'Live rooms need the room server, and this copy of the page is served without one (or the server cannot be reached). Start it with npm start (docs/server.md) and open this page at the address it prints. Everything else on this site works as before: the workshop link and the class dashboard need no server.',
          ),
        ),
      );
      return;
    }
    const fromLink = keyFromAddress(window.location.hash);
    if (fromLink) {
      // the key leaves the address bar (it stays in this browser's storage and on the page)
      history.replaceState(null, '', '#live');
      const known = keptRooms().find((k) => k.code === fromLink.code);
      const key: RoomKey = known ?? {
        ...fromLink,
        title: `Room ${fromLink.code}`,
        created: Date.now(),
      };
      keepRoom({ ...key, secret: fromLink.secret });
      // a link whose key the server refuses never replaces the key this browser kept
      open({ ...key, secret: fromLink.secret }, false, () =>
        known ? keepRoom(known) : forgetRoom(fromLink.code),
      );
      return;
    }
    home();
  });
  return panel;
}
