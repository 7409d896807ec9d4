import { describe, expect, it } from 'vitest';
import { SAVE_PREFIX, SAVE_VERSION, saveKey } from '../../src/save/format.ts';
import { playChoices, score } from '../../src/sim/index.ts';
import { answerKeyState } from '../../src/store/answer-key.ts';
import { FakeStorage } from '../save/fake-storage.ts';
import { bundled, makeStore, ONE_ATTEMPT, playOut, tutorial } from './helpers.ts';

describe('createGameStore: the flow', () => {
  it('goes title → scenarios → briefing → quarters → debrief', () => {
    const store = makeStore();
    const a = () => store.getState();
    expect(a().screen).toBe('title');
    a().showScenarios();
    expect(a().screen).toBe('choose');
    a().pickScenario(tutorial.scenario.id);
    expect(a().screen).toBe('briefing');
    expect(a().sim?.seed).toBe('101');
    a().beginQuarters();
    expect(a().screen).toBe('play');
    expect(a().phase).toBe('decide');
    playOut(store);
    expect(a().screen).toBe('debrief');
    expect(a().sim?.situationId).toBeNull();
  });

  it.each(bundled.map((e) => [e.scenario.id, e] as const))(
    'plays %s to the same state as the model does',
    (_id, entry) => {
      const store = makeStore();
      store.getState().pickScenario(entry.scenario.id, '77');
      store.getState().beginQuarters();
      playOut(store, 1);
      const sim = store.getState().sim!;
      const expected = playChoices(entry.scenario, '77', sim.choices);
      expect(sim).toEqual(expected);
      expect(score(entry.scenario.rubric, sim)).toBe(score(entry.scenario.rubric, expected));
    },
  );

  it('plays one quarter per decision: a second click before "next" does nothing', () => {
    const store = makeStore();
    store.getState().pickScenario(tutorial.scenario.id);
    store.getState().beginQuarters();
    const first = tutorial.scenario.situations[0]!.choices[0]!.id;
    store.getState().choose(first);
    const after = store.getState().sim;
    store.getState().choose(first);
    expect(store.getState().sim).toBe(after);
    expect(store.getState().playId).toBe(1);
    expect(store.getState().previous?.quarter).toBe(0);
  });

  it('replays the same market with the same seed, and a new market with a new one', () => {
    const store = makeStore();
    store.getState().pickScenario(tutorial.scenario.id);
    store.getState().beginQuarters();
    playOut(store);
    store.getState().replayMarket();
    expect(store.getState().screen).toBe('play');
    expect(store.getState().sim?.seed).toBe('101');
    expect(store.getState().sim?.quarter).toBe(0);
    store.getState().newMarket();
    expect(store.getState().screen).toBe('briefing');
    expect(store.getState().sim?.seed).toBe('202');
  });

  it('plays an assessed market again as practice: same seed, counted as no attempt', () => {
    const store = makeStore();
    store.getState().startMarket(tutorial.scenario.id, 's1', ONE_ATTEMPT);
    store.getState().beginQuarters();
    playOut(store);
    expect(store.getState().context).toMatchObject({ kind: 'assignment', attempt: 1 });
    store.getState().practiseMarket();
    expect(store.getState().screen).toBe('play');
    expect(store.getState().sim?.seed).toBe('s1');
    expect(store.getState().sim?.quarter).toBe(0);
    // practice, read against the assessment's pass mark (not the scenario's own)
    expect(store.getState().context).toEqual({ kind: 'practice', passMark: ONE_ATTEMPT.passMark });
    // no warning that the attempts are used up: this game is not one
    expect(
      store
        .getState()
        .notices.map((n) => n.text)
        .join(' '),
    ).not.toMatch(/attempts/);
  });

  it('keeps the answer key closed in practice between attempts, and in practice started from it', () => {
    const store = makeStore();
    store.getState().startMarket(tutorial.scenario.id, 's1', { ...ONE_ATTEMPT, attempts: 2 });
    store.getState().beginQuarters();
    playOut(store);
    store.getState().newMarket();
    const closed = { kind: 'practice', passMark: ONE_ATTEMPT.passMark, answersClosed: true };
    expect(store.getState().context).toEqual(closed);
    store.getState().beginQuarters();
    playOut(store);
    expect(answerKeyState(store.getState(), Date.now())).toBe('rehearsal');
    store.getState().newMarket();
    expect(store.getState().context).toEqual(closed);
    store.getState().practiseMarket();
    expect(store.getState().context).toEqual(closed);
  });

  it('sends an unknown scenario back to the list with a message', () => {
    const store = makeStore();
    store.getState().pickScenario('no-such-market');
    expect(store.getState().screen).toBe('choose');
    expect(store.getState().notices.at(-1)?.text).toMatch(/no scenario "no-such-market"/);
  });

  it('turns animation off with reduced motion, and lets the view report its end', () => {
    const store = makeStore();
    store.getState().setViewReady(true);
    store.getState().pickScenario(tutorial.scenario.id);
    store.getState().beginQuarters();
    store.getState().choose(tutorial.scenario.situations[0]!.choices[0]!.id);
    expect(store.getState().animating).toBe(true);
    store.getState().animationDone(store.getState().playId);
    expect(store.getState().animating).toBe(false);
    store.getState().nextQuarter();
    store.getState().setReducedMotion(true);
    store.getState().choose(store.getState().entry!.scenario.situations[1]!.choices[0]!.id);
    expect(store.getState().animating).toBe(false);
  });
});

