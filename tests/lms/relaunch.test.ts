import { describe, expect, it } from 'vitest';
import { fairScoreOf } from '../../src/hr/fair.ts';
import { memoryStore } from '../../src/save/storage.ts';
import { census } from '../../src/sim/index.ts';
import { bundled, launch, makeLms, makeStore, playPath, relaunch } from './harness.ts';

// A learner who failed, closes the package, opens it again from the LMS and replays the
// market: what the LMS ends up holding is the package's setting (--keep), never simply
// the last game sent.

const scenario = bundled.find((b) => b.scenario.id === 'tutorial')!.scenario;
const PASS = 50;

/**
 * Fails with the market's worst path, presses "Replay this market", plays the best path's
 * first quarter and closes the package; then the LMS launches it again on the same device.
 */
async function failThenRelaunch(keep: 'first' | 'best') {
  const device = memoryStore(true);
  const first = makeLms();
  const a = await launch(first, scenario.id, makeStore(device), PASS, keep);
  const { best, worst } = census(scenario, a.attached!.seed);
  playPath(a.store, worst.choices);
  await a.reported();
  expect(first.cmi.core.lesson_status).toBe('failed');
  const failedWith = first.cmi.core.score.raw;
  a.store.getState().replayMarket();
  playPath(a.store, best.choices.slice(0, 1));
  a.hide();

  const second = relaunch(first);
  const b = await launch(second, scenario.id, makeStore(device), PASS, keep);
  return { second, b, best, worst, failedWith };
}

describe('a relaunched SCORM package and the result the LMS keeps', () => {
  it('keep=first: a relaunch, a replay and the best path leave the first (failed) result', async () => {
    const { second, b, best, failedWith } = await failThenRelaunch('first');
    expect(b.store.getState().sim!.choices).toEqual(best.choices.slice(0, 1));
    playPath(b.store, best.choices.slice(1));
    await b.reported();
    expect(b.store.getState().screen).toBe('debrief');
    expect(second.cmi.core.lesson_status).toBe('failed');
    expect(second.cmi.core.score.raw).toBe(failedWith);
    // and the learner was told so when the package opened
    expect(
      b.store
        .getState()
        .notices.map((n) => n.text)
        .join(' '),
    ).toContain(`already has your result (not passed, fair score ${failedWith})`);
  });

  it('keep=best: the best path after a relaunch replaces the failed result; a worse game does not', async () => {
    const { second, b, best, worst, failedWith } = await failThenRelaunch('best');
    expect(Number(failedWith)).toBeLessThan(PASS);
    playPath(b.store, best.choices.slice(1));
    await b.reported();
    const bestGrade = String(fairScoreOf(scenario, b.store.getState().sim!).grade);
    expect(second.cmi.core.lesson_status).toBe('passed');
    expect(second.cmi.core.score.raw).toBe(bestGrade);
    b.store.getState().replayMarket();
    playPath(b.store, worst.choices);
    await b.reported();
    expect(second.cmi.core.lesson_status).toBe('passed');
    expect(second.cmi.core.score.raw).toBe(bestGrade);
  });

  it('a relaunch on a new device after a finished game starts the market afresh, not the finished game', async () => {
    const first = makeLms();
    const a = await launch(first, scenario.id);
    playPath(a.store, census(scenario, a.attached!.seed).worst.choices);
    await a.reported();
    a.hide();
    const second = relaunch(first);
    const b = await launch(second, scenario.id, makeStore(memoryStore(true)));
    expect(b.store.getState().screen).toBe('briefing');
    expect(second.cmi.core.lesson_status).toBe('failed');
  });
});
