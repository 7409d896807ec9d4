import { score } from '../../sim/index.ts';
import { debriefKey } from '../../store/debrief-actions.ts';
import type { GameStore } from '../../store/game-store.ts';
import type { GameState } from '../../store/types.ts';
import { computeMarket } from '../../workers/census-client.ts';
import { marketKey, rankIn } from '../../workers/fair-score.ts';
import { explainInWorker } from './explain-client.ts';
import { prefetchedMarket, prefetchMarket } from './prefetch.ts';

// Starts the debrief's background work for the finished game on show: the fair score
// (from the market's census, usually worked out while the game was played; see
// prefetch.ts), then the causal explanation (which reuses the census's best path) in a
// worker of its own. Both report through store actions. Leaving the debrief, or a
// different game coming up, cancels whatever it started; a census prefetched during play
// runs on, since the same market's debrief may be opened again.

let active: { key: string; controller: AbortController } | null = null;

const isAbort = (err: unknown) => err instanceof DOMException && err.name === 'AbortError';
const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function runDebriefWork(store: GameStore): void {
  store.getState().openDebrief();
  const s = store.getState();
  const key = debriefKey(s);
  const d = s.debrief;
  if (key === null || !d || !s.entry || !s.sim || d.key !== key) return;
  if (active?.key === key) return;
  const needFair = d.fair.status !== 'done';
  const needExplain = d.explanation === null;
  if (!needFair && !needExplain) return;

  active?.controller.abort();
  const controller = new AbortController();
  active = { key, controller };
  const { signal } = controller;
  const stop = store.subscribe((now) => {
    if (now.screen !== 'debrief' || debriefKey(now) !== key) controller.abort();
  });
  signal.addEventListener('abort', () => {
    stop();
    if (active?.controller === controller) active = null;
  });

  const { scenario } = s.entry;
  const sim = s.sim;
  const actions = store.getState();
  const onProgress = (done: number) => actions.fairProgress(key, done);
  const compute = () => computeMarket(scenario, sim.seed, onProgress, { signal });
  const market = () => {
    const prefetched = prefetchedMarket(marketKey(s.entry!.hash, sim.seed), onProgress, signal);
    if (!prefetched) return compute();
    // a prefetch cancelled by something other than this debrief: work it out here instead
    return prefetched.catch((err: unknown) => {
      if (isAbort(err) && !signal.aborted) return compute();
      throw err;
    });
  };
  const fair: Promise<string[] | null> = needFair
    ? market().then((m) => {
        const result = rankIn(m, score(scenario.rubric, sim));
        actions.fairDone(key, result);
        return result.best.choices;
      })
    : Promise.resolve(d.fair.result?.best.choices ?? null);
  fair
    .catch((err: unknown) => {
      if (isAbort(err)) throw err;
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
        if (!isAbort(err)) actions.explainFailed(key, message(err));
      }
    })
    .catch(() => {
      // cancelled: the player left the debrief; nothing to report
    })
    .finally(() => {
      if (active?.controller === controller) {
        active = null;
        stop();
      }
    });
}

/**
 * Once a game is under way (its first decision made), starts its market's census in the
 * background, so the debrief need not wait for it.
 */
export function prefetchFairScore(s: Pick<GameState, 'entry' | 'sim'>): void {
  const { entry, sim } = s;
  if (!entry || !sim || sim.quarter < 1 || sim.situationId === null) return;
  prefetchMarket(marketKey(entry.hash, sim.seed), entry.scenario, sim.seed);
}
