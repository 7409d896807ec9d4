import type { GameStore } from '../../store/game-store.ts';

// The heavier drawing of the debrief (four charts, the result code) waits until the fair
// score is in, so the page answers at once while the census runs; `limit` ms at most, in
// case the census is slow or fails. Each waiting job runs in a task of its own, and only
// while its debrief is still on screen (`shown`): a player who leaves at once (Replay,
// New market) has no use for charts and a result code drawn into a page that is gone,
// and that work would be paid for in the next game.

export function afterFairScore(
  store: GameStore,
  shown: () => boolean,
  jobs: (() => void)[],
  limit = 3000,
): void {
  let done = false;
  const run = (wanted: boolean) => {
    if (done) return;
    done = true;
    stop();
    clearTimeout(timer);
    if (!wanted) return;
    jobs.forEach((job, i) => {
      setTimeout(() => {
        if (shown()) job();
      }, i * 16);
    });
  };
  const ready = () => store.getState().debrief?.fair.status !== 'computing';
  const stop = store.subscribe((s) => {
    // the debrief was left before the score came in: nothing is left to draw
    if (s.screen !== 'debrief') run(false);
    else if (ready()) run(true);
  });
  const timer = setTimeout(() => run(true), limit);
  if (ready()) run(true);
}
