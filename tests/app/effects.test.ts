import { describe, expect, it } from 'vitest';
import { censusPrefetch, marketUnderWay } from '../../src/app/effects/census-prefetch.ts';
import { debriefWork } from '../../src/app/effects/debrief-work.ts';
import { roomQuarterOpens } from '../../src/app/effects/room-tick.ts';
import { saveGame } from '../../src/app/effects/save.ts';
import type { OwnGame, PublicRoom } from '../../src/room/protocol.ts';
import { saveKey } from '../../src/save/format.ts';
import { saveBook } from '../../src/save/saves.ts';
import { browserStore } from '../../src/save/storage.ts';
import { playChoices, situationById } from '../../src/sim/index.ts';
import { createGameStore, STORAGE_NOTICE } from '../../src/store/game-store.ts';
import { type CensusService, createCensusService } from '../../src/workers/census-service.ts';
import { marketCensus, marketKey } from '../../src/workers/fair-score.ts';
import { makeStore, playOn } from '../lms/harness.ts';
import { FakeStorage } from '../save/fake-storage.ts';
import { bundled, makeStore as makeRoomStore, tutorial, tutorialRoom } from '../store/helpers.ts';
import { workerPool } from '../workers/fake-worker.ts';

// The game's side effects run as store subscribers (src/app/effects/): the screens only
// draw. These drive the real store as the buttons do and watch what the census service
// is asked for.

const settle = (ms = 0) => new Promise((r) => setTimeout(r, ms));
const requests = (made: { requests: number }[]) => made.reduce((n, w) => n + w.requests, 0);

function game(delay = 0) {
  const store = makeStore();
  const { made, createWorker } = workerPool(delay);
  const census = createCensusService({ createWorker, workers: 2 });
  store.getState().startMarket('tutorial', '11', { kind: 'practice' });
  return { store, made, census };
}

describe('the census prefetch', () => {
  it('starts once play is under way, once per market, and the debrief joins it', async () => {
    const { store, made, census } = game(30);
    const stops = [censusPrefetch(store, census), debriefWork(store, census)];
    expect(requests(made)).toBe(0); // the briefing: nothing yet
    playOn(store, 1);
    expect(marketUnderWay(store.getState())).not.toBeNull();
    expect(requests(made)).toBe(1);
    playOn(store); // to the debrief, while the census is still being worked out
    expect(store.getState().screen).toBe('debrief');
    await expect.poll(() => store.getState().debrief?.fair.status, { timeout: 5000 }).toBe('done');
    expect(requests(made)).toBe(1);
    const { entry, sim } = store.getState();
    expect(census.kept(marketKey(entry!.hash, sim!.seed))).toEqual(
      marketCensus(entry!.scenario, sim!.seed),
    );
    for (const stop of stops) stop();
    census.dispose();
  });

  it('stops the last market’s census when a game of another market gets under way', async () => {
    const { store, made, census } = game(200);
    const stop = censusPrefetch(store, census);
    playOn(store, 1);
    const first = marketUnderWay(store.getState())!;
    store.getState().startMarket('tutorial', '12', { kind: 'practice' });
    playOn(store, 1);
    expect(requests(made)).toBe(2);
    // the first market's worker was stopped, not left to finish for nobody
    expect(made[0]!.terminated).toBe(true);
    await settle(300);
    expect(made[0]!.worked).toBe(0);
    expect(census.kept(first)).toBeUndefined();
    stop();
    census.dispose();
  });
});

describe('the debrief’s work', () => {
  it('is started when the debrief comes on screen, and cancelled when the player leaves it', async () => {
    const { store, made, census } = game(200);
    const stop = debriefWork(store, census);
    playOn(store);
    expect(store.getState().screen).toBe('debrief');
    expect(requests(made)).toBe(1);
    store.getState().showTitle();
    expect(made[0]!.terminated).toBe(true);
    await settle(300);
    expect(store.getState().debrief?.fair.result ?? null).toBeNull();
    // back to the same finished game: worked out afresh, and this time to the end
    const save = store.getState().saves.find((o) => o.seed === '11');
    store.getState().resume(save!.key);
    expect(store.getState().screen).toBe('debrief');
    await expect.poll(() => store.getState().debrief?.fair.status, { timeout: 5000 }).toBe('done');
    expect(requests(made)).toBe(2);
    stop();
    census.dispose();
  });

  it('reports a census that fails as the debrief’s problem, once per showing', async () => {
    const store = makeStore();
    let asked = 0;
    const failing: CensusService = {
      market: () => {
        asked++;
        return Promise.reject(new Error('a census could not be worked out: broken'));
      },
      balance: () => Promise.reject(new Error('not asked for')),
      kept: () => undefined,
      warm: () => {},
      dispose: () => {},
    };
    store.getState().startMarket('tutorial', '11', { kind: 'practice' });
    const stop = debriefWork(store, failing);
    playOn(store);
    await expect
      .poll(() => store.getState().debrief?.fair.status, { timeout: 5000 })
      .toBe('failed');
    expect(store.getState().debrief?.fair.error).toMatch(/broken/);
    // redraws of the same debrief do not ask again
    store.getState().setTimeline(1);
    store.getState().setTimeline(2);
    await settle(10);
    expect(asked).toBe(1);
    stop();
  });
});

