import { describe, expect, it } from 'vitest';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { type EventDef, eventReason, explainGame, playChoices } from '../../src/sim/index.ts';

// An event that needs the player's figures to be low or high tells them so: a trainee in
// distrustful-account saw "Aisha takes Ruiz's offer" as bad luck, while their own reply a
// quarter earlier had taken team morale under the bar that lets her go.

const distrustful = loadBundledScenarios().find(
  (b) => b.scenario.id === 'distrustful-account',
)!.scenario;

/** A thoughtful game on market 276119, where the third quarter's note lets Aisha go. */
const game = playChoices(
  distrustful,
  '276119',
  'give-first,intimacy,tech-note,agree-terms,engagement-team,service-policy,joint-study,train-judgement'.split(
    ',',
  ),
);

describe('why an event could come', () => {
  it('names the figure the event reads, as it stood the quarter before, and the bar', () => {
    const q4 = game.history[3]!;
    expect(q4.events).toContain('aisha-leaves');
    const event = distrustful.events.find((e) => e.id === 'aisha-leaves')!;
    const before = game.history[2]!.metrics;
    // shown as 72 on the screens, which is why the tenth is written out
    expect(before.morale).toBeLessThan(0.72);
    expect(Math.round(before.morale * 100)).toBe(72);
    expect(eventReason(event, before, 4)).toBe(
      'It could happen only because, at the end of quarter 3, team morale stood at 71.8, under 72.',
    );
  });

  it('says nothing for an event that can come in any game', () => {
    const event = distrustful.events.find((e) => e.id === 'ruiz-cut')!;
    expect(event.when).toBeUndefined();
    expect(eventReason(event, playChoices(distrustful, '1', []).start, 2)).toBeNull();
  });

  it('lists every condition, with both bounds where there are two, and reads the start in quarter 1', () => {
    const event: EventDef = {
      id: 'x',
      title: 'X',
      text: 'x',
      odds: 1,
      when: { trust: { above: 0.45, below: 0.8 }, share: { below: 0.3 } },
    };
    const start = playChoices(distrustful, '1', []).start;
    expect(eventReason(event, { ...start, trust: 0.5, share: 0.254 }, 1)).toBe(
      "It could happen only because, at the start, the customer's trust stood at 50, between 45 and 80; and market share stood at 25.4%, under 30%.",
    );
  });

  it('credits the decision that took a figure across an event’s bar, on its debrief card', () => {
    const explained = explainGame(distrustful, game);
    const line =
      'It took team morale under 72, where "Aisha takes Ruiz\'s offer" can happen; it came in Q4.';
    const claiming = explained.decisions.filter((d) => d.sentences.includes(line));
    // the third quarter's technical note cut morale by 4 points, from above the bar to under it
    expect(claiming.map((d) => d.quarter)).toEqual([3]);
    expect(claiming[0]!.sentences.join(' ')).toContain('cut team morale by 4 points');
  });
});
