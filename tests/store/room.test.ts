import { describe, expect, it } from 'vitest';
import type { OwnGame, PublicRoom } from '../../src/room/protocol.ts';
import { playChoices } from '../../src/sim/index.ts';
import { FakeStorage } from '../save/fake-storage.ts';
import { makeStore, tutorial, tutorialRoom } from './helpers.ts';

// The game page in a live room: a call is only recorded for the room client to send; the
// quarter is played when the server accepts it, from the server's choices; the room's pace
// decides between playing and waiting; nothing is saved locally.

const SEED = 'r1';
const NOW = Date.parse('2026-05-01T10:00:00Z');

function room(p: Partial<PublicRoom> = {}): PublicRoom {
  return tutorialRoom(NOW, {
    seed: SEED,
    pacing: { mode: 'gated' },
    release: { debrief: false, bestPath: false, whatIf: false },
    openQuarter: 1,
    ...p,
  });
}

function game(choices: string[]): OwnGame {
  const sim = playChoices(tutorial.scenario, SEED, choices);
  return { playerId: 'p1', name: 'Ana', choices, situationId: sim.situationId, score: null };
}

function joined(r: PublicRoom = room(), choices: string[] = []) {
  const raw = new FakeStorage();
  const store = makeStore(raw, ['1'], NOW);
  store.getState().openRoom('K7QX3M', 'Ana');
  store.getState().roomWelcome(tutorial, r, game(choices));
  return { store, raw };
}

const firstChoice = (store: ReturnType<typeof makeStore>) => {
  const s = store.getState();
  return s.entry!.scenario.situations.find((x) => x.id === s.sim!.situationId)!.choices[0]!.id;
};

describe('a live room on the game page', () => {
  it('records a call to send and plays nothing until the server accepts it', () => {
    const { store, raw } = joined();
    expect(store.getState().screen).toBe('play');
    const id = firstChoice(store);
    store.getState().choose(id);
    const s = store.getState();
    expect(s.room?.pending).toMatchObject({ type: 'decide', quarter: 1, choiceId: id });
    expect(s.sim?.quarter).toBe(0);
    expect(s.phase).toBe('decide');
    // a second press while the first is on its way sends nothing more
    store.getState().choose(id);
    expect(store.getState().room?.pending?.quarter).toBe(1);

    store.getState().roomAccepted(game([id]));
    expect(store.getState()).toMatchObject({ screen: 'play', phase: 'outcome' });
    expect(store.getState().sim?.choices).toEqual([id]);
    expect(store.getState().room?.pending).toBeNull();
    // the server keeps the game: nothing is written to this browser's saves
    expect([...raw.map.keys()].filter((k) => k.startsWith('tow.save'))).toEqual([]);
  });

  it('waits for a gated quarter, and plays it once the facilitator opens it', () => {
    const { store } = joined();
    const id = firstChoice(store);
    store.getState().choose(id);
    store.getState().roomAccepted(game([id]));
    store.getState().nextQuarter();
    expect(store.getState().screen).toBe('room');
    // a call for a quarter that is not open is not even recorded
    store.getState().choose(id);
    expect(store.getState().room?.pending).toBeNull();
    store.getState().roomChanged(room({ openQuarter: 2 }));
    expect(store.getState().screen).toBe('play');
  });

  it('leaves the quarter on screen when the facilitator ends play, and stays off it on a rejoin', () => {
    const { store } = joined(room({ openQuarter: 2 }));
    expect(store.getState().screen).toBe('play');
    const ended = room({
      openQuarter: 2,
      release: { debrief: true, bestPath: false, whatIf: false },
      endedAt: new Date(NOW).toISOString(),
    });
    store.getState().roomChanged(ended);
    expect(store.getState().screen).toBe('room');
    // nothing can be sent any more: the page does not even record a call
    store.getState().choose(firstChoice(store));
    expect(store.getState().room?.pending).toBeNull();
    expect(joined(ended).store.getState().screen).toBe('room');
  });

  it('rejoins where the server says the game is, and resends a call it never got', () => {
    const { store } = joined(room({ openQuarter: 3 }));
    const id = firstChoice(store);
    store.getState().choose(id);
    store.getState().roomLink('retrying');
    // the welcome after reconnecting: the server has not got the call yet
    store.getState().roomWelcome(tutorial, room({ openQuarter: 3 }), game([]));
    expect(store.getState().room?.pending?.choiceId).toBe(id);
    // another welcome says it did: the call is done, and the game is where the server says
    store.getState().roomWelcome(tutorial, room({ openQuarter: 3 }), game([id]));
    expect(store.getState().room?.pending).toBeNull();
    expect(store.getState().sim?.choices).toEqual([id]);
  });

  it('opens the debrief only when it is released, and keeps the answer key until then', () => {
    const choices: string[] = [];
    let sim = playChoices(tutorial.scenario, SEED, []);
    while (sim.situationId !== null) {
      const s = tutorial.scenario.situations.find((x) => x.id === sim.situationId)!;
      choices.push(s.choices[0]!.id);
      sim = playChoices(tutorial.scenario, SEED, choices);
    }
    const { store } = joined(room({ openQuarter: 3 }), choices);
    expect(store.getState().screen).toBe('room');
    store
      .getState()
      .roomChanged(
        room({ openQuarter: 3, release: { debrief: true, bestPath: false, whatIf: false } }),
      );
    expect(store.getState().screen).toBe('debrief');
    store.getState().openWhatIf(1, choices[0]!);
    expect(store.getState().debrief?.whatIf).toBeNull();
  });

  it('refuses to show a game the page would play differently from the server', () => {
    const raw = new FakeStorage();
    const store = makeStore(raw, ['1'], NOW);
    store.getState().openRoom('K7QX3M', 'Ana');
    store.getState().roomWelcome(tutorial, room(), { ...game([]), situationId: 'not-this-one' });
    expect(store.getState().room?.link).toBe('gone');
    expect(store.getState().screen).toBe('room');
  });
});

