import { describe, expect, it } from 'vitest';
import { OFFLINE_NOTICE, offlineNotice } from '../../src/app/offline-notice.ts';
import { openAssessedLink } from '../../src/app/room/start.ts';
import type { GameStore } from '../../src/store/game-store.ts';
import { makeStore } from '../store/helpers.ts';

// "The game is now ready to play offline, too." is said where it is true: on the game this
// device plays. On a live room's or an assessed attempt's page, which need the server, it
// waits for the player to leave for the title screen.

const said = (store: GameStore) =>
  store.getState().notices.filter((n) => n.text === OFFLINE_NOTICE).length;

describe('the offline notice', () => {
  it('is said once on the title screen and in a practice market', () => {
    const store = makeStore();
    const cached = offlineNotice(store, '');
    expect(said(store)).toBe(0);
    cached();
    expect(said(store)).toBe(1);
    store.getState().pickScenario('tutorial', '5');
    // read where it arrived, gone from the next screen, and not said again
    expect(said(store)).toBe(0);
    store.getState().showTitle();
    expect(said(store)).toBe(0);

    const practice = makeStore();
    practice.getState().pickScenario('silos', '7');
    offlineNotice(practice, '?scenario=silos&seed=7')();
    expect(said(practice)).toBe(1);
  });

  it('is not said on an assessed attempt, and is once its player goes to the title', () => {
    const store = makeStore();
    const search = '?assess=asg-1&t=secret';
    openAssessedLink(store, search);
    const cached = offlineNotice(store, search);
    cached();
    expect(store.getState().screen).toBe('room');
    expect(said(store)).toBe(0);
    store.getState().leaveRoom();
    expect(store.getState().screen).toBe('title');
    expect(said(store)).toBe(1);
  });

  it('is not said on a room link while the server is asked, nor in the room it opens', () => {
    const store = makeStore();
    const search = '?room=ab12cd';
    const cached = offlineNotice(store, search);
    // the site was cached before the server answered: the page is still the room's
    cached();
    expect(store.getState().room).toBeNull();
    expect(said(store)).toBe(0);
    store.getState().openRoom('AB12CD', null);
    expect(said(store)).toBe(0);
    store.getState().roomGone('This room has ended.');
    expect(said(store)).toBe(0);
    store.getState().leaveRoom();
    expect(said(store)).toBe(1);
  });

  it('is not said in a room joined from the title screen before the site was cached', () => {
    const store = makeStore();
    const cached = offlineNotice(store, '');
    store.getState().openRoom('', null);
    cached();
    expect(said(store)).toBe(0);
    store.getState().leaveRoom();
    expect(said(store)).toBe(1);
  });

  it('takes an empty room or assessment parameter for the game played here', () => {
    const store = makeStore();
    offlineNotice(store, '?room=&assess=%20')();
    expect(said(store)).toBe(1);
  });
});
