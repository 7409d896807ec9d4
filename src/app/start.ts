import scenarios from 'virtual:scenarios';
import { linkParams } from '../links/address.ts';
import { saveBook } from '../save/saves.ts';
import { browserStore } from '../save/storage.ts';
import type { RopeViewHandle } from '../scenes/contract.ts';
import { createGameStore, type GameStore } from '../store/game-store.ts';
import { mountApp } from '../ui/mount.ts';
import { pageCensus } from '../workers/census-service.ts';
import { startEffects } from './effects/index.ts';
import { restoreOwnScenarios } from './own-scenarios.ts';
import { registerServiceWorker } from './pwa.ts';
import { openAssessedLink } from './room/start.ts';
import { ropeSource } from './rope-source.ts';
import { loadRopeView } from './rope-view.ts';
import { tabLock } from './tab-lock.ts';
import { openFromUrl } from './url.ts';

/** What browser tests and the browser benchmark drive: the store's actions, nothing more. */
export interface TestHook {
  store: GameStore;
  /** the first screen is up and the address has been acted on */
  ready: boolean;
  ropeView?: RopeViewHandle;
  /** the rope view finished loading (or could not load) */
  viewSettled: boolean;
}

declare global {
  interface Window {
    __TEST__?: TestHook;
  }
}

function newSeed(): string {
  const n = new Uint32Array(1);
  crypto.getRandomValues(n);
  return String(1 + ((n[0] ?? 0) % 999_999));
}

export async function startApp(root: HTMLElement): Promise<void> {
  const saves = saveBook(browserStore());
  saves.upgrade();
  const motion = window.matchMedia('(prefers-reduced-motion: reduce)');
  const store = createGameStore({
    scenarios,
    saves,
    newSeed,
    now: () => Date.now(),
    systemReducedMotion: motion.matches,
    lock: tabLock(),
  });
  motion.addEventListener('change', (e) => store.getState().setSystemReducedMotion(e.matches));
  const hook: TestHook = { store, ready: false, viewSettled: false };
  window.__TEST__ = hook;

  store.getState().refreshSaves();
  openAssessedLink(store, window.location.search);
  const app = mountApp(root, store);
  const census = pageCensus();
  await restoreOwnScenarios(store, saves).catch((err: unknown) => console.warn(err));
  await openFromUrl(store, linkParams(window.location), newSeed).catch((err: unknown) => {
    store.getState().showLinkError(err instanceof Error ? err.message : 'it could not be read');
  });
  // a link that differs from this page's address only after "#" does not load a new page
  window.addEventListener('hashchange', () => {
    if (linkParams({ search: '', hash: window.location.hash })) window.location.reload();
  });
  // every side effect of the game's state (saving, census, debrief work, live rooms, LMS)
  startEffects(store, {
    census,
    saves,
    now: () => Date.now(),
    roomSearch: window.location.search,
    lms: { win: window, scenarios, env: import.meta.env },
  });
  hook.ready = true;

  // after the first screen is up: the rope view (Phaser), then offline support
  setTimeout(() => {
    loadRopeView(app.stage, ropeSource(store))
      .then((handle) => {
        hook.ropeView = handle;
        store.getState().setViewReady(true);
      })
      .catch((err: unknown) => {
        console.error(err);
        store
          .getState()
          .notify(
            'warning',
            'The rope picture could not start in this browser; the game plays on with the list of ropes.',
          );
      })
      .finally(() => {
        hook.viewSettled = true;
        // the fair score's worker, started while nothing else is going on
        census.warm();
      });
    void registerServiceWorker(store, window.location.search);
  }, 0);
}
