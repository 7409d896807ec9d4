import { describe, expect, it } from 'vitest';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { departures, describeView } from '../../src/scenes/describe.ts';
import { blendFrames, frameOf } from '../../src/scenes/frame.ts';
import { layoutFrame } from '../../src/scenes/layout.ts';
import { initialState, type SimState, step } from '../../src/sim/index.ts';
import { legendEntries } from '../../src/ui/rope-legend.ts';
import { ropeLines } from '../../src/ui/rope-text.ts';

// Someone who has left the team pulls nothing, so the picture draws no rope for them, not
// even a fading one while the quarter they left in plays out, and the words beside it say
// who left, when and why. In who-owns on seed 1, these four replies wear Sara down until
// she resigns in quarter 4 (the event "Sara resigns").

const { scenario } = loadBundledScenarios().find((b) => b.scenario.id === 'who-owns')!;
const REPLIES = ['crm-mandate', 'push-down', 'ben-audit', 'retention-bonus'];

function quarters(): SimState[] {
  const states = [initialState(scenario, '1')];
  for (const c of REPLIES) states.push(step(scenario, states.at(-1)!, c));
  return states;
}

describe('a member who has left the team', () => {
  const states = quarters();
  const before = states[3]!;
  const after = states[4]!;

  it('is on the team before quarter 4 and gone after it (the market this test stands on)', () => {
    expect(before.members.find((m) => m.id === 'sara')?.present).toBe(true);
    expect(after.members.find((m) => m.id === 'sara')?.present).toBe(false);
  });

  it('has no rope at any moment of the quarter they left in, nor after it', () => {
    const a = frameOf(scenario, before);
    const b = frameOf(scenario, after);
    expect(a.ropes.some((r) => r.id === 'sara')).toBe(true);
    for (const t of [0, 0.05, 0.2, 0.5, 0.8, 1]) {
      const frame = blendFrames(a, b, t);
      expect(frame.ropes.some((r) => r.id === 'sara')).toBe(false);
      const layout = layoutFrame(frame, 334, 300);
      expect(layout.ropes.some((r) => r.id === 'sara')).toBe(false);
      expect(layout.labels.some((l) => l.id === 'sara')).toBe(false);
    }
  });

  it('is named in the text list and the legend: who, in which quarter and why', () => {
    expect(departures(scenario, after)).toEqual([
      { id: 'sara', name: 'Sara Lindqvist', quarter: 4, event: 'Sara resigns' },
    ]);
    expect(departures(scenario, before)).toEqual([]);
    const line = ropeLines(scenario, after).find((l) => l.includes('left the team'));
    expect(line).toBe(
      'Sara Lindqvist left the team in quarter 4: Sara resigns. No rope: someone who has gone pulls nothing.',
    );
    // the text list names no rope for her
    expect(ropeLines(scenario, after).filter((l) => l.startsWith('Sara Lindqvist ('))).toEqual([]);
    const legend = new Map(legendEntries(scenario, after));
    expect(legend.get('left')).toContain('Sara Lindqvist left in quarter 4 (Sara resigns)');
    expect(new Map(legendEntries(scenario, before)).has('left')).toBe(false);
    expect(describeView(scenario, after)).toContain('Sara Lindqvist left the team in quarter 4');
  });
});
