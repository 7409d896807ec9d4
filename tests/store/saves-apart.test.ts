import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { restoreOwnScenarios } from '../../src/app/own-scenarios.ts';
import { SAVE_PREFIX, saveKey } from '../../src/save/format.ts';
import { saveBook } from '../../src/save/saves.ts';
import { browserStore } from '../../src/save/storage.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { MODEL_VERSION } from '../../src/sim/index.ts';
import { FakeStorage } from '../save/fake-storage.ts';
import { makeStore, tutorial } from './helpers.ts';

// Saves that must never be lost to another scenario, model or format that shares an id.

/** What "Start from a bundled scenario" plus one edit gives: the bundled id, other content. */
const editedYaml = readFileSync(
  new URL('../../scenarios/tutorial.yaml', import.meta.url),
  'utf8',
).replace(/^title: .*$/m, 'title: "First quarter, our way"');
const edited = (() => {
  const loaded = loadScenario(editedYaml, 'tutorial-copy.yaml');
  if (!loaded.ok) throw new Error('the edited copy must load');
  return { scenario: loaded.scenario, hash: loaded.hash, yaml: editedYaml };
})();
const workshop = { kind: 'workshop', name: 'Room 4', session: 'ws-7' } as const;

function playOne(store: ReturnType<typeof makeStore>) {
  const s = store.getState();
  const situation = s.entry!.scenario.situations.find((x) => x.id === s.sim!.situationId)!;
  s.choose(situation.choices[0]!.id);
  store.getState().nextQuarter();
}

describe('saves of scenarios that share an id', () => {
  it("keeps a practice game of a bundled scenario and a workshop copy's game apart", async () => {
    expect(edited.scenario.id).toBe(tutorial.scenario.id);
    expect(edited.hash).not.toBe(tutorial.hash);
    const raw = new FakeStorage();
    // a practice game of the bundled tutorial, one quarter in
    const first = makeStore(raw);
    first.getState().startMarket('tutorial', '5', { kind: 'practice' });
    first.getState().beginQuarters();
    playOne(first);

    // the workshop's link to its edited copy, on the same market number
    const second = makeStore(raw);
    second.getState().refreshSaves();
    second.getState().addScenario(edited);
    second.getState().startMarket('tutorial', '5', workshop, edited.hash);
    expect(second.getState().entry?.scenario.title).toBe('First quarter, our way');
    second.getState().beginQuarters();
    playOne(second);
    playOne(second);
    second.getState().showTitle();
    expect(
      second
        .getState()
        .saves.map((o) => [o.title, o.played, o.problem ?? 'resumable'])
        .sort(),
    ).toEqual([
      ['First quarter on the ropes', 1, 'resumable'],
      ['First quarter, our way', 2, 'resumable'],
    ]);

    // a reload: the bundled scenarios, then the workshop's scenario from its save
    const third = makeStore(raw);
    const saves = saveBook(browserStore(() => raw));
    third.getState().refreshSaves();
    await restoreOwnScenarios(third, saves);
    expect(
      third
        .getState()
        .saves.map((o) => [o.title, o.played, o.problem ?? 'resumable'])
        .sort(),
    ).toEqual([
      ['First quarter on the ropes', 1, 'resumable'],
      ['First quarter, our way', 2, 'resumable'],
    ]);
    expect([...raw.map.keys()].filter((k) => k.startsWith(SAVE_PREFIX)).sort()).toEqual(
      [
        saveKey('tutorial', edited.hash, '5', 'ws-7'),
        saveKey('tutorial', tutorial.hash, '5'),
      ].sort(),
    );
    // a game from the list of markets is the bundled one
    third.getState().pickScenario('tutorial');
    expect(third.getState().entry?.hash).toBe(tutorial.hash);
  });

  it('keeps a game of another model, says which made it, and plays the market afresh beside it', () => {
    const raw = new FakeStorage();
    const other = MODEL_VERSION + 1;
    const key = saveKey('tutorial', tutorial.hash, '5', undefined, other);
    const kept = JSON.stringify({
      format: 'tow.save',
      v: 2,
      model: other,
      scenario: 'tutorial',
      hash: tutorial.hash,
      seed: '5',
      choices: [tutorial.scenario.situations[0]!.choices[0]!.id],
      updated: 1,
      context: { kind: 'practice' },
    });
    raw.setItem(key, kept);
    const store = makeStore(raw);
    store.getState().refreshSaves();
    expect(store.getState().saves[0]?.problem).toBe(
      `it was made by model ${other} of the simulation; this version of the game runs model ${MODEL_VERSION}, replays models 3 and 4, and cannot replay it`,
    );
    store.getState().startMarket('tutorial', '5', { kind: 'practice' });
    expect(store.getState().screen).toBe('briefing');
    store.getState().beginQuarters();
    playOne(store);
    expect(raw.getItem(key)).toBe(kept);
    expect(raw.getItem(saveKey('tutorial', tutorial.hash, '5'))).not.toBeNull();
  });

  it('moves a save of format 1 to its new key, and resumes it as a game of model 1', () => {
    const raw = new FakeStorage();
    const old = `${SAVE_PREFIX}v1.tutorial.5.ws-7`;
    const choice = tutorial.scenario.situations[0]!.choices[1]!.id;
    raw.setItem(
      old,
      JSON.stringify({
        format: 'tow.save',
        v: 1,
        scenario: 'tutorial',
        hash: tutorial.hash,
        seed: '5',
        choices: [choice],
        updated: 1,
        context: workshop,
      }),
    );
    raw.setItem(`${SAVE_PREFIX}v1.tutorial.6`, 'damaged');
    saveBook(browserStore(() => raw)).upgrade();
    expect(raw.getItem(old)).toBeNull();
    expect(raw.getItem(`${SAVE_PREFIX}v1.tutorial.6`)).toBe('damaged');
    const store = makeStore(raw);
    store.getState().refreshSaves();
    const [offer] = store.getState().saves;
    expect(offer?.key).toBe(saveKey('tutorial', tutorial.hash, '5', 'ws-7', 1));
    if ((MODEL_VERSION as number) === 1) {
      store.getState().startMarket('tutorial', '5', workshop);
      expect(store.getState().screen).toBe('play');
      expect(store.getState().sim?.choices).toEqual([choice]);
    } else expect(offer?.problem).toMatch(/made by model 1 of the simulation/);
  });
});
