import { serverRooms } from '../../hr/session-api.ts';
import { signInPanel } from '../../hr/signin-view.ts';
import { shownDateTime } from '../../lib/when.ts';
import type { Account, ListedRoom } from '../../room/accounts.ts';
import { button, h, replace } from '../dom.ts';
import { keptRooms, type RoomKey } from './keys.ts';

// On the "Live room" tab: the sign-in to the server, and once signed in as a facilitator
// (or admin) the live rooms made under that name, from any browser, each opening its live
// dashboard (with this browser's key when it has one, else on the sign-in). Room codes and
// titles reach the page as text only.

function roomLine(room: ListedRoom, open: (key: RoomKey) => void): HTMLElement {
  // the browser's own key when it has one; otherwise the sign-in runs the room
  const key: RoomKey = keptRooms().find((k) => k.code === room.code) ?? {
    code: room.code,
    secret: '',
    title: room.scenarioTitle,
    created: Date.parse(room.createdAt),
  };
  return h(
    'li',
    null,
    button(`Open room ${room.code}`, () => open(key), 'btn'),
    ` ${room.scenarioTitle} · ${room.players} ${room.players === 1 ? 'trainee' : 'trainees'} · made ${shownDateTime(room.createdAt)}`,
  );
}

export function facilitatorAccountSection(open: (key: RoomKey) => void): HTMLElement {
  const list = h('div', { attrs: { 'aria-live': 'polite' } });
  const refresh = async (account: Account | null) => {
    if (!account) return replace(list);
    try {
      const rooms = await serverRooms();
      replace(
        list,
        h(
          'div',
          { class: 'card' },
          h('h2', null, `Your rooms on the server (${rooms.length})`),
          rooms.length
            ? h('ul', { class: 'room-list' }, ...rooms.map((r) => roomLine(r, open)))
            : h('p', { class: 'muted' }, 'None live: the rooms you make now are listed here.'),
        ),
      );
    } catch (err) {
      replace(
        list,
        h(
          'p',
          { class: 'warning', attrs: { role: 'alert' } },
          `Your rooms could not be read: ${err instanceof Error ? err.message : String(err)}`,
        ),
      );
    }
  };
  return h(
    'div',
    null,
    signInPanel({
      idPrefix: 'room-signin',
      heading: 'h2',
      purpose:
        "Signed in as a facilitator, the rooms you make are kept under your name and listed here in any browser you sign in from. Your server's admin gives you a name and password.",
      onChange: (account) => void refresh(account),
    }),
    list,
  );
}
