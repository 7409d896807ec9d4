import { describe, expect, it } from 'vitest';
import { makeRecord, verify } from '../../src/record/record.ts';
import { saveKey } from '../../src/save/format.ts';
import { MODEL_VERSION, underModel } from '../../src/sim/index.ts';
import { FakeStorage } from '../save/fake-storage.ts';
import { makeStore, playOut, tutorial } from './helpers.ts';

// A game saved by model 3 (before the update to model 4) resumes and plays on under model
// 3's rules: its scenario carries model 3, its save stays under model 3's key, and its
// result is stamped 3. A new game of the same market plays this model.

const FIRST = tutorial.scenario.situations[0]!.choices[0]!.id;

/** A save as model 3's game wrote it: one quarter played of tutorial on seed 5. */
function savedByModel3(raw: FakeStorage, context: object = { kind: 'practice' }) {
  const session = 'session' in context ? String(context.session) : undefined;
  const key = saveKey('tutorial', tutorial.hash, '5', session, 3);
  raw.setItem(
    key,
    JSON.stringify({
      format: 'tow.save',
      v: 2,
      model: 3,
      scenario: 'tutorial',
      hash: tutorial.hash,
      seed: '5',
      choices: [FIRST],
      updated: 1,
      context,
    }),
  );
  return key;
}

describe('a game saved by model 3', () => {
  it('is offered on the title screen, resumes under model 3, plays on and is kept under its key', () => {
    const raw = new FakeStorage();
    const key = savedByModel3(raw);
    const store = makeStore(raw);
    store.getState().refreshSaves();
    const [offer] = store.getState().saves;
    expect(offer).toMatchObject({ key, played: 1, finished: false });
    expect(offer?.problem).toBeUndefined();

    store.getState().resume(key);
    expect(store.getState().screen).toBe('play');
    // the scenario it plays on carries model 3's rules, the one object for that pair
    expect(store.getState().entry?.scenario).toBe(underModel(tutorial.scenario, 3));
    playOut(store);
    expect(store.getState().screen).toBe('debrief');
    // kept where model 3's game was, stamped 3; nothing was written under this model's key
    const kept = JSON.parse(raw.getItem(key)!);
    expect(kept.model).toBe(3);
    expect(kept.choices.length).toBe(tutorial.scenario.quarters);
    expect(raw.getItem(saveKey('tutorial', tutorial.hash, '5'))).toBeNull();

    // its result (as the debrief makes it from the game) is model 3's, and verifies under model 3
    const { entry, sim } = store.getState();
    const record = makeRecord(entry!.scenario, entry!.hash, sim!);
    expect(record.model).toBe(3);
    const verdict = verify(record, new Map([[tutorial.scenario.id, tutorial]]));
    expect(verdict.genuine && verdict.scenario.model).toBe(3);
  });

  it("is resumed by its market's link, and a new game of that market plays this model", () => {
    const raw = new FakeStorage();
    const context = { kind: 'workshop', name: 'Room 4', session: 'ws-7' } as const;
    savedByModel3(raw, context);
    const store = makeStore(raw);
    store.getState().startMarket('tutorial', '5', context);
    expect(store.getState().entry?.scenario.model).toBe(3);
    expect(store.getState().sim?.choices).toEqual([FIRST]);

    store.getState().newMarket();
    expect(store.getState().screen).toBe('briefing');
    expect(store.getState().entry?.scenario).toBe(tutorial.scenario);
    store.getState().beginQuarters();
    playOut(store);
    const { entry, sim } = store.getState();
    expect(makeRecord(entry!.scenario, entry!.hash, sim!).model).toBe(MODEL_VERSION);
  });

  it('leaves a game of model 2 unresumed, saying which models this version replays', () => {
    const raw = new FakeStorage();
    const key = saveKey('tutorial', tutorial.hash, '5', undefined, 2);
    raw.setItem(
      key,
      JSON.stringify({
        format: 'tow.save',
        v: 2,
        model: 2,
        scenario: 'tutorial',
        hash: tutorial.hash,
        seed: '5',
        choices: [FIRST],
        updated: 1,
        context: { kind: 'practice' },
      }),
    );
    const store = makeStore(raw);
    store.getState().refreshSaves();
    expect(store.getState().saves[0]?.problem).toBe(
      'it was made by model 2 of the simulation; this version of the game runs model 4, replays models 3 and 4, and cannot replay it',
    );
  });
});