describe('the join form', () => {
  it('says which field a problem is about, so the form puts it there', () => {
    const store = makeStore(new FakeStorage(), ['1'], NOW);
    store.getState().openRoom('', null);
    store.getState().joinRoom('zzzzzz', 'Xena');
    expect(store.getState().room?.problemField).toBe('code');
    store.getState().joinRoom('k7qx3m', '   ');
    expect(store.getState().room?.problemField).toBe('name');
    store.getState().joinRoom('k7qx3m', 'Xena');
    // a room that is not there is the code's problem; a name taken, the name's
    store.getState().roomJoinFailed('There is no room K7QX3M.');
    expect(store.getState().room?.problemField).toBe('code');
    store.getState().joinRoom('k7qx3m', 'Xena');
    store.getState().roomJoinFailed('Someone in this room has that name already.', 'name');
    expect(store.getState().room?.problemField).toBe('name');
  });

  it('keeps what was typed when the code cannot be a room code, and says what is wrong', () => {
    const store = makeStore(new FakeStorage(), ['1'], NOW);
    store.getState().openRoom('', null);
    // a reviewer typed ZZZZZZ: six letters, but Z is left out of codes (read as 2)
    store.getState().joinRoom('zzzzzz', '  Xena  ');
    let room = store.getState().room!;
    expect(room.code).toBe('ZZZZZZ');
    expect(room.name).toBe('Xena');
    expect(room.joining).toBeNull();
    expect(room.problem).toBe(
      'A room code never has “Z”: codes leave out letters and digits that are easily mistaken for others (such as O and 0, I and 1). Check the code with your facilitator.',
    );
    store.getState().joinRoom('K7QX', 'Xena');
    room = store.getState().room!;
    expect(room.code).toBe('K7QX');
    expect(room.problem).toBe(
      'A room code has 6 characters; this one has 4. Check it with your facilitator.',
    );
    // a good code goes to the room client, the name with it
    store.getState().joinRoom('k7qx3m', 'Xena');
    room = store.getState().room!;
    expect(room.joining).toBe('Xena');
    expect(room.problem).toBeNull();
  });
});
