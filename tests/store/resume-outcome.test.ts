import { describe, expect, it } from 'vitest';
import type { OwnGame, PublicRoom } from '../../src/room/protocol.ts';
import { saveKey } from '../../src/save/format.ts';
import { outcomeNoteKey } from '../../src/save/outcome-note.ts';
import { saveBook } from '../../src/save/saves.ts';
import { browserStore } from '../../src/save/storage.ts';
import { playChoices } from '../../src/sim/index.ts';
import { WELCOME_BACK } from '../../src/store/game-store.ts';
import { FakeStorage } from '../save/fake-storage.ts';
import { makeStore, playOut, tutorial, tutorialRoom } from './helpers.ts';

// A reload keeps the player where they were: on a quarter's outcome it opens that outcome
// again (worked out anew from the replay), whether the game is kept on this device or by
// the server; and the notices about a save say only what is still true.

const SEED = '4242';
type Store = ReturnType<typeof makeStore>;

const firstChoice = (store: Store) => {
  const s = store.getState();
  return s.entry!.scenario.situations.find((x) => x.id === s.sim!.situationId)!.choices[0]!.id;
};

/** A market opened by its link, as a reload of the page opens it again. */
function open(raw: FakeStorage): Store {
  const store = makeStore(raw);
  store.getState().startMarket(tutorial.scenario.id, SEED, { kind: 'practice' });
  return store;
}

const noticeTexts = (store: Store) => store.getState().notices.map((n) => n.text);

describe('a reload on a quarter’s outcome', () => {
  it('opens the same outcome again, then moves on to the next decision as before', () => {
    const raw = new FakeStorage();
    const first = open(raw);
    first.getState().beginQuarters();
    first.getState().choose(firstChoice(first));
    const shown = first.getState().sim;

    const again = open(raw);
    expect(again.getState()).toMatchObject({ screen: 'play', phase: 'outcome', animating: false });
    expect(again.getState().sim).toEqual(shown);
    expect(again.getState().sim?.history).toHaveLength(1);

    again.getState().nextQuarter();
    expect(again.getState()).toMatchObject({ screen: 'play', phase: 'decide' });
    // moved on: the next reload opens on quarter 2's decision
    const third = open(raw);
    expect(third.getState()).toMatchObject({ screen: 'play', phase: 'decide' });
    expect(third.getState().sim?.quarter).toBe(1);
  });

  it('opens the last quarter’s outcome, not the debrief, until the player goes on to it', () => {
    const raw = new FakeStorage();
    const first = open(raw);
    first.getState().beginQuarters();
    for (let q = 1; q < tutorial.scenario.quarters; q++) {
      first.getState().choose(firstChoice(first));
      first.getState().nextQuarter();
    }
    first.getState().choose(firstChoice(first));
    expect(first.getState().sim?.situationId).toBeNull();

    const again = open(raw);
    expect(again.getState()).toMatchObject({ screen: 'play', phase: 'outcome' });
    expect(again.getState().sim?.situationId).toBeNull();
    again.getState().nextQuarter();
    expect(again.getState().screen).toBe('debrief');
    expect(open(raw).getState().screen).toBe('debrief');
  });

  it('opens an older save, made before the screen was kept, on the next decision', () => {
    const raw = new FakeStorage();
    const choices = [tutorial.scenario.situations[0]!.choices[0]!.id];
    const key = saveKey(tutorial.scenario.id, tutorial.hash, SEED);
    const older = {
      format: 'tow.save',
      v: 2,
      model: Number(key.split('.')[3]!.slice(1)),
      scenario: tutorial.scenario.id,
      hash: tutorial.hash,
      seed: SEED,
      choices,
      updated: 5,
      context: { kind: 'practice' },
    };
    raw.setItem(key, JSON.stringify(older));
    const store = open(raw);
    expect(store.getState()).toMatchObject({ screen: 'play', phase: 'decide' });
    expect(store.getState().sim).toEqual(playChoices(tutorial.scenario, SEED, choices));
    // opened as it was saved: nothing written over it
    expect(JSON.parse(raw.getItem(key)!)).toEqual(older);
  });

  it('reads an outcome said to be on show before any quarter as the first decision', () => {
    const raw = new FakeStorage();
    const first = open(raw);
    first.getState().beginQuarters();
    const key = saveKey(tutorial.scenario.id, tutorial.hash, SEED);
    const kept = JSON.parse(raw.getItem(key)!);
    raw.setItem(key, JSON.stringify({ ...kept, outcomeOnShow: true }));
    const store = open(raw);
    expect(store.getState()).toMatchObject({ screen: 'play', phase: 'decide' });
    expect(store.getState().sim?.quarter).toBe(0);
  });
});

