import type { RopeViewSource, RopeViewState } from '../scenes/contract.ts';
import { type GameStore, reducedMotion } from '../store/game-store.ts';
import type { GameState } from '../store/types.ts';

// The rope view's window on the store (src/scenes/contract.ts): it reads what to draw and
// reports when an animation ends; it never holds game truth of its own.
//
// On the debrief the view follows the timeline (the market after the chosen quarter) and
// draws the what-if line's state at the same quarter as the faint `ghost`; it opens on the
// game's end at rest, never on the rest of the last quarter's animation.

function changed(a: GameState, b: GameState): boolean {
  return (
    a.entry !== b.entry ||
    a.sim !== b.sim ||
    a.previous !== b.previous ||
    a.playId !== b.playId ||
    a.skipped !== b.skipped ||
    a.screen !== b.screen ||
    a.debrief?.timeline !== b.debrief?.timeline ||
    a.debrief?.alternative !== b.debrief?.alternative ||
    reducedMotion(a) !== reducedMotion(b)
  );
}

function debriefView(s: GameState): RopeViewState | null {
  const d = s.debrief;
  if (s.screen !== 'debrief' || !s.entry || !d) return null;
  // at the end of the timeline the game's own state (the same market, replayed in
  // d.actual) keeps the picture still as the debrief opens
  const atEnd = d.timeline === d.actual.length - 1;
  const state = (atEnd ? s.sim : d.actual[d.timeline]) ?? s.sim;
  if (!state) return null;
  const moved = d.timelineMoves > 0 && d.timelineFrom !== null;
  return {
    scenario: s.entry.scenario,
    state,
    previous: moved ? (d.actual[d.timelineFrom ?? 0] ?? null) : null,
    // timeline moves count down from -1, so they never match a quarter's play id: the
    // store ignores their "done", and the next real quarter still animates
    playId: moved ? -d.timelineMoves : s.playId,
    reducedMotion: reducedMotion(s),
    // the debrief opened while the last quarter still played out (its button is there at
    // once): the picture jumps to the end, so the bubble's share agrees with the debrief's
    // words from its first frame; a move of the timeline still animates
    skipped: !moved,
    ghost: d.alternative?.[d.timeline] ?? null,
  };
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
        debriefView(s) ??
        (s.entry && s.sim
          ? {
              scenario: s.entry.scenario,
              state: s.sim,
              previous: s.previous,
              playId: s.playId,
              reducedMotion: reducedMotion(s),
              skipped: s.skipped,
            }
          : null);
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
