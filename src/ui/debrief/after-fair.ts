import type { GameStore } from '../../store/game-store.ts';

// The heavier drawing of the debrief (four charts, the result code) waits until the fair
// score is in, so the page answers at once while the census runs; `limit` ms at most, in
// case the census is slow or fails. Each waiting job runs in a task of its own.

export function afterFairScore(store: GameStore, jobs: (() => void)[], limit = 3000): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    stop();
    clearTimeout(timer);
    jobs.forEach((job, i) => {
      setTimeout(job, i * 16);
    });
  };
  const ready = () => store.getState().debrief?.fair.status !== 'computing';
  const stop = store.subscribe(() => {
    if (ready()) run();
  });
  const timer = setTimeout(run, limit);
  if (ready()) run();
}
