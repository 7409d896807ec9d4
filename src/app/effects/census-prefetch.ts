import type { GameStore } from '../../store/game-store.ts';
import type { GameState } from '../../store/types.ts';
import type { CensusService } from '../../workers/census-service.ts';
import { marketKey } from '../../workers/fair-score.ts';

// A market's census (every strategy's score and the par lines) depends on the scenario
// and the seed alone, not on the player's choices. So once the first decision is made the
// census service starts on it, and the fair score is usually ready the moment the debrief
// opens: the debrief asks the service for the same market and joins the work, or finds it
// kept. One market at a time: a new game's market stops waiting for the last one's, and
// the service cancels that unless a debrief still waits for it.

/** The market of a game under way (its first decision made), or null. */
export function marketUnderWay(s: Pick<GameState, 'entry' | 'sim'>): string | null {
  const { entry, sim } = s;
  if (!entry || !sim || sim.quarter < 1 || sim.situationId === null) return null;
  return marketKey(entry.hash, sim.seed, entry.scenario.model);
}

export function censusPrefetch(store: GameStore, census: CensusService): () => void {
  let current: { key: string; controller: AbortController } | null = null;
  const react = (s: GameState) => {
    const key = marketUnderWay(s);
    if (key === null || key === current?.key) return;
    current?.controller.abort();
    const controller = new AbortController();
    current = { key, controller };
    const { scenario } = s.entry!;
    const seed = s.sim!.seed;
    census.market(key, scenario, seed, { signal: controller.signal }).catch(() => {
      // cancelled or failed: tried once per market; the debrief asks again and reports a
      // failure itself
    });
  };
  const stop = store.subscribe(react);
  react(store.getState());
  return () => {
    stop();
    current?.controller.abort();
  };
}
