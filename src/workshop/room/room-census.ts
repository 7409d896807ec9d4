import type { ScenarioDef, StrategyCensus } from '../../sim/index.ts';
import { pageCensus } from '../../workers/census-service.ts';
import { marketKey } from '../../workers/fair-score.ts';

// The room's market worked out once for the page: the roster's and the slides' fair scores
// both come from it. It is asked for only when someone has finished (nobody needs a fair
// score before), and the page's census service keeps it, so a reopened room has it at once.

export type CensusState =
  | { status: 'idle' }
  | { status: 'working' }
  | { status: 'ready'; census: StrategyCensus }
  | { status: 'failed' };

export interface RoomCensus {
  state(): CensusState;
  /** asks for the market once; `changed` is called when it is ready or has failed */
  ask(scenario: ScenarioDef, hash: string, seed: string): void;
}

export function roomCensus(changed: () => void): RoomCensus {
  let state: CensusState = { status: 'idle' };
  return {
    state: () => state,
    ask(scenario, hash, seed) {
      if (state.status !== 'idle') return;
      state = { status: 'working' };
      pageCensus()
        .market(marketKey(hash, seed, scenario.model), scenario, seed)
        .then((market) => {
          state = { status: 'ready', census: market.census };
          changed();
        })
        .catch((err: unknown) => {
          console.warn('the room census failed', err);
          state = { status: 'failed' };
          changed();
        });
    },
  };
}
