/**
 * The one state of the running game, and the only way to change it.
 *
 * Made by `createGameStore(deps)` (no module singleton: tests and benchmarks make as many
 * as they like). The HTML screens and the Phaser rope view subscribe to it and send
 * actions; the actions call the model (src/sim) and change the state, and the save effect
 * (src/app/effects/save.ts) keeps the game, the settings and the reflection notes on the
 * device. The actions only read the device (saved games, settings, attempt counts,
 * reflection notes) through `deps.saves`; removing a save on the player's word
 * (`discardSave`) is the one write left here.
 *
 * Actions (store.getState().<name>):
 *   refreshSaves()                 re-read saved games; damaged ones are dropped with a notice
 *   showTitle() / showScenarios()  go to the title screen / the list of scenarios
 *   pickScenario(id, seed?)        brief a new market (a new seed unless one is given)
 *   startMarket(id, seed, context, hash?, model?)  open a market from a link: resumes its save if
 *                                  there is one; `hash` picks a workshop's own scenario;
 *                                  `model`: the model a game kept elsewhere (an LMS's
 *                                  suspend data) was played by, whose save is looked for
 *                                  and under which a fresh one is played
 *   beginQuarters()                leave the briefing, play the first decision
 *   choose(choiceId)               decide the current situation: plays one quarter
 *   nextQuarter()                  after a quarter's outcome: the next decision, or the debrief
 *   skipAnimation()                the rope view jumps to the end of the quarter
 *   animationDone(playId)          the rope view reports that the quarter's animation ended
 *   setViewReady(ready)            the rope view has loaded (or failed to)
 *   setReducedMotion(on | null)    the in-game motion toggle (null follows the system)
 *   setSystemReducedMotion(on)     the system's prefers-reduced-motion changed
 *   setPlayerName(name)            the name a workshop's result carries, kept for the next game
 *   replayMarket()                 same scenario, same seed, from the first quarter (in an
 *                                  assessed game: its next attempt)
 *   practiseMarket()               same scenario, same seed, as practice that counts nowhere
 *   newMarket()                    same scenario, a new seed, as practice (both keep an
 *                                  assessment's answer key closed: practiceContext)
 *   resume(key) / discardSave(key) a saved game from the title screen (only the player
 *                                  removes a save: one that cannot be resumed is listed)
 *   takeOver()                     play here the market another tab holds
 *   playTutorial()                 from Help: a fresh tutorial; the game on show stays saved
 *   addScenario(entry)             a scenario that came with a workshop link
 *   showLinkError(message)         the page's link could not be read
 *   notify(tone, text, { once?, aside? }) / dismissNotice(id)
 *   offerExit(exit | null)         a way back to the course, offered in the top bar (cmi5)
 *   storageRefused()               the save effect could not keep the game: the unsaved
 *                                  flag and its notice, and play goes on
 * The live room's (src/store/room-actions.ts): openRoom, joinRoom, roomWelcome,
 *   roomAccepted, roomChanged, roomRefused, roomLink, roomGone, roomTick, leaveRoom, …;
 *   in a room `choose` only records the decision for the room client to send
 * The debrief's (src/store/debrief-actions.ts):
 *   openDebrief()                  the finished game's debrief state (kept if already there)
 *   fairProgress/fairDone/fairFailed(key, …)   the fair-score worker reports
 *   explained/explainFailed(key, …)            the explanation worker reports
 *   openWhatIf(quarter, optionId) / closeWhatIf()
 *   setTimeline(quarter)           the timeline shows the market after that many quarters
 * The reflection's (src/store/reflection-actions.ts):
 *   openReflection()               the finished market's notes, read from this device
 *   writeReflection(field, text)   keep an answer or the action plan as typed
 *   reflectionWritten(result)      the save effect wrote them (or storage refused them)
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { localDay } from '../record/terms.ts';
import { type GameContext, type SaveData, saveKey, sessionOf } from '../save/format.ts';
import type { SaveBook } from '../save/saves.ts';
import { attemptsUsed, PLAYER_NAME_MAX, readSettings } from '../save/values.ts';
import {
  initialState,
  MODEL_VERSION,
  modelOfScenario,
  otherModel,
  playChoices,
  REPLAYABLE_MODELS,
  SimError,
  type SimState,
  step,
} from '../sim/index.ts';
import { practiceContext } from './answer-key.ts';
import { type DebriefActions, debriefActions } from './debrief-actions.ts';
import { entryUnder } from './entry-under.ts';
import { marketClaims } from './market-claim.ts';
import { type MarketLock, soleTab } from './market-lock.ts';
import { type ReflectionActions, reflectionActions } from './reflection-actions.ts';
import { type RoomActions, roomActions, roomChoose } from './room-actions.ts';
import { TUTORIAL_ID } from './tutorial.ts';
import type { ExitOffer, GameState, Notice, ResumeOffer, ScenarioEntry } from './types.ts';

export interface GameStoreDeps {
  scenarios: readonly ScenarioEntry[];
  saves: SaveBook;
  newSeed(): string;
  now(): number;
  systemReducedMotion?: boolean;
  /** one market, one tab (default: this page alone) */
  lock?: MarketLock;
}