describe('notices about the save say only what is still true', () => {
  it('welcome back goes once the player makes the next call', () => {
    const raw = new FakeStorage();
    const first = open(raw);
    first.getState().beginQuarters();
    first.getState().choose(firstChoice(first));
    first.getState().nextQuarter();

    const again = open(raw);
    expect(noticeTexts(again)).toContain(WELCOME_BACK);
    again.getState().choose(firstChoice(again));
    expect(noticeTexts(again)).not.toContain(WELCOME_BACK);
    again.getState().nextQuarter();
    playOut(again);
    expect(again.getState().screen).toBe('debrief');
    expect(noticeTexts(again)).not.toContain(WELCOME_BACK);
  });

  it('a finished game opened again shows its debrief with no welcome back: nothing continues', () => {
    const raw = new FakeStorage();
    const first = open(raw);
    first.getState().beginQuarters();
    playOut(first);
    expect(first.getState().screen).toBe('debrief');
    const again = open(raw);
    expect(again.getState().screen).toBe('debrief');
    expect(noticeTexts(again)).not.toContain(WELCOME_BACK);
  });

  it('welcome back on an outcome goes once the player moves on from it', () => {
    const raw = new FakeStorage();
    const first = open(raw);
    first.getState().beginQuarters();
    first.getState().choose(firstChoice(first));
    const again = open(raw);
    expect(again.getState().phase).toBe('outcome');
    expect(noticeTexts(again)).toContain(WELCOME_BACK);
    again.getState().nextQuarter();
    expect(noticeTexts(again)).not.toContain(WELCOME_BACK);
  });

  it('the damaged-save warning goes once starting the market has replaced the save', () => {
    const raw = new FakeStorage();
    const key = saveKey(tutorial.scenario.id, tutorial.hash, SEED);
    raw.setItem(key, '{"format":"tow.save"');
    const store = open(raw);
    expect(store.getState().screen).toBe('briefing');
    const warning = store.getState().notices.find((n) => n.tone === 'warning');
    expect(warning?.text).toMatch(/could not be read: the saved game is damaged/);
    expect(warning?.text).toMatch(/Starting this market replaces it/);
    expect(raw.getItem(key)).toBe('{"format":"tow.save"');

    store.getState().beginQuarters();
    expect(JSON.parse(raw.getItem(key)!).choices).toEqual([]);
    expect(store.getState().notices.filter((n) => n.tone === 'warning')).toEqual([]);
    store.getState().choose(firstChoice(store));
    // a reload now finds the new game, and says nothing about a damaged one
    const again = open(raw);
    expect(again.getState().sim?.quarter).toBe(1);
    expect(again.getState().notices.filter((n) => n.tone === 'warning')).toEqual([]);
  });
});

describe('a reload on the outcome of a game the server holds', () => {
  const NOW = Date.parse('2026-05-01T10:00:00Z');
  const room = tutorialRoom(NOW);
  const game = (choices: string[], seed = room.seed): OwnGame => ({
    playerId: 'p1',
    name: 'Ana',
    choices,
    situationId: playChoices(tutorial.scenario, seed, choices).situationId,
    score: null,
  });
  /** the page (re)opened on the room, and the server's welcome with the game it holds */
  const rejoin = (raw: FakeStorage, choices: string[], r: PublicRoom = room) => {
    const store = makeStore(raw, ['1'], NOW);
    store.getState().openRoom(r.code, 'Ana');
    store.getState().roomWelcome(tutorial, r, game(choices, r.seed));
    return store;
  };

  it('opens that outcome again, and the next quarter once the player moves on', () => {
    const raw = new FakeStorage();
    const first = rejoin(raw, []);
    const id = firstChoice(first);
    first.getState().choose(id);
    first.getState().roomAccepted(game([id]));
    expect(first.getState().phase).toBe('outcome');
    expect(raw.getItem(outcomeNoteKey(`room-${room.code}`))).not.toBeNull();

    const again = rejoin(raw, [id]);
    expect(again.getState()).toMatchObject({ screen: 'play', phase: 'outcome' });
    expect(again.getState().sim?.history).toHaveLength(1);
    again.getState().nextQuarter();
    expect(again.getState()).toMatchObject({ screen: 'play', phase: 'decide' });
    expect(raw.getItem(outcomeNoteKey(`room-${room.code}`))).toBeNull();
    expect(rejoin(raw, [id]).getState().phase).toBe('decide');
  });

  it('goes by the server’s game: a note about other choices or another market is not used', () => {
    const raw = new FakeStorage();
    const first = rejoin(raw, []);
    const id = firstChoice(first);
    first.getState().choose(id);
    first.getState().roomAccepted(game([id]));
    // the game moved on elsewhere (another device played the next quarter)
    const situation = playChoices(tutorial.scenario, room.seed, [id]).situationId!;
    const next = tutorial.scenario.situations.find((x) => x.id === situation)!.choices[0]!.id;
    expect(rejoin(raw, [id, next]).getState().phase).toBe('decide');
    // the same choices in a new market (a new attempt's seed)
    expect(rejoin(raw, [id], { ...room, seed: 'r2' }).getState().phase).toBe('decide');
  });

  it('a damaged note reads as none: the next decision', () => {
    const raw = new FakeStorage();
    const id = tutorial.scenario.situations[0]!.choices[0]!.id;
    raw.setItem(outcomeNoteKey(`room-${room.code}`), '{"seed":"r1","choices":');
    expect(rejoin(raw, [id]).getState()).toMatchObject({ screen: 'play', phase: 'decide' });
  });

  it('removing a note that no longer holds never removes a saved game', () => {
    const raw = new FakeStorage();
    const key = saveKey(tutorial.scenario.id, tutorial.hash, SEED);
    raw.setItem(key, 'a saved game');
    raw.setItem(outcomeNoteKey('room-K7QX3M'), '{}');
    const book = saveBook(browserStore(() => raw));
    book.removeValue(key);
    book.removeValue(outcomeNoteKey('room-K7QX3M'));
    expect(raw.getItem(key)).toBe('a saved game');
    expect(raw.getItem(outcomeNoteKey('room-K7QX3M'))).toBeNull();
  });
});
