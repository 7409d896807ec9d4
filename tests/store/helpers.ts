import { keepRoomOutcome } from '../../src/app/effects/room-outcome.ts';
import { saveGame } from '../../src/app/effects/save.ts';
import type { PublicRoom } from '../../src/room/protocol.ts';
import { saveBook } from '../../src/save/saves.ts';
import { browserStore } from '../../src/save/storage.ts';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { createGameStore, type GameStore, type GameStoreDeps } from '../../src/store/game-store.ts';
import { FakeStorage } from '../save/fake-storage.ts';

export const bundled = loadBundledScenarios().map(({ scenario, hash }) => ({ scenario, hash }));
export const tutorial = bundled.find((e) => e.scenario.id === 'tutorial') ?? bundled[0]!;

/** An assessed session of one attempt, as its link opens it */
export const ONE_ATTEMPT = {
  kind: 'assignment',
  session: 'hr-1',
  trainee: 't1',
  passMark: 50,
  attempts: 1,
  attempt: 0,
} as const;

/**
 * The game's store with its keeping effects registered, as the page starts them
 * (src/app/effects/index.ts): the actions change the state, the effects keep it.
 */
export function storeThatSaves(deps: GameStoreDeps): GameStore {
  const store = createGameStore(deps);
  saveGame(store, deps.saves, deps.now);
  keepRoomOutcome(store, deps.saves);
  return store;
}

export function makeStore(
  raw: FakeStorage | null = new FakeStorage(),
  seeds = ['101', '202', '303'],
  start = 1_000,
): GameStore {
  let i = 0;
  let clock = start;
  const kv = browserStore(() => {
    if (!raw) throw new DOMException('denied', 'SecurityError');
    return raw;
  });
  return storeThatSaves({
    scenarios: bundled,
    saves: saveBook(kv),
    newSeed: () => seeds[i++ % seeds.length]!,
    now: () => ++clock,
  });
}

/** Plays the current market to the end with the n-th choice each quarter (clamped). */
export function playOut(store: GameStore, pick = 0): void {
  for (let guard = 0; guard < 64; guard++) {
    const s = store.getState();
    if (s.screen === 'debrief') return;
    if (s.phase === 'outcome') {
      s.nextQuarter();
      continue;
    }
    const situation = s.entry!.scenario.situations.find((x) => x.id === s.sim!.situationId)!;
    s.choose(situation.choices[Math.min(pick, situation.choices.length - 1)]!.id);
  }
  throw new Error('the game did not end');
}

/**
 * The room server's view of a self-paced room on the tutorial, opened at `now` and open
 * three days; `overrides` change what a test is about (code, seed, pacing, release…).
 */
export function tutorialRoom(now: number, overrides: Partial<PublicRoom> = {}): PublicRoom {
  return {
    code: 'K7QX3M',
    scenario: {
      id: tutorial.scenario.id,
      title: tutorial.scenario.title,
      quarters: tutorial.scenario.quarters,
      hash: tutorial.hash,
      source: 'bundled',
    },
    seed: 'r1',
    pacing: { mode: 'self' },
    release: { debrief: true, bestPath: false, whatIf: false },
    openQuarter: tutorial.scenario.quarters,
    startedAt: null,
    expiresAt: '2026-05-04T10:00:00Z',
    now: new Date(now).toISOString(),
    ...overrides,
  };
}