describe('createGameStore: saving and resuming', () => {
  it('saves on every decision and resumes at the same quarter with the same state', () => {
    const raw = new FakeStorage();
    const store = makeStore(raw);
    store.getState().pickScenario(tutorial.scenario.id);
    store.getState().beginQuarters();
    const key = saveKey(tutorial.scenario.id, tutorial.hash, '101');
    expect(JSON.parse(raw.getItem(key)!).choices).toEqual([]);
    store.getState().choose(tutorial.scenario.situations[0]!.choices[1]!.id);
    expect(JSON.parse(raw.getItem(key)!).choices).toEqual([
      tutorial.scenario.situations[0]!.choices[1]!.id,
    ]);
    const before = store.getState().sim;

    // the tab closes; a new page opens on the same storage
    const again = makeStore(raw);
    again.getState().refreshSaves();
    const offer = again.getState().saves[0]!;
    expect(offer).toMatchObject({
      key,
      played: 1,
      finished: false,
      scenarioId: tutorial.scenario.id,
    });
    again.getState().resume(offer.key);
    expect(again.getState().screen).toBe('play');
    // the tab closed on the quarter's outcome: it opens there again
    expect(again.getState().phase).toBe('outcome');
    expect(again.getState().sim).toEqual(before);
  });

  it('keeps a damaged save, says why it cannot be resumed, and removes it only when asked', () => {
    const raw = new FakeStorage();
    const store = makeStore(raw);
    store.getState().pickScenario(tutorial.scenario.id);
    store.getState().beginQuarters();
    const good = saveKey(tutorial.scenario.id, tutorial.hash, '101');
    const bad = saveKey(tutorial.scenario.id, tutorial.hash, '999');
    raw.setItem(bad, '{"format":"tow.save","v":1,"scen');
    raw.setItem('someone-elses-key', 'keep me');
    const again = makeStore(raw);
    again.getState().refreshSaves();
    const offers = again.getState().saves;
    expect(offers.filter((o) => o.problem === undefined).map((o) => o.key)).toEqual([good]);
    expect(offers.find((o) => o.key === bad)?.problem).toMatch(/damaged \(it is not valid JSON\)/);
    expect(raw.getItem(bad)).not.toBeNull();
    expect(raw.getItem(good)).not.toBeNull();
    expect(raw.getItem('someone-elses-key')).toBe('keep me');
    // the player's word removes it
    again.getState().discardSave(bad);
    expect(raw.getItem(bad)).toBeNull();
    expect(again.getState().saves.map((o) => o.key)).toEqual([good]);
  });

  it('says so when a link opens a market whose save is damaged, before a new game replaces it', () => {
    const raw = new FakeStorage();
    const key = saveKey(tutorial.scenario.id, tutorial.hash, '12');
    raw.setItem(key, '{"format":"tow.save"');
    const store = makeStore(raw);
    store.getState().startMarket(tutorial.scenario.id, '12', { kind: 'practice' });
    expect(store.getState().screen).toBe('briefing');
    expect(store.getState().notices.map((n) => n.text)).toContain(
      "Your saved game of this market could not be read: the saved game is damaged (it is not valid JSON). Starting this market replaces it; until then it is kept on the title screen's list.",
    );
    expect(raw.getItem(key)).toBe('{"format":"tow.save"');
    store.getState().beginQuarters();
    expect(JSON.parse(raw.getItem(key)!).choices).toEqual([]);
  });

  it('leaves alone every key of a newer version of the game, whatever it holds', () => {
    const raw = new FakeStorage();
    const newer = `${SAVE_PREFIX}v${SAVE_VERSION + 1}`;
    const theirs = {
      [`${newer}.tutorial.5`]: JSON.stringify({ format: 'tow.save', v: SAVE_VERSION + 1 }),
      [`${newer}.tutorial.6`]: 'a layout this version has never seen',
      [`${newer}.index`]: '["tutorial.5","tutorial.6"]',
    };
    for (const [k, v] of Object.entries(theirs)) raw.setItem(k, v);
    const store = makeStore(raw);
    store.getState().refreshSaves();
    store.getState().pickScenario(tutorial.scenario.id);
    store.getState().beginQuarters();
    playOut(store);
    store.getState().showTitle();
    expect(store.getState().saves.map((o) => o.scenarioId)).toEqual([tutorial.scenario.id]);
    expect(store.getState().notices.map((n) => n.text)).toContain(
      '3 saved games from a newer version of the game are kept here for that version.',
    );
    for (const [k, v] of Object.entries(theirs)) expect(raw.getItem(k)).toBe(v);
  });

  it('keeps a save whose scenario has changed since, and says so', () => {
    const raw = new FakeStorage();
    const store = makeStore(raw);
    store.getState().pickScenario(tutorial.scenario.id);
    store.getState().beginQuarters();
    const key = saveKey(tutorial.scenario.id, tutorial.hash, '101');
    raw.setItem(key, JSON.stringify({ ...JSON.parse(raw.getItem(key)!), hash: 'other' }));
    const again = makeStore(raw);
    again.getState().refreshSaves();
    expect(again.getState().saves).toHaveLength(1);
    expect(again.getState().saves[0]?.problem).toMatch(/changed since/);
    expect(raw.getItem(key)).not.toBeNull();
  });

  it('resumes a market opened again by its link instead of starting over', () => {
    const raw = new FakeStorage();
    const store = makeStore(raw);
    const context = { kind: 'workshop', name: 'Room 4', session: 'ws-9' } as const;
    store.getState().startMarket(tutorial.scenario.id, '55', context);
    store.getState().beginQuarters();
    store.getState().choose(tutorial.scenario.situations[0]!.choices[0]!.id);
    const again = makeStore(raw);
    again.getState().startMarket(tutorial.scenario.id, '55', context);
    expect(again.getState().screen).toBe('play');
    expect(again.getState().sim?.quarter).toBe(1);
    expect(again.getState().context).toEqual(context);
  });

  it('plays on with a notice when storage is switched off', () => {
    const store = makeStore(null);
    expect(store.getState().notices[0]?.text).toMatch(/not keeping saved games/);
    store.getState().pickScenario(tutorial.scenario.id);
    store.getState().beginQuarters();
    playOut(store);
    expect(store.getState().screen).toBe('debrief');
  });

  it('plays on with a notice when storage is full', () => {
    const raw = new FakeStorage();
    const store = makeStore(raw);
    raw.failWrites = 'quota';
    store.getState().pickScenario(tutorial.scenario.id);
    store.getState().beginQuarters();
    playOut(store);
    expect(store.getState().screen).toBe('debrief');
    expect(store.getState().unsaved).toBe(true);
    expect(store.getState().notices.filter((n) => /not keeping/.test(n.text))).toHaveLength(1);
  });

  it('counts the attempts of an assessed session on this device', () => {
    const raw = new FakeStorage();
    const store = makeStore(raw);
    const ctx = ONE_ATTEMPT;
    store.getState().startMarket(tutorial.scenario.id, '8', ctx);
    store.getState().beginQuarters();
    expect(store.getState().context).toMatchObject({ attempt: 1 });
    playOut(store);
    store.getState().replayMarket();
    expect(store.getState().context).toMatchObject({ attempt: 2 });
    expect(store.getState().notices.some((n) => /used all 1 attempts/.test(n.text))).toBe(true);
    // a colleague on the same device starts with attempts of their own
    store.getState().startMarket(tutorial.scenario.id, '9', { ...ctx, trainee: 't2' });
    store.getState().beginQuarters();
    expect(store.getState().context).toMatchObject({ attempt: 1 });
  });
});
