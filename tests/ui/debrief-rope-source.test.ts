import { describe, expect, it } from 'vitest';
import { ropeSource } from '../../src/app/rope-source.ts';
import { frameOf } from '../../src/scenes/frame.ts';
import { Playback } from '../../src/scenes/playback.ts';
import { makeStore, playOut } from '../store/helpers.ts';

// What the rope view is fed on the debrief: the timeline's quarter of the player's game,
// the what-if line's state at the same quarter as the ghost, and a move of the timeline
// as an animation the store's quarter counter never confuses with a real quarter.

function finishedWithSource() {
  const store = makeStore(undefined, ['7']);
  store.getState().pickScenario('silos', '7');
  store.getState().beginQuarters();
  playOut(store, 0);
  return { store, source: ropeSource(store) };
}

describe('rope source on the debrief', () => {
  it('shows the end of the game at rest, with no ghost until a what-if opens', () => {
    const { store, source } = finishedWithSource();
    const d = store.getState().debrief!;
    const view = source.get()!;
    expect(view.state).toBe(store.getState().sim);
    expect(view.state).toEqual(d.actual.at(-1));
    expect(view.previous).toBeNull();
    expect(view.ghost ?? null).toBeNull();
    const situation = store
      .getState()
      .entry!.scenario.situations.find((s) => s.id === d.actual[1]!.situationId)!;
    const other = situation.choices.find((c) => c.id !== store.getState().sim!.choices[1])!;
    let calls = 0;
    source.subscribe(() => calls++);
    store.getState().openWhatIf(2, other.id);
    expect(calls).toBe(1);
    expect(source.get()!.ghost).toBe(store.getState().debrief!.alternative!.at(-1));
  });

  it('follows the timeline, animating from where it was, ghost at the same quarter', () => {
    const { store, source } = finishedWithSource();
    const first = store.getState().debrief!;
    const situation = store
      .getState()
      .entry!.scenario.situations.find((s) => s.id === first.actual[1]!.situationId)!;
    store
      .getState()
      .openWhatIf(2, situation.choices.find((c) => c.id !== store.getState().sim!.choices[1])!.id);
    store.getState().setTimeline(3);
    const d = store.getState().debrief!;
    const view = source.get()!;
    expect(view.state).toBe(d.actual[3]);
    expect(view.previous).toBe(d.actual.at(-1));
    expect(view.ghost).toBe(d.alternative![3]);
    expect(view.playId).toBeLessThan(0);
    store.getState().setTimeline(4);
    expect(source.get()!.playId).toBeLessThan(view.playId);
    expect(source.get()!.previous).toBe(d.actual[3]);
  });

  it('opened while the last quarter still plays out, draws the end of the game at once', () => {
    const store = makeStore(undefined, ['7']);
    store.getState().pickScenario('silos', '7');
    store.getState().beginQuarters();
    const source = ropeSource(store);
    const done: number[] = [];
    const playback = new Playback((id) => done.push(id), 3000);
    const decide = () => {
      const s = store.getState();
      const situation = s.entry!.scenario.situations.find((x) => x.id === s.sim!.situationId)!;
      s.choose(situation.choices[0]!.id);
    };
    // up to the last decision
    for (;;) {
      const s = store.getState();
      if (s.phase === 'outcome') s.nextQuarter();
      else if (s.sim!.quarter + 1 < s.entry!.scenario.quarters) decide();
      else break;
    }
    playback.sync(source.get(), 0);
    decide();
    playback.sync(source.get(), 10);
    expect(playback.playing).toBe(true);
    const end = frameOf(store.getState().entry!.scenario, store.getState().sim!);
    // the quarter moved the customer: a frame of its animation shows another share
    expect(playback.frameAt(400)!.position).not.toBe(end.position);
    store.getState().nextQuarter();
    expect(store.getState().screen).toBe('debrief');
    playback.sync(source.get(), 400);
    expect(playback.playing).toBe(false);
    expect(playback.frameAt(400)).toEqual(end);
    expect(done).toEqual([store.getState().playId]);
  });

  it('off the debrief, shows the game as before', () => {
    const { store, source } = finishedWithSource();
    store.getState().setTimeline(1);
    store.getState().replayMarket();
    const s = store.getState();
    const view = source.get()!;
    expect(view.state).toBe(s.sim);
    expect(view.ghost ?? null).toBeNull();
    expect(view.playId).toBe(s.playId);
  });
});
