import { BalanceRun, seedList } from '../analysis/balance.ts';
import { gatesFor } from '../analysis/gates.ts';
import type { ScenarioDef } from '../sim/index.ts';

// The balance report off the page's thread: a seed on a large scenario includes a full
// census now and then (to check the beam search), which no time slice could split.

export interface BalanceRequest {
  scenario: ScenarioDef;
  seeds: number;
}

self.onmessage = (e: MessageEvent<BalanceRequest>) => {
  const { scenario, seeds } = e.data;
  try {
    const run = new BalanceRun(scenario);
    const list = seedList(seeds);
    let last = 0;
    for (const seed of list) {
      run.add(seed);
      const now = performance.now();
      if (now - last > 100) {
        last = now;
        self.postMessage({ progress: (0.5 * run.done) / list.length });
      }
    }
    // then the gates, which walk every strategy on every seed: the second half of the bar
    const gates = gatesFor(scenario, list, (done) => {
      const now = performance.now();
      if (now - last < 100) return;
      last = now;
      self.postMessage({ progress: 0.5 + 0.5 * done });
    });
    self.postMessage({ report: run.result(), gates });
  } catch (err) {
    self.postMessage({ error: (err as Error).message });
  }
};
