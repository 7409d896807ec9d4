import type { RopeViewSource, RopeViewState } from '../scenes/contract.ts';
import { type GameStore, reducedMotion } from '../store/game-store.ts';
import type { GameState } from '../store/types.ts';

// The rope view's window on the store (src/scenes/contract.ts): it reads what to draw and
// reports when an animation ends; it never holds game truth of its own.

function changed(a: GameState, b: GameState): boolean {
  return (
    a.entry !== b.entry ||
    a.sim !== b.sim ||
    a.previous !== b.previous ||
    a.playId !== b.playId ||
    a.skipped !== b.skipped ||
    reducedMotion(a) !== reducedMotion(b)
  );
}

export function ropeSource(store: GameStore): RopeViewSource {
  let cachedFrom: GameState | null = null;
  let cached: RopeViewState | null = null;
  return {
    get() {
      const s = store.getState();
      if (cachedFrom && !changed(cachedFrom, s)) return cached;
      cachedFrom = s;
      cached =
        s.entry && s.sim
          ? {
              scenario: s.entry.scenario,
              state: s.sim,
              previous: s.previous,
              playId: s.playId,
              reducedMotion: reducedMotion(s),
              skipped: s.skipped,
            }
          : null;
      return cached;
    },
    subscribe(listener) {
      return store.subscribe((s, prev) => {
        if (changed(s, prev)) listener();
      });
    },
    animationDone(playId) {
      store.getState().animationDone(playId);
    },
  };
}