export interface GameActions extends DebriefActions, RoomActions, ReflectionActions {
  refreshSaves(): void;
  showTitle(): void;
  showScenarios(): void;
  pickScenario(id: string, seed?: string): void;
  startMarket(id: string, seed: string, context: GameContext, hash?: string, model?: number): void;
  beginQuarters(): void;
  choose(choiceId: string): void;
  nextQuarter(): void;
  skipAnimation(): void;
  animationDone(playId: number): void;
  setViewReady(ready: boolean): void;
  setReducedMotion(on: boolean | null): void;
  setSystemReducedMotion(on: boolean): void;
  setPlayerName(name: string): void;
  replayMarket(): void;
  practiseMarket(): void;
  newMarket(): void;
  resume(key: string): void;
  discardSave(key: string): void;
  takeOver(): void;
  playTutorial(): void;
  addScenario(entry: ScenarioEntry): void;
  showLinkError(message: string): void;
  notify(tone: Notice['tone'], text: string, options?: NoticeOptions): void;
  dismissNotice(id: number): void;
  storageRefused(): void;
  offerExit(exit: ExitOffer | null): void;
}

export type GameStore = StoreApi<GameState & GameActions>;

/** how long a notice lasts (`once`: until the player moves on) and where it shows (`aside`: after the screen) */
export type NoticeOptions = Pick<Notice, 'once' | 'aside'>;

export const WELCOME_BACK = 'Welcome back: your game continues where you left it.';
export const STORAGE_NOTICE =
  'This browser is not keeping saved games (storage is full or switched off, as in private browsing). You can play on, but closing the tab loses the game in progress.';

export function reducedMotion(s: Pick<GameState, 'settings' | 'systemReducedMotion'>): boolean {
  return s.settings.reducedMotion ?? s.systemReducedMotion;
}

