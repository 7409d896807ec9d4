import { describe, expect, it } from 'vitest';
import { DEBRIEF_ANNOUNCEMENT, screenAnnouncement } from '../../src/ui/announce.ts';
import { makeStore, playOut, tutorial } from '../store/helpers.ts';

// The page's live region is what a screen reader hears as a screen opens, and what it
// finds when the player reviews it. It once kept "the game is over" while quarter 1 of the
// next game was on screen.

describe('the live region', () => {
  it('announces an outcome and the debrief, and is emptied by the screens after them', () => {
    const store = makeStore();
    store.getState().pickScenario(tutorial.scenario.id);
    expect(screenAnnouncement(store.getState())).toBe('');
    store.getState().beginQuarters();
    const first = store.getState().entry!.scenario.situations[0]!;
    store.getState().choose(first.choices[0]!.id);
    expect(screenAnnouncement(store.getState())).toMatch(/^Quarter 1 played\. Market share /);
    store.getState().nextQuarter();
    expect(screenAnnouncement(store.getState())).toBe('');
    playOut(store);
    expect(screenAnnouncement(store.getState())).toBe(DEBRIEF_ANNOUNCEMENT);
    // the next attempt opens on quarter 1: nothing of the finished game is left to hear
    store.getState().replayMarket();
    expect(store.getState().screen).toBe('play');
    expect(screenAnnouncement(store.getState())).toBe('');
    store.getState().showTitle();
    expect(screenAnnouncement(store.getState())).toBe('');
  });
});