describe('a live room’s next quarter', () => {
  const NOW = Date.parse('2026-05-01T10:00:00Z');
  const timed = (): PublicRoom =>
    tutorialRoom(NOW, {
      pacing: { mode: 'timer', seconds: 60 },
      release: { debrief: false, bestPath: false, whatIf: false },
      openQuarter: 1,
      startedAt: new Date(NOW).toISOString(),
    });

  it('is asked for once the clock opens it, once per quarter, while the player waits', async () => {
    const store = makeRoomStore(new FakeStorage(), ['1'], NOW);
    store.getState().openRoom('K7QX3M', 'Ana');
    const game: OwnGame = {
      playerId: 'p1',
      name: 'Ana',
      choices: [],
      situationId: null,
      score: null,
    };
    const first = playChoices(tutorial.scenario, 'r1', []);
    store.getState().roomWelcome(tutorial, timed(), { ...game, situationId: first.situationId });
    const id = situationById(tutorial.scenario, first.situationId!).choices[0]!.id;
    store.getState().choose(id);
    const after = playChoices(tutorial.scenario, 'r1', [id]);
    store.getState().roomAccepted({ ...game, choices: [id], situationId: after.situationId });
    store.getState().nextQuarter();
    expect(store.getState().screen).toBe('room'); // quarter 2 opens a minute after the start
    let clock = NOW + 30_000;
    let ticks = 0;
    store.setState({ roomTick: () => void ticks++ });
    const stop = roomQuarterOpens(store, () => clock);
    await settle();
    expect(ticks).toBe(0); // not yet
    clock = NOW + 61_000;
    // any change of state while the player waits, twice
    store.getState().notify('info', 'Someone joined.');
    store.getState().notify('info', 'Someone else joined.');
    await settle();
    expect(ticks).toBe(1);
    stop();
  });
});

describe('saving', () => {
  /** the store alone, and the save effect started on it as the page does */
  function saving(raw = new FakeStorage()) {
    let clock = 5_000;
    const saves = saveBook(browserStore(() => raw));
    const deps = { scenarios: bundled, saves, newSeed: () => '3', now: () => ++clock };
    const store = createGameStore(deps);
    const stop = saveGame(store, saves, deps.now);
    return { raw, store, stop };
  }
  const key = saveKey('tutorial', tutorial.hash, '3');
  const firstChoice = () => {
    const s = tutorial.scenario.situations.find(
      (x) => x.id === playChoices(tutorial.scenario, '3', []).situationId,
    );
    return s!.choices[0]!.id;
  };

  it('keeps the game once play starts and after each decision, not while it is briefed', () => {
    const { raw, store, stop } = saving();
    store.getState().pickScenario('tutorial', '3');
    expect(raw.getItem(key)).toBeNull();
    store.getState().beginQuarters();
    expect(JSON.parse(raw.getItem(key)!).choices).toEqual([]);
    store.getState().choose(firstChoice());
    expect(JSON.parse(raw.getItem(key)!).choices).toEqual([firstChoice()]);
    // stopped: nothing more is written
    stop();
    store.getState().nextQuarter();
    playOn(store);
    expect(JSON.parse(raw.getItem(key)!).choices).toEqual([firstChoice()]);
  });

  it('writes nothing when a game is resumed as it was saved', () => {
    const { raw, store } = saving();
    store.getState().pickScenario('tutorial', '3');
    store.getState().beginQuarters();
    store.getState().choose(firstChoice());
    const kept = raw.getItem(key);
    store.getState().showTitle();
    store.getState().resume(key);
    expect(store.getState().screen).toBe('play');
    // the same text, the same time: the title screen's order stays as it was
    expect(raw.getItem(key)).toBe(kept);
  });

  it('gives one notice when storage is full, and the game goes on', () => {
    const { raw, store } = saving();
    store.getState().pickScenario('tutorial', '3');
    raw.failWrites = 'quota';
    store.getState().beginQuarters();
    store.getState().choose(firstChoice());
    expect(store.getState().unsaved).toBe(true);
    expect(store.getState().notices.filter((n) => n.text === STORAGE_NOTICE)).toHaveLength(1);
    expect(store.getState().sim!.choices).toEqual([firstChoice()]);
    store.getState().nextQuarter();
    playOn(store);
    expect(store.getState().screen).toBe('debrief');
    expect(store.getState().notices.filter((n) => n.text === STORAGE_NOTICE)).toHaveLength(1);
    // storage works again: a replay is kept from its start
    raw.failWrites = null;
    store.getState().replayMarket();
    expect(JSON.parse(raw.getItem(key)!).choices).toEqual([]);
  });

  it('keeps the settings whenever they change', () => {
    const { raw, store } = saving();
    store.getState().setReducedMotion(false);
    expect(JSON.parse(raw.getItem('tow.settings.v1')!)).toEqual({
      reducedMotion: false,
      playerName: '',
    });
  });
});
