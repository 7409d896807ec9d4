import { describe, expect, it } from 'vitest';
import { PLAN_FIELD, questionField } from '../../src/save/reflection.ts';
import { REFLECTION_NOT_KEPT, reflectionKeyOf } from '../../src/store/reflection-actions.ts';
import { FakeStorage } from '../save/fake-storage.ts';
import { makeStore, playOut } from './helpers.ts';

function finished(raw: FakeStorage) {
  const store = makeStore(raw);
  store.getState().pickScenario('tutorial', '7');
  store.getState().beginQuarters();
  playOut(store);
  store.getState().openReflection();
  return store;
}

describe('the debrief reflection', () => {
  it('keeps the answers and the plan of a market across a reload', () => {
    const raw = new FakeStorage();
    const store = finished(raw);
    const first = store.getState().sim!.choices[0]!;
    store.getState().writeReflection(questionField(1, first), 'I expected the team to follow.');
    store.getState().writeReflection(PLAN_FIELD, 'Ask Maya to run Monday’s account review.');
    // a new page on the same device: the same market finds its notes
    const again = finished(raw);
    expect(again.getState().reflection?.notes).toEqual({
      [questionField(1, first)]: 'I expected the team to follow.',
      [PLAN_FIELD]: 'Ask Maya to run Monday’s account review.',
    });
    expect(again.getState().reflection?.kept).toBe(true);
    expect(again.getState().notices).toEqual([]);
  });

  it('keeps another market’s notes apart', () => {
    const raw = new FakeStorage();
    const store = finished(raw);
    store.getState().writeReflection(PLAN_FIELD, 'Plan for market 7');
    const other = makeStore(raw);
    other.getState().pickScenario('tutorial', '8');
    other.getState().beginQuarters();
    playOut(other);
    other.getState().openReflection();
    expect(other.getState().reflection?.notes).toEqual({});
    expect(reflectionKeyOf(other.getState())).not.toBe(reflectionKeyOf(store.getState()));
  });

  it('says so when storage is full, and loses nothing typed', () => {
    const raw = new FakeStorage();
    const store = finished(raw);
    raw.failWrites = 'quota';
    store.getState().writeReflection(PLAN_FIELD, 'Coach Tom before the depot visit.');
    const s = store.getState();
    expect(s.reflection?.kept).toBe(false);
    expect(s.reflection?.notes[PLAN_FIELD]).toBe('Coach Tom before the depot visit.');
    expect(s.notices.map((n) => n.text)).toContain(REFLECTION_NOT_KEPT);
    // once storage takes them again, they are kept and the section says so
    raw.failWrites = null;
    store.getState().writeReflection(PLAN_FIELD, 'Coach Tom before the depot visit, on Monday.');
    expect(store.getState().reflection?.kept).toBe(true);
    expect(finished(raw).getState().reflection?.notes[PLAN_FIELD]).toBe(
      'Coach Tom before the depot visit, on Monday.',
    );
  });

  it('reads damaged notes as none, with a notice, and leaves them until new ones are written', () => {
    const raw = new FakeStorage();
    const store = finished(raw);
    const key = store.getState().reflection!.key;
    raw.setItem(key, '{not json');
    const again = finished(raw);
    expect(again.getState().reflection?.notes).toEqual({});
    expect(
      again
        .getState()
        .notices.map((n) => n.text)
        .join(' '),
    ).toMatch(/notes on this market could not be read/);
    expect(raw.getItem(key)).toBe('{not json');
  });

  it('keeps a game in progress when Help starts the tutorial', () => {
    const raw = new FakeStorage();
    const store = makeStore(raw);
    store.getState().pickScenario('silos', '9');
    store.getState().beginQuarters();
    const s = store.getState();
    const situation = s.entry!.scenario.situations.find((x) => x.id === s.sim!.situationId)!;
    s.choose(situation.choices[0]!.id);
    store.getState().playTutorial();
    expect(store.getState().screen).toBe('briefing');
    expect(store.getState().entry?.scenario.id).toBe('tutorial');
    expect(
      store
        .getState()
        .notices.map((n) => n.text)
        .join(' '),
    ).toMatch(/is saved: open it again/);
    store.getState().showTitle();
    const offer = store.getState().saves.find((o) => o.scenarioId === 'silos');
    expect(offer?.played).toBe(1);
    store.getState().resume(offer!.key);
    expect(store.getState().entry?.scenario.id).toBe('silos');
    expect(store.getState().sim?.quarter).toBe(1);
  });
});
