import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { GameStore } from '../../src/store/game-store.ts';
import { afterFairScore } from '../../src/ui/debrief/after-fair.ts';

// The debrief's charts and result code are drawn once the fair score is in, each in a task
// of its own, and only while that debrief is still on screen: a player who leaves at once
// (Replay, New market) leaves no drawing behind to be paid for in the next game.

type Status = 'computing' | 'done' | 'failed';

/** Just what afterFairScore reads: the screen and the fair score's status. */
function fakeStore(status: Status) {
  const store = createStore(() => ({ screen: 'debrief', debrief: { fair: { status } } }));
  const set = (screen: string, s: Status) =>
    store.setState({ screen, debrief: { fair: { status: s } } });
  return { store: store as unknown as GameStore, set };
}

describe('afterFairScore', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs the jobs in order, a task each, once the score is in', () => {
    const { store, set } = fakeStore('computing');
    const ran: string[] = [];
    afterFairScore(store, () => true, [() => ran.push('result'), () => ran.push('charts')]);
    vi.advanceTimersByTime(100);
    expect(ran).toEqual([]);
    set('debrief', 'done');
    expect(ran).toEqual([]);
    vi.advanceTimersByTime(0);
    expect(ran).toEqual(['result']);
    vi.advanceTimersByTime(16);
    expect(ran).toEqual(['result', 'charts']);
    // once only
    set('debrief', 'done');
    vi.advanceTimersByTime(5000);
    expect(ran).toEqual(['result', 'charts']);
  });

  it('runs them after the time limit when the score is slow', () => {
    const { store } = fakeStore('computing');
    const ran: string[] = [];
    afterFairScore(store, () => true, [() => ran.push('charts')], 3000);
    vi.advanceTimersByTime(2999);
    expect(ran).toEqual([]);
    // the limit, then the job's own task
    vi.advanceTimersByTime(2);
    expect(ran).toEqual(['charts']);
  });

  it('drops them when the debrief is left before the score comes in', () => {
    const { store, set } = fakeStore('computing');
    const ran: string[] = [];
    afterFairScore(store, () => store.getState().screen === 'debrief', [() => ran.push('charts')]);
    set('briefing', 'computing');
    // the next game's debrief, or the time limit, no longer wakes this one's jobs
    set('debrief', 'done');
    vi.advanceTimersByTime(5000);
    expect(ran).toEqual([]);
  });

  it('skips a job whose debrief has gone by the time its task runs', () => {
    const { store } = fakeStore('done');
    let shown = true;
    const ran: string[] = [];
    afterFairScore(store, () => shown, [() => ran.push('result'), () => ran.push('charts')]);
    vi.advanceTimersByTime(0);
    expect(ran).toEqual(['result']);
    shown = false;
    vi.advanceTimersByTime(100);
    expect(ran).toEqual(['result']);
  });
});