export function createGameStore(deps: GameStoreDeps): GameStore {
  let noticeId = 0;
  const lock = deps.lock ?? soleTab;

  return createStore<GameState & GameActions>()((setState, get) => {
    // a one-off notice (offline ready) is read on the screen where it arrives and is gone
    // from the next, rather than following the player around
    const set = (partial: Partial<GameState & GameActions>) => {
      const s = get();
      const moved =
        (partial.screen !== undefined && partial.screen !== s.screen) ||
        (partial.phase !== undefined && partial.phase !== s.phase);
      const kept = s.notices.filter((n) => !n.once);
      if (!moved || partial.notices !== undefined || kept.length === s.notices.length) {
        setState(partial);
        return;
      }
      setState({ ...partial, notices: kept });
    };
    const notify = (tone: Notice['tone'], text: string, options: NoticeOptions = {}) => {
      if (get().notices.some((n) => n.text === text)) return;
      const notice: Notice = { id: ++noticeId, tone, text };
      if (options.once) notice.once = true;
      if (options.aside) notice.aside = true;
      set({ notices: [...get().notices, notice] });
    };

    /**
     * A scenario by id and content hash. Without a hash, the bundled one of that id: a
     * workshop's edited copy may share its id, and only its link (which knows the hash)
     * plays it.
     */
    const find = (id: string, hash?: string): ScenarioEntry | null => {
      const same = get().scenarios.filter((e) => e.scenario.id === id);
      if (hash !== undefined) return same.find((e) => e.hash === hash) ?? null;
      return same.find((e) => e.yaml === undefined) ?? same[0] ?? null;
    };

    /** The market's save key, under the model its game plays by (the entry's scenario's). */
    const marketKey = (entry: ScenarioEntry, seed: string, context: GameContext) =>
      saveKey(
        entry.scenario.id,
        entry.hash,
        seed,
        sessionOf(context),
        modelOfScenario(entry.scenario),
      );

    /**
     * Where this market's game is saved: under the entry's model when it names one (an
     * LMS's progress of an earlier model); else under this model (a damaged save too:
     * starting the market replaces it), else the newest earlier model this version replays
     * whose save reads (a game saved before the update plays on by its rules).
     */
    const savedKey = (entry: ScenarioEntry, seed: string, context: GameContext) => {
      const mine = marketKey(entry, seed, context);
      if (entry.scenario.model !== undefined) return mine;
      if (deps.saves.read(mine) !== null) return mine;
      const earlier = REPLAYABLE_MODELS.filter((m) => m !== MODEL_VERSION).sort((a, b) => b - a);
      const keys = earlier.map((model) =>
        saveKey(entry.scenario.id, entry.hash, seed, sessionOf(context), model),
      );
      return keys.find((key) => deps.saves.read(key)?.ok === true) ?? mine;
    };

    const { claim, letGo, playable, afterHeld } = marketClaims(lock, get, set);

    /**
     * A fresh game of this market, on the briefing screen (nothing saved until it starts).
     * A new game plays by this model, even from a game an earlier model played, unless
     * `model` names the one a game kept elsewhere was played by (startMarket).
     */
    const brief = (
      played: ScenarioEntry,
      seed: string,
      context: GameContext,
      model = MODEL_VERSION,
    ) => {
      const entry = entryUnder(find(played.scenario.id, played.hash) ?? played, model);
      set({
        screen: 'briefing',
        entry,
        context,
        attemptAhead:
          context.kind === 'assignment' && context.attempt === 0
            ? attemptsUsed((key) => deps.saves.getValue(key), context) + 1
            : null,
        sim: initialState(entry.scenario, seed),
        previous: null,
        phase: 'decide',
        animating: false,
        skipped: false,
        debrief: null,
      });
      claim(marketKey(entry, seed, context));
    };

    const nextAttempt = (context: GameContext): GameContext => {
      if (context.kind !== 'assignment') return context;
      // the save effect (src/app/effects/save.ts) counts the attempt once play starts
      const used = attemptsUsed((key) => deps.saves.getValue(key), context);
      if (used >= context.attempts) {
        notify(
          'warning',
          `You have used all ${context.attempts} attempts of this assessed session; this game counts as attempt ${used + 1}.`,
        );
      }
      const { finished: _earlier, ...fresh } = context;
      return { ...fresh, attempt: used + 1 };
    };

    /**
     * Replays a save, under the model that played it (a game of an earlier model this version
     * replays plays on by that model's rules); the reason instead when it cannot be played
     * back faithfully.
     */
    const restore = (save: SaveData): { entry: ScenarioEntry; sim: SimState } | string => {
      const model = otherModel(save.model, 'it');
      if (model) return model;
      const found = find(save.scenario, save.hash);
      const entry = found && entryUnder(found, save.model);
      if (!entry) {
        return find(save.scenario)
          ? 'its scenario has been changed since the game was saved'
          : `its scenario "${save.scenario}" is not part of this version of the game`;
      }
      try {
        return { entry, sim: playChoices(entry.scenario, save.seed, save.choices) };
      } catch (err) {
        if (err instanceof SimError)
          return `its choices no longer fit the scenario (${err.message})`;
        throw err;
      }
    };

    const KEPT = 'It is kept on the title screen until you remove it';

    /** Opens a save at `key`; with `claimed`, the market is already held (a take-over). */
    const open = (key: string, claimed = false): boolean => {
      const parsed = deps.saves.read(key);
      const restored = parsed?.ok ? restore(parsed.save) : (parsed?.message ?? 'it is gone');
      if (!parsed?.ok || typeof restored === 'string') {
        notify('error', `A saved game could not be resumed: ${restored}. ${KEPT}.`);
        get().refreshSaves();
        return false;
      }
      const { save } = parsed;
      // left on a quarter's outcome: it opens again, worked out anew from the replay (the
      // rope view shows where the quarter ended, with no animation to replay)
      const outcome = save.outcomeOnShow === true;
      const finished = restored.sim.situationId === null;
      set({
        entry: restored.entry,
        context: save.context,
        sim: restored.sim,
        previous: null,
        phase: outcome ? 'outcome' : 'decide',
        animating: false,
        skipped: false,
        screen: finished && !outcome ? 'debrief' : 'play',
        debrief: null,
      });
      if (!claimed) claim(marketKey(restored.entry, save.seed, save.context));
      if (finished && get().screen === 'debrief') get().openDebrief();
      return true;
    };

    /** Plays one quarter of the market this tab holds. */
    const decide = (choiceId: string) => {
      const { entry, sim, screen, phase } = get();
      if (!entry || !sim || screen !== 'play' || phase !== 'decide' || sim.situationId === null)
        return;
      const next = step(entry.scenario, sim, choiceId);
      const animate = get().viewReady && !reducedMotion(get());
      const { context } = get();
      set({
        // an assessed game notes the day it ends, once: its result says when it was finished
        ...(next.situationId === null && context.kind === 'assignment'
          ? { context: { ...context, finished: localDay(deps.now()) } }
          : {}),
        previous: sim,
        sim: next,
        playId: get().playId + 1,
        phase: 'outcome',
        animating: animate,
        skipped: false,
      });
    };

    /** A save the player can only see and remove, with the reason it cannot be resumed. */
    const unresumable = (key: string, problem: string): ResumeOffer => ({
      key,
      scenarioId: '',
      title: 'A saved game',
      seed: '',
      played: 0,
      quarters: 0,
      finished: false,
      context: { kind: 'practice' },
      updated: 0,
      problem,
    });

    return {
      screen: 'title',
      scenarios: [...deps.scenarios],
      entry: null,
      context: { kind: 'practice' },
      attemptAhead: null,
      sim: null,
      previous: null,
      phase: 'decide',
      playId: 0,
      animating: false,
      skipped: false,
      viewReady: false,
      settings: readSettings((key) => deps.saves.getValue(key)),
      systemReducedMotion: deps.systemReducedMotion ?? false,
      notices: deps.saves.persistent
        ? []
        : [{ id: ++noticeId, tone: 'warning', text: STORAGE_NOTICE }],
      saves: [],
      market: null,
      tab: 'checking',
      linkError: null,
      unsaved: !deps.saves.persistent,
      debrief: null,
      reflection: null,
      room: null,
      roomServer: false,
      keptRoom: null,
      exit: null,
      ...debriefActions(set, get),
      ...reflectionActions(set, get, deps.saves),
      ...roomActions(set, get, deps.now, (key) => deps.saves.getValue(key)),

      refreshSaves() {
        const offers: ResumeOffer[] = [];
        let newer = deps.saves.foreign();
        for (const { key, parsed } of deps.saves.list()) {
          if (!parsed.ok) {
            if (parsed.problem === 'newer') newer++;
            else offers.push(unresumable(key, parsed.message));
            continue;
          }
          const s = parsed.save;
          // a game on a workshop's own scenario is listed once that scenario is loaded
          // (from the save itself at start-up: src/app/own-scenarios.ts)
          if (!find(s.scenario, s.hash) && s.yaml !== undefined && otherModel(s.model, '') === null)
            continue;
          const restored = restore(s);
          if (typeof restored === 'string') {
            offers.push({
              ...unresumable(key, restored),
              scenarioId: s.scenario,
              title: find(s.scenario)?.scenario.title ?? s.scenario,
              seed: s.seed,
              played: s.choices.length,
              context: s.context,
              updated: s.updated,
            });
            continue;
          }
          offers.push({
            key,
            scenarioId: s.scenario,
            title: restored.entry.scenario.title,
            seed: s.seed,
            played: restored.sim.quarter,
            quarters: restored.entry.scenario.quarters,
            finished: restored.sim.situationId === null,
            context: s.context,
            updated: s.updated,
          });
        }
        set({ saves: offers });
        if (newer > 0) {
          notify(
            'info',
            `${newer === 1 ? 'A saved game' : `${newer} saved games`} from a newer version of the game ${newer === 1 ? 'is' : 'are'} kept here for that version.`,
          );
        }
      },

      showTitle() {
        if (get().room) {
          get().leaveRoom();
          return;
        }
        letGo();
        get().refreshSaves();
        set({ screen: 'title', previous: null, animating: false });
      },

      showScenarios() {
        letGo();
        set({ screen: 'choose' });
      },

      pickScenario(id, seed) {
        const entry = find(id);
        if (!entry) {
          notify('error', `There is no scenario "${id}" in this game. Pick one from the list.`);
          set({ screen: 'choose' });
          return;
        }
        brief(entry, seed ?? deps.newSeed(), { kind: 'practice' });
      },

      startMarket(id, seed, context, hash, model = MODEL_VERSION) {
        const found = find(id, hash);
        const entry = found && entryUnder(found, model);
        if (!entry) {
          get().showLinkError(
            `this link names the scenario "${id}", which this game does not have`,
          );
          return;
        }
        const key = savedKey(entry, seed, context);
        const saved = deps.saves.read(key);
        if (saved?.ok && open(key)) {
          // said only once this tab may play it (another tab may hold the market), and read
          // on the screen it opens on: gone once the player moves on
          // not over a finished game's debrief: there is no game to continue
          afterHeld(() => {
            if (get().screen !== 'debrief') notify('info', WELCOME_BACK, { once: true });
          });
          return;
        }
        brief(entry, seed, context, model);
        // true only on this briefing: starting the market replaces the damaged save, and
        // leaving it keeps the save on the title screen's list, with its reason
        if (saved && !saved.ok) {
          notify(
            'warning',
            `Your saved game of this market could not be read: ${saved.message}. Starting this market replaces it; until then it is kept on the title screen's list.`,
            { once: true },
          );
        }
      },

      beginQuarters() {
        const { entry, sim } = get();
        if (!entry || !sim || !playable()) return;
        set({
          screen: 'play',
          phase: 'decide',
          context: nextAttempt(get().context),
          attemptAhead: null,
        });
      },

      choose(choiceId) {
        if (get().room) roomChoose(get, set, choiceId, deps.now());
        else if (playable()) decide(choiceId);
      },

      nextQuarter() {
        const { sim, screen, phase } = get();
        if (!sim || screen !== 'play' || phase !== 'outcome') return;
        if (get().room) {
          // the room decides what comes next: the next quarter, a wait, or the debrief
          set({ phase: 'decide', previous: null, animating: false, skipped: false });
          get().roomTick();
          return;
        }
        set({
          phase: 'decide',
          previous: null,
          animating: false,
          skipped: false,
          screen: sim.situationId === null ? 'debrief' : 'play',
        });
        if (sim.situationId === null) get().openDebrief();
      },

      skipAnimation: () => set({ skipped: true, animating: false }),

      animationDone(playId) {
        if (playId === get().playId) set({ animating: false });
      },

      setViewReady: (ready) => set({ viewReady: ready }),

      setReducedMotion(on) {
        set({ settings: { ...get().settings, reducedMotion: on } });
        if (on === true) set({ animating: false, skipped: true });
      },

      setSystemReducedMotion: (on) => set({ systemReducedMotion: on }),

      setPlayerName(name) {
        set({ settings: { ...get().settings, playerName: name.slice(0, PLAYER_NAME_MAX) } });
      },

      replayMarket() {
        const { entry, sim, context } = get();
        if (!entry || !sim) return;
        // a replay is practice: it leaves the live room (its game stays on the server)
        if (get().room) {
          get().practiseMarket();
          return;
        }
        brief(entry, sim.seed, context);
        get().beginQuarters();
      },

      practiseMarket() {
        const { entry, sim } = get();
        if (!entry || !sim) return;
        // read before the room is left: the assessment decides the mark and the closed key
        const context = practiceContext(get(), deps.now());
        // outside any room, workshop or assessment: kept apart from the assessed game's save
        // and reported to nobody (an LMS hears only the assignment's games)
        set({ room: null });
        brief(entry, sim.seed, context);
        get().beginQuarters();
      },

      newMarket() {
        const { entry } = get();
        if (!entry) return;
        const context = practiceContext(get(), deps.now());
        set({ room: null });
        // a link's market is fixed by the link; a new seed makes it a practice game
        brief(entry, deps.newSeed(), context);
      },

      resume(key) {
        open(key);
      },

      discardSave(key) {
        deps.saves.remove(key);
        get().refreshSaves();
      },

      takeOver() {
        const { market, entry, sim, context } = get();
        if (!market || !entry || !sim || get().tab !== 'elsewhere') return;
        // the other tab may have played on: the save says where the market stands now
        claim(market, true, () => {
          if (!(deps.saves.read(market)?.ok && open(market, true))) brief(entry, sim.seed, context);
        });
      },

      playTutorial() {
        const { entry, sim, room, unsaved } = get();
        if (room) {
          notify('info', 'The tutorial opens once you have left the live room.');
          return;
        }
        const tutorial = find(TUTORIAL_ID);
        if (!tutorial) {
          notify('error', 'This version of the game has no tutorial.');
          return;
        }
        // every quarter played is saved as it is played: the game on show waits on the title screen
        const left = entry && sim && sim.quarter > 0 ? entry.scenario.title : null;
        letGo();
        brief(tutorial, deps.newSeed(), { kind: 'practice' });
        if (left && !unsaved)
          notify('info', `Your game of “${left}” is saved: open it again from the title screen.`);
      },

      addScenario(entry) {
        const scenarios = get().scenarios;
        // the same scenario (same content) is there already, perhaps bundled: nothing to add
        if (scenarios.some((e) => e.hash === entry.hash)) return;
        // a scenario with the id of another (a workshop's edited copy of a bundled one) is
        // added beside it: each is found by its hash, and their games are kept apart
        set({ scenarios: [...scenarios, entry] });
      },

      showLinkError: (message) => set({ screen: 'link-error', linkError: message }),

      notify,

      storageRefused() {
        if (!get().unsaved) set({ unsaved: true });
        notify('warning', STORAGE_NOTICE);
      },

      dismissNotice: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),

      offerExit: (exit) => set({ exit }),
    };
  });
}
