import { describe, expect, it } from 'vitest';
import { feedbackOnly, stakesOf } from '../../src/store/stakes.ts';
import { makeStore, ONE_ATTEMPT, tutorial, tutorialRoom } from './helpers.ts';

// The debrief words a practice game's verdict as feedback and a graded one's as a pass or
// a fail: which one a finished game is follows from where it was played.

const NOW = Date.parse('2026-12-06T12:00:00Z');

describe('stakesOf', () => {
  it('is practice for a game picked from the list, and for the tutorial started from Help', () => {
    const store = makeStore();
    store.getState().pickScenario(tutorial.scenario.id);
    expect(stakesOf(store.getState(), NOW)).toBe('practice');
    store.getState().playTutorial();
    expect(stakesOf(store.getState(), NOW)).toBe('practice');
  });

  it('is a workshop game for a workshop link played without a live room: graded by nobody', () => {
    const store = makeStore();
    store
      .getState()
      .startMarket(tutorial.scenario.id, '7', { kind: 'workshop', name: 'Q3', session: 'w1' });
    expect(stakesOf(store.getState(), NOW)).toBe('workshop');
    expect(feedbackOnly(stakesOf(store.getState(), NOW))).toBe(true);
  });

  it('is graded for an assessed link with an attempt left, final without one', () => {
    const store = makeStore();
    store.getState().startMarket(tutorial.scenario.id, '7', { ...ONE_ATTEMPT, attempts: 2 });
    expect(stakesOf(store.getState(), NOW)).toBe('graded');
    store.getState().startMarket(tutorial.scenario.id, '8', { ...ONE_ATTEMPT, attempt: 1 });
    expect(stakesOf(store.getState(), NOW)).toBe('final');
  });

  it('is never practice in a live room, whatever the context says', () => {
    const room = { code: tutorialRoom(NOW).code } as NonNullable<
      Parameters<typeof stakesOf>[0]['room']
    >;
    expect(stakesOf({ context: { kind: 'practice' }, room }, NOW)).toBe('graded');
    // a live room's game keeps its wording: the facilitator's roster marks it pass or fail
    const inRoom = {
      context: { kind: 'workshop', name: 'Room', session: 'room-1' },
      room,
    } as const;
    expect(stakesOf(inRoom, NOW)).toBe('graded');
    expect(feedbackOnly(stakesOf(inRoom, NOW))).toBe(false);
  });
});
