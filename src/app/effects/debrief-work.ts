import { score } from '../../sim/index.ts';
import { debriefKey } from '../../store/debrief-actions.ts';
import type { GameStore } from '../../store/game-store.ts';
import type { GameState } from '../../store/types.ts';
import { type CensusService, isCancel } from '../../workers/census-service.ts';
import { explainInWorker } from '../../workers/explain-client.ts';
import { marketKey, rankIn } from '../../workers/fair-score.ts';

// The debrief's background work for the finished game on show: the fair score (from the
// market's census, usually worked out while the game was played: census-prefetch.ts, and
// kept by the census service), then the causal explanation (which reuses the census's
// best path) in a worker of its own. Both report through store actions. It starts when a
// debrief comes on screen; leaving the debrief, or another game's debrief, cancels what it
// started (the census itself runs on while the prefetch still waits for it).

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** The debrief on show, by its game's key; null when no debrief is on screen. */
export const debriefOnShow = (s: GameState): string | null =>
  s.screen === 'debrief' ? debriefKey(s) : null;

/**
 * Registers the debrief's work: started each time a debrief comes on screen (again after
 * a failure, when the player comes back to it), never twice for one showing.
 */
export function debriefWork(store: GameStore, census: CensusService): () => void {
  let shown: string | null = null;
  let active: AbortController | null = null;
  const react = (s: GameState) => {
    const key = debriefOnShow(s);
    if (key === shown) return;
    shown = key;
    active?.abort();
    // at once, as the debrief comes up: a debrief left in the same moment still cancels
    // what it started
    active = key === null ? null : startWork(store, census, key);
  };
  const stop = store.subscribe(react);
  react(store.getState());
  return () => {
    stop();
    active?.abort();
  };
}

/** Starts what the debrief of `key` still needs; its controller cancels it. */
function startWork(store: GameStore, census: CensusService, key: string): AbortController | null {
  store.getState().openDebrief();
  const s = store.getState();
  const d = s.debrief;
  if (!d || !s.entry || !s.sim || d.key !== key) return null;
  const needFair = d.fair.status !== 'done';
  const needExplain = d.explanation === null;
  if (!needFair && !needExplain) return null;

  const controller = new AbortController();
  const { signal } = controller;
  const { scenario, hash } = s.entry;
  const sim = s.sim;
  const actions = store.getState();
  const market = () =>
    census.market(marketKey(hash, sim.seed, scenario.model), scenario, sim.seed, {
      signal,
      onProgress: (done) => actions.fairProgress(key, done),
      onFallback: (notice) => actions.notify('info', notice),
    });
  const fair: Promise<string[] | null> = needFair
    ? market().then((m) => {
        const result = rankIn(m, score(scenario.rubric, sim));
        actions.fairDone(key, result);
        return result.best.choices;
      })
    : Promise.resolve(d.fair.result?.best.choices ?? null);
  fair
    .catch((err: unknown) => {
      if (isCancel(err)) throw err;
      actions.fairFailed(key, message(err));
      // the explanation can still be had: it searches the best path itself
      return null;
    })
    .then(async (best) => {
      if (!needExplain) return;
      try {
        const explanation = await explainInWorker(scenario, sim, best, signal);
        actions.explained(key, explanation);
      } catch (err) {
        if (!isCancel(err)) actions.explainFailed(key, message(err));
      }
    })
    .catch(() => {
      // cancelled: the player left the debrief; nothing to report
    });
  return controller;
}
