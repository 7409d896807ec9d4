import type { GameStore } from '../store/game-store.ts';
import type { GameState } from '../store/types.ts';
import { opensServerGame } from './room/start.ts';

export const OFFLINE_NOTICE = 'The game is now ready to play offline, too.';

/**
 * Says once that the game now plays offline, where that is true: on the game played on
 * this device (the title screen, a practice or tutorial market). A live room and an
 * assessed attempt need the server, so on their pages the notice waits until the player
 * leaves for the title screen, and is never shown if they do not.
 *
 * Watches from the start, since a room link's room opens only once the server has
 * answered: until then the page is the room's although the store has no room yet.
 * The answer is for the service worker to call once the site is cached.
 */
export function offlineNotice(store: GameStore, search: string): () => void {
  let roomToCome = opensServerGame(search);
  let cached = false;
  const check = (s: GameState) => {
    if (s.room !== null) roomToCome = false;
    if (!cached || s.room !== null || roomToCome) return;
    stop();
    store.getState().notify('info', OFFLINE_NOTICE, { once: true, aside: true });
  };
  const stop = store.subscribe(check);
  check(store.getState());
  return () => {
    cached = true;
    check(store.getState());
  };
}
