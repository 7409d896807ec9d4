import { describe, expect, it } from 'vitest';
import { frameOf } from '../../src/scenes/frame.ts';
import { Playback } from '../../src/scenes/playback.ts';
import { play, scenario, viewState } from './fixture.ts';

const [s0, s1, s2] = play(['maya-leads', 'let-them']);

function setup() {
  const done: number[] = [];
  const p = new Playback((id) => done.push(id), 3000);
  return { p, done };
}

describe('playing a quarter out on the ropes', () => {
  it('shows the state at rest when there is nothing to play, and reports nothing', () => {
    const { p, done } = setup();
    p.sync(viewState(s0!, null, 0), 0);
    expect(p.playing).toBe(false);
    expect(p.frameAt(10)).toEqual(frameOf(scenario, s0!));
    expect(done).toEqual([]);
  });

  it('animates from the previous state to the new one, then reports done once', () => {
    const { p, done } = setup();
    p.sync(viewState(s0!, null, 0), 0);
    p.sync(viewState(s1!, s0!, 1), 1000);
    expect(p.playing).toBe(true);
    expect(p.frameAt(1000)!.position).toBeCloseTo(s0!.position, 9);
    const mid = p.frameAt(2500)!.position;
    expect(mid).not.toBeCloseTo(s0!.position, 4);
    expect(done).toEqual([]);
    expect(p.frameAt(4000)).toEqual(frameOf(scenario, s1!));
    expect(p.frameAt(5000)).toEqual(frameOf(scenario, s1!));
    expect(done).toEqual([1]);
  });

  it('jumps to the end when the player skips', () => {
    const { p, done } = setup();
    p.sync(viewState(s0!, null, 0), 0);
    p.sync(viewState(s1!, s0!, 1), 0);
    p.sync(viewState(s1!, s0!, 1, { skipped: true }), 500);
    expect(p.playing).toBe(false);
    expect(p.frameAt(600)).toEqual(frameOf(scenario, s1!));
    expect(done).toEqual([1]);
  });

  it('does not animate at all with reduced motion, but still reports the quarter done', () => {
    const { p, done } = setup();
    p.sync(viewState(s0!, null, 0, { reducedMotion: true }), 0);
    p.sync(viewState(s1!, s0!, 1, { reducedMotion: true }), 100);
    expect(p.playing).toBe(false);
    expect(p.frameAt(100)).toEqual(frameOf(scenario, s1!));
    expect(done).toEqual([1]);
  });

  it('finishes a quarter still playing when the next one starts, with no jump in the picture', () => {
    const { p, done } = setup();
    p.sync(viewState(s0!, null, 0), 0);
    p.sync(viewState(s1!, s0!, 1), 0);
    const shown = p.frameAt(1500)!;
    p.sync(viewState(s2!, s1!, 2), 1500);
    expect(done).toEqual([1]);
    expect(p.frameAt(1500)!.position).toBeCloseTo(shown.position, 9);
    p.frameAt(9000);
    expect(done).toEqual([1, 2]);
  });

  it('plays a pending quarter it finds when it starts (the contract: previous means "animate")', () => {
    const { p, done } = setup();
    p.sync(viewState(s1!, s0!, 3), 0);
    expect(p.playing).toBe(true);
    p.frameAt(3000);
    expect(done).toEqual([3]);
  });
});
