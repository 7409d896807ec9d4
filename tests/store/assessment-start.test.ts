import { describe, expect, it } from 'vitest';
import { playChoices } from '../../src/sim/index.ts';
import { FakeStorage } from '../save/fake-storage.ts';
import { makeStore, tutorial, tutorialRoom } from './helpers.ts';

// An assessed attempt on the server, as the page starts it: the rules while nothing is
// dealt, Start recorded for the client to ask the server, then the dealt market's briefing
// before quarter 1.

const NOW = Date.parse('2026-05-01T10:00:00Z');
const SEED = 'dealt-1';
const info = { id: 'A1', title: 'Q3 check', attempt: 1, attempts: 2, passMark: 50 };

const room = tutorialRoom(NOW, { code: 'A1', seed: SEED });

function opened() {
  const store = makeStore(new FakeStorage(), ['1'], NOW);
  store.getState().openAssessment('A1');
  store.getState().assessmentReady(info, { scenario: tutorial.scenario, due: null }, 'ana');
  return store;
}

describe('starting an assessed attempt', () => {
  it('shows the rules and deals nothing until Start is pressed, once', () => {
    const store = opened();
    const s = store.getState();
    expect(s.screen).toBe('room');
    expect(s.sim).toBeNull();
    expect(s.room?.assessment?.rules).toMatchObject({ starting: false });
    store.getState().startAttempt();
    expect(store.getState().room?.assessment?.rules?.starting).toBe(true);
    const before = store.getState().room;
    store.getState().startAttempt();
    expect(store.getState().room).toBe(before);
  });

  it('opens the dealt market on its briefing, then quarter 1 when the trainee starts it', () => {
    const store = opened();
    store.getState().startAttempt();
    const sim = playChoices(tutorial.scenario, SEED, []);
    store
      .getState()
      .assessmentStarted(
        tutorial,
        room,
        { playerId: '', name: 'ana', choices: [], situationId: sim.situationId, score: null },
        info,
      );
    expect(store.getState().room?.assessment?.rules).toBeNull();
    expect(store.getState().screen).toBe('briefing');
    // the server's later messages keep the briefing on screen
    store.getState().roomTick();
    expect(store.getState().screen).toBe('briefing');
    store.getState().beginQuarters();
    expect(store.getState().screen).toBe('play');
  });
});
