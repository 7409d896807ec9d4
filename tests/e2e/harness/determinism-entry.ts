import { encodeRecord } from '../../../src/record/code.ts';
import { replay, type SessionRecord } from '../../../src/record/record.ts';
import { quartersShown, type ScenarioDef } from '../../../src/sim/index.ts';
import { createCensusService, type WorkerLike } from '../../../src/workers/census-service.ts';
import { type FairScore, rankIn } from '../../../src/workers/fair-score.ts';

// Loaded into a page by tests/e2e/determinism.spec.ts: the model, the records and the
// census service as the browser runs them, behind one global the test calls.

export interface DeterminismHarness {
  replayRecord(
    scenario: ScenarioDef,
    record: SessionRecord,
  ): { quarters: unknown[]; outcomes: unknown; score: number; code: string };
  fairScore(
    scenario: ScenarioDef,
    seed: string,
    playerScore: number,
    workerUrl: string,
  ): Promise<FairScore & { progress: number[]; maxTimerGap: number; elapsed: number }>;
}

declare global {
  var __DET__: DeterminismHarness;
}

globalThis.__DET__ = {
  replayRecord(scenario, record) {
    const r = replay(scenario, record);
    return {
      // built as simulate builds it: the card's texts, sender, replies shown and coach note
      quarters: quartersShown(scenario, r.state),
      outcomes: r.outcomes,
      score: r.score,
      code: encodeRecord(record, scenario),
    };
  },

  async fairScore(scenario, seed, playerScore, workerUrl) {
    const progress: number[] = [];
    // the page's own timers keep firing while the worker computes: the page never freezes
    let maxTimerGap = 0;
    let last = performance.now();
    let ticking = true;
    const tick = () => {
      const now = performance.now();
      maxTimerGap = Math.max(maxTimerGap, now - last);
      last = now;
      if (ticking) setTimeout(tick, 10);
    };
    setTimeout(tick, 10);
    const t0 = performance.now();
    const service = createCensusService({
      createWorker: () => new Worker(workerUrl) as unknown as WorkerLike,
    });
    const market = await service.market(null, scenario, seed, {
      onProgress: (d) => progress.push(d),
    });
    service.dispose();
    const result = rankIn(market, playerScore);
    const elapsed = performance.now() - t0;
    ticking = false;
    return { ...result, progress, maxTimerGap, elapsed };
  },
};
