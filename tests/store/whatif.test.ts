import { describe, expect, it } from 'vitest';
import { playChoices, statesAlong, whatIf } from '../../src/sim/index.ts';
import type { FairScore } from '../../src/workers/fair-score.ts';
import { bundled, makeStore, playOut } from './helpers.ts';

// The debrief's state: made when a game ends, keyed to that game so a late worker result
// cannot land on another; the what-if replays the market on the same seed; the timeline
// moves through the finished game's quarters.

const silos = bundled.find((e) => e.scenario.id === 'silos')!;

function finished(pick = 1) {
  const store = makeStore(undefined, ['7']);
  store.getState().pickScenario('silos', '7');
  store.getState().beginQuarters();
  playOut(store, pick);
  return store;
}

const fakeFair = (score: number): FairScore => ({
  score,
  percentile: 12.5,
  played: 10,
  strategies: 10,
  exhaustive: true,
  margin: 0,
  best: { score: 90, choices: [] },
  par: [],
  statement: 'x',
});

describe('debrief state', () => {
  it('is made when the game ends, with every state along the player line', () => {
    const store = finished();
    const s = store.getState();
    expect(s.screen).toBe('debrief');
    const d = s.debrief!;
    expect(d.fair.status).toBe('computing');
    expect(d.actual).toHaveLength(s.sim!.choices.length + 1);
    expect(d.actual.at(-1)).toEqual(playChoices(silos.scenario, '7', s.sim!.choices));
    expect(d.timeline).toBe(d.actual.length - 1);
  });

  it('takes worker reports for its own game only', () => {
    const store = finished();
    const key = store.getState().debrief!.key;
    store.getState().fairProgress('another|game', 0.5);
    store.getState().fairDone('another|game', fakeFair(1));
    expect(store.getState().debrief!.fair.status).toBe('computing');
    store.getState().fairProgress(key, 0.4);
    expect(store.getState().debrief!.fair.progress).toBe(0.4);
    store.getState().fairDone(key, fakeFair(1));
    expect(store.getState().debrief!.fair).toMatchObject({ status: 'done', progress: 1 });
    // a progress report after the result changes nothing
    store.getState().fairProgress(key, 0.1);
    expect(store.getState().debrief!.fair.progress).toBe(1);
  });

  it('a what-if on quarter 2 replays the rest of the market on the same seed', () => {
    const store = finished();
    const { sim, entry } = store.getState();
    const chosen = sim!.choices[1]!;
    const situation = entry!.scenario.situations.find(
      (x) => x.id === sim!.history[1]!.situationId,
    )!;
    const other = situation.choices.find((c) => c.id !== chosen)!.id;
    store.getState().openWhatIf(2, other);
    const d = store.getState().debrief!;
    const expected = whatIf(silos.scenario, '7', sim!.choices, 2, other);
    expect(d.whatIf!.result.alternative.choices).toEqual(expected.alternative.choices);
    expect(d.whatIf!.result.alternative.score).toBe(expected.alternative.score);
    expect(d.alternative).toEqual(statesAlong(silos.scenario, '7', expected.alternative.choices));
    expect(d.alternative![1]).toEqual(d.actual[1]); // the same market up to the change
    expect(d.alternative!.at(-1)!.choices[1]).toBe(other);
    // the game itself is untouched
    expect(store.getState().sim).toBe(sim);
    store.getState().closeWhatIf();
    expect(store.getState().debrief!.whatIf).toBeNull();
    expect(store.getState().debrief!.alternative).toBeNull();
  });

  it('a what-if that cannot be played is refused with a message, losing nothing', () => {
    const store = finished();
    const before = store.getState().debrief;
    store.getState().openWhatIf(99, 'nothing');
    expect(store.getState().debrief).toBe(before);
    expect(store.getState().notices.at(-1)?.text).toMatch(/could not be played/);
    store.getState().openWhatIf(2, 'no-such-option');
    expect(store.getState().debrief).toBe(before);
  });

  it('the timeline is clamped to the game and counts its moves', () => {
    const store = finished();
    const last = store.getState().debrief!.actual.length - 1;
    store.getState().setTimeline(-5);
    expect(store.getState().debrief).toMatchObject({
      timeline: 0,
      timelineFrom: last,
      timelineMoves: 1,
    });
    store.getState().setTimeline(3.4);
    expect(store.getState().debrief).toMatchObject({
      timeline: 3,
      timelineFrom: 0,
      timelineMoves: 2,
    });
    store.getState().setTimeline(Number.NaN);
    store.getState().setTimeline(99);
    expect(store.getState().debrief!.timeline).toBe(last);
  });

  it('a new market drops the last debrief', () => {
    const store = finished();
    store.getState().newMarket();
    expect(store.getState().debrief).toBeNull();
    store.getState().openWhatIf(1, 'x');
    expect(store.getState().debrief).toBeNull();
  });
});
