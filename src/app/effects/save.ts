import { keyOf, SAVE_FORMAT, SAVE_VERSION, type SaveData } from '../../save/format.ts';
import { serialiseReflection } from '../../save/reflection.ts';
import type { SaveBook } from '../../save/saves.ts';
import { attemptsKey, attemptsUsed, SETTINGS_KEY, serialiseSettings } from '../../save/values.ts';
import { modelOfScenario } from '../../sim/index.ts';
import type { GameStore } from '../../store/game-store.ts';
import type { GameState } from '../../store/types.ts';

// Keeps the game on this device as its state changes: the actions only change the state.
// - the game in progress, each time it moves on (play started, a decision made, its outcome
//   left for the next decision or the debrief), under its market's key (src/save/format.ts); a refusal goes back to the store (storageRefused:
//   the unsaved flag and one notice), and play goes on
// - an assessed session's attempt count, once its attempt has started
// - the player's settings, whenever they change (a refusal costs nothing: they stay for
//   this page)
// - the debrief's reflection notes as they are typed; the store hears how that went
//   (reflectionWritten: kept, or not kept with a notice)
// The state decides what is written, not which action ran: a game resumed from its save,
// or a tab that takes a market over from another, finds its save as it is and writes
// nothing, so no newer decision made in another tab is overwritten.

type Kept = Pick<GameState, 'entry' | 'sim' | 'context' | 'room' | 'tab' | 'screen' | 'phase'>;

/** The game this tab keeps: play started, held here (see market-claim.ts), not a live room's. */
export function gameToKeep(s: Kept): Omit<SaveData, 'updated'> | null {
  const { entry, sim, context } = s;
  // a room's game is kept by the server; a briefing is nothing to keep yet
  if (!entry || !sim || s.room || s.tab === 'elsewhere') return null;
  if (s.screen !== 'play' && s.screen !== 'debrief') return null;
  return {
    format: SAVE_FORMAT,
    v: SAVE_VERSION,
    // a game an earlier model played (resumed from its save) plays on by that model
    model: modelOfScenario(entry.scenario),
    scenario: entry.scenario.id,
    hash: entry.hash,
    seed: sim.seed,
    choices: [...sim.choices],
    context,
    ...(entry.yaml !== undefined ? { yaml: entry.yaml } : {}),
    // a reload on a quarter's outcome opens on it again, rather than skipping what it teaches
    ...(s.screen === 'play' && s.phase === 'outcome' ? { outcomeOnShow: true as const } : {}),
  };
}

/** What decides whether a kept game changed: its market, its choices, its context and the screen it is on. */
function signature(game: Omit<SaveData, 'updated'> | null): string | null {
  if (!game) return null;
  const key = keyOf(game);
  // the context's fields in one order: a save read back lists them in its own
  return JSON.stringify([
    key,
    game.choices,
    JSON.stringify(game.context, Object.keys(game.context).sort()),
    game.outcomeOnShow === true,
  ]);
}

export function saveGame(store: GameStore, saves: SaveBook, now: () => number): () => void {
  let last = signature(gameToKeep(store.getState()));
  let settings = store.getState().settings;
  let reflection = store.getState().reflection;

  const keepGame = (game: Omit<SaveData, 'updated'>) => {
    const { context } = game;
    if (
      context.kind === 'assignment' &&
      context.attempt > attemptsUsed((k) => saves.getValue(k), context)
    )
      saves.setValue(attemptsKey(context), String(context.attempt));
    const kept = saves.read(keyOf(game));
    // resumed as it was saved: written again it would only jump the title screen's list
    if (kept?.ok && signature(kept.save) === signature(game)) return;
    const written = saves.write({ ...game, updated: now() });
    if (!written.ok || !saves.persistent) store.getState().storageRefused();
  };

  // three subscribers, each with one job: a report back to the store (a nested change of
  // state) then reaches each of them with the newest state
  const stops = [
    store.subscribe((s) => {
      const game = gameToKeep(s);
      const sig = signature(game);
      if (sig === last) return;
      last = sig;
      if (game) keepGame(game);
    }),
    store.subscribe((s) => {
      if (s.settings === settings) return;
      settings = s.settings;
      // refused: the settings stay for this page, and the game says nothing more
      saves.setValue(SETTINGS_KEY, serialiseSettings(settings));
    }),
    store.subscribe((s) => {
      const before = reflection;
      const r = s.reflection;
      if (r === before) return;
      reflection = r;
      // notes typed, not those read from the device as the debrief opened
      if (!r || !before || r.key !== before.key || r.notes === before.notes) return;
      store
        .getState()
        .reflectionWritten(saves.setValue(r.key, serialiseReflection(r.notes, now())));
    }),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
