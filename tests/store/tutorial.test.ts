import { describe, expect, it } from 'vitest';
import { TUTORIAL_ID, tutorialFinished } from '../../src/store/tutorial.ts';
import { startHereText, tutorialFirst } from '../../src/ui/tutorial-lead.ts';
import { FakeStorage } from '../save/fake-storage.ts';
import { bundled, makeStore, playOut, tutorial } from './helpers.ts';

// A newcomer is led to the tutorial until they have finished one: the store notes it as
// the tutorial's debrief opens, the settings keep it for the next visit, and a refusing
// storage costs nothing but the note.

const SETTINGS = 'tow.settings.v1';

describe('leading a newcomer to the tutorial', () => {
  it('is noted once the tutorial is played to its debrief, and kept for the next visit', () => {
    const raw = new FakeStorage();
    const store = makeStore(raw);
    expect(tutorialFinished(store.getState())).toBe(false);
    store.getState().playTutorial();
    store.getState().beginQuarters();
    expect(tutorialFinished(store.getState())).toBe(false);
    playOut(store);
    expect(store.getState().screen).toBe('debrief');
    expect(tutorialFinished(store.getState())).toBe(true);
    expect(JSON.parse(raw.getItem(SETTINGS)!).tutorialDone).toBe(true);
    // a reload: the title screen no longer leads to it, even with the save removed
    const next = makeStore(raw);
    for (const o of next.getState().saves) next.getState().discardSave(o.key);
    expect(tutorialFinished(next.getState())).toBe(true);
  });

  it('is not noted by another market, or by a tutorial left half-way', () => {
    const store = makeStore();
    const other = bundled.find((e) => e.scenario.id !== TUTORIAL_ID)!;
    store.getState().pickScenario(other.scenario.id);
    store.getState().beginQuarters();
    playOut(store);
    store.getState().playTutorial();
    store.getState().beginQuarters();
    const first = tutorial.scenario.situations[0]!;
    store.getState().choose(first.choices[0]!.id);
    store.getState().showTitle();
    expect(tutorialFinished(store.getState())).toBe(false);
  });

  it('holds for this page when storage refuses the settings, and a kept finished game counts', () => {
    const raw = new FakeStorage();
    const store = makeStore(raw);
    raw.failWrites = 'quota';
    store.getState().playTutorial();
    store.getState().beginQuarters();
    playOut(store);
    expect(tutorialFinished(store.getState())).toBe(true);
    expect(raw.getItem(SETTINGS)).toBeNull();
    // a tutorial finished before the note was kept: its finished save counts
    raw.failWrites = null;
    const before = makeStore(raw);
    before.getState().playTutorial();
    before.getState().beginQuarters();
    playOut(before);
    raw.setItem(SETTINGS, JSON.stringify({ reducedMotion: null, playerName: '' }));
    const next = makeStore(raw);
    next.getState().refreshSaves();
    expect(next.getState().settings.tutorialDone).toBeUndefined();
    expect(tutorialFinished(next.getState())).toBe(true);
  });

  it('puts the tutorial first in the list, and says how long and how guided it is', () => {
    const ids = tutorialFirst(bundled).map((e) => e.scenario.id);
    expect(ids[0]).toBe(TUTORIAL_ID);
    expect([...ids].sort()).toEqual(bundled.map((e) => e.scenario.id).sort());
    expect(startHereText(tutorial.scenario)).toMatch(/^4 quarters, guided/);
  });
});
