import { census, type ScenarioDef } from '../../sim/index.ts';

// Every strategy on the workshop's seed, off the main thread: the fair score of each
// trainee is read off this census, and the dashboard must stay usable while it runs.

export interface CensusRequest {
  id: number;
  scenario: ScenarioDef;
  seed: string;
}

self.onmessage = (e: MessageEvent<CensusRequest>) => {
  const { id, scenario, seed } = e.data;
  try {
    self.postMessage({ id, census: census(scenario, seed) });
  } catch (err) {
    self.postMessage({ id, error: (err as Error).message });
  }
};
