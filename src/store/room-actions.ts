import type { CountedAttempt } from '../room/counted-attempt.ts';
import { CODE_ALPHABET, CODE_LENGTH, MAX_NAME_CHARS } from '../room/limits.ts';
import { openQuarter, pacingOf } from '../room/pacing.ts';
import type { ErrorCode, OwnGame, PublicRoom } from '../room/protocol.ts';
import { outcomeWasOnShow } from '../save/outcome-note.ts';
import { MODEL_VERSION, playChoices, SimError } from '../sim/index.ts';
import { entryUnder } from './entry-under.ts';
import type { AssessmentPlay, AttemptRules, RoomPlay } from './room-types.ts';
import type { GameState, Notice, ScenarioEntry, Screen } from './types.ts';

// The live room's actions. The room client (src/app/room/) reports what the server said;
// these turn it into the game's state. The page never plays a quarter itself in a room:
// `choose` only records the decision to send, and the quarter is played (by replaying the
// server's accepted choices) when the server says `accepted`.

export interface RoomActions {
  /** the room screen for this code: the join form, or connecting with a name kept on this device */
  openRoom(code: string, name: string | null): void;
  /** the join form was sent: the room client joins with this name */
  joinRoom(code: string, name: string): void;
  /** `field`: what the problem is about (a room that is not there is the code's) */
  roomJoinFailed(message: string, field?: 'code' | 'name'): void;
  /** joined (or rejoining with a kept token): the socket is opening */
  roomConnecting(name: string): void;
  roomWelcome(entry: ScenarioEntry, room: PublicRoom, game: OwnGame): void;
  roomAccepted(game: OwnGame): void;
  roomChanged(room: PublicRoom): void;
  roomRefused(error: ErrorCode, message: string): void;
  /**
   * the connection is live, or the page is waiting to send again: `because` says why when
   * it is not a lost connection (the server asked the page to slow down)
   */
  roomLink(link: 'live' | 'retrying', because?: string): void;
  roomGone(message: string): void;
  /** a timed room's next quarter may have opened: look again at the clock */
  roomTick(): void;
  leaveRoom(): void;
  setRoomServer(present: boolean): void;
  /** the live room this browser holds a seat in (the newest), which the title offers; null: none */
  roomSeatOffered(kept: { code: string; name: string } | null): void;
  /** an assessed attempt's link was opened: the page is fetching its attempt from the server */
  openAssessment(id: string): void;
  /** no attempt is under way: its rules are shown, and nothing starts until `startAttempt` */
  assessmentReady(
    assessment: Omit<AssessmentPlay, 'result' | 'rules'>,
    rules: Omit<AttemptRules, 'starting'>,
    /** the trainee's name, as the server knows them */
    name: string,
  ): void;
  /** the trainee pressed Start on the rules: the page asks the server to deal the attempt */
  startAttempt(): void;
  /** the server dealt (or resumed) the attempt: played like a room's game from here */
  assessmentStarted(
    entry: ScenarioEntry,
    room: PublicRoom,
    game: OwnGame,
    assessment: Omit<AssessmentPlay, 'result' | 'rules'>,
  ): void;
  /** the server graded and signed the attempt: the result is kept and the answer key opens */
  /** `counted`: the attempt that counts now, the best of the trainee's (counted-attempt.ts) */
  assessmentGraded(result: Record<string, unknown>, counted?: CountedAttempt | null): void;
}

/** Everything released: an assessed attempt's debrief once the server has its result. */
const ALL_RELEASED = { debrief: true, bestPath: true, whatIf: true } as const;

type Full = GameState & {
  notify(tone: Notice['tone'], text: string): void;
  openDebrief(): void;
  refreshSaves(): void;
  roomGone(message: string): void;
  roomWelcome(entry: ScenarioEntry, room: PublicRoom, game: OwnGame): void;
};
const CODE = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/**
 * What is wrong with a room code, in the words a trainee can act on: its length, or the
 * characters no code has (codes leave out letters and digits easily read as others).
 */
export function codeProblem(code: string): string {
  const chars = [...code];
  const foreign = [...new Set(chars.filter((ch) => !CODE_ALPHABET.includes(ch)))];
  if (foreign.length > 0) {
    const listed = foreign.map((ch) => (ch === ' ' ? 'a space' : `“${ch}”`)).join(', ');
    return `A room code never has ${listed}: codes leave out letters and digits that are easily mistaken for others (such as O and 0, I and 1). Check the code with your facilitator.`;
  }
  return `A room code has ${CODE_LENGTH} characters; this one has ${chars.length}. Check it with your facilitator.`;
}

type Set = (partial: Partial<GameState>) => void;
type Get = () => Full;

/** Whether quarter `q` (1-based) of the room is open by the server's clock now. */
export function quarterOpen(room: RoomPlay, q: number, now: number): boolean {
  const r = room.room;
  if (!r) return false;
  return q <= openQuarter(pacingOf(r), now + room.skew);
}

/**
 * `getValue` reads this device's small values: which outcome was on show when the page was
 * last here (src/save/outcome-note.ts), so a reload opens on it again.
 */
export function roomActions(
  set: Set,
  get: Get,
  now: () => number,
  getValue: (key: string) => string | null,
): RoomActions {
  const patch = (p: Partial<RoomPlay>) => {
    const room = get().room;
    if (room) set({ room: { ...room, ...p } });
  };

  /** the screen the room's state calls for; a quarter's outcome stays until the player moves on */
  const place = () => {
    const s = get();
    const room = s.room;
    if (!room) return;
    if (s.screen === 'play' && s.phase === 'outcome') return;
    // an assessed attempt's briefing stays until the trainee starts quarter 1
    if (s.screen === 'briefing' && room.assessment && s.sim?.choices.length === 0) return;
    let screen: Screen = 'room';
    if (s.sim && room.room && room.link !== 'gone' && room.link !== 'join') {
      if (s.sim.situationId === null) screen = room.room.release.debrief ? 'debrief' : 'room';
      // the facilitator ended play (src/ui/screens/room.ts says so): no quarter is left to play
      else if (room.room.endedAt !== undefined) screen = 'room';
      else screen = quarterOpen(room, s.sim.quarter + 1, now()) ? 'play' : 'room';
    }
    if (screen !== s.screen) set({ screen, phase: 'decide', previous: null, animating: false });
    if (screen === 'debrief') get().openDebrief();
  };

  /** the trainee's game as the server replayed it, played back on the room's scenario */
  const replay = (entry: ScenarioEntry, seed: string, game: OwnGame) => {
    try {
      const sim = playChoices(entry.scenario, seed, game.choices);
      if (sim.situationId !== game.situationId) return null;
      return sim;
    } catch (err) {
      if (err instanceof SimError) return null;
      throw err;
    }
  };
  const disagree = () =>
    get().roomGone(
      "This page plays the room's market differently from the server (another version of the game?). Reload the page; if it persists, tell your facilitator.",
    );

  return {
    openRoom(code, name) {
      set({
        screen: 'room',
        room: {
          code,
          name,
          link: name === null ? 'join' : 'connecting',
          room: null,
          skew: 0,
          pending: null,
          joining: null,
          problem: null,
          waiting: null,
          assessment: null,
        },
      });
    },

    joinRoom(code, name) {
      const room = get().room;
      if (room?.link !== 'join' || room.joining !== null) return;
      // the first checks, in words; the room client checks the name with the protocol's
      // schema and the server has the last word
      const c = code.trim().toUpperCase();
      const n = name.trim().replace(/\s+/g, ' ');
      // what was typed stays in the form, with what is wrong with it
      if (!CODE.test(c)) {
        patch({ code: c, name: n, problem: codeProblem(c), problemField: 'code' });
        return;
      }
      if (n.length === 0 || n.length > MAX_NAME_CHARS) {
        patch({
          code: c,
          name: n,
          problem: `Type a name of 1 to ${MAX_NAME_CHARS} characters.`,
          problemField: 'name',
        });
        return;
      }
      // the name stays in the form if joining fails
      patch({ code: c, name: n, joining: n, problem: null });
    },

    roomJoinFailed: (message, field = 'code') =>
      patch({ joining: null, problem: message, problemField: field, link: 'join' }),

    roomConnecting: (name) => patch({ name, joining: null, problem: null, link: 'connecting' }),

    roomWelcome(given, room, game) {
      const before = get();
      if (!before.room) return;
      // a room or attempt of an earlier model plays on by its rules, as the server replays it
      const entry = entryUnder(given, room.model ?? MODEL_VERSION);
      const sim = replay(entry, room.seed, game);
      if (!sim) return disagree();
      const same =
        before.entry?.hash === entry.hash &&
        before.sim?.choices.join() === sim.choices.join() &&
        before.sim?.seed === sim.seed;
      const pending = before.room.pending;
      const context: GameState['context'] = before.room.assessment
        ? {
            kind: 'workshop',
            name: before.room.assessment.title,
            session: `assessment-${room.code}`,
          }
        : { kind: 'workshop', name: `Room ${room.code}`, session: `room-${room.code}` };
      // a reload on a quarter's outcome opens on it again (worked out from the server's
      // choices); the room then moves on when the player does, as before the reload
      const outcome =
        !same &&
        sim.choices.length > 0 &&
        outcomeWasOnShow(getValue, context.session, sim.seed, sim.choices);
      set({
        room: {
          ...before.room,
          name: game.name,
          room,
          skew: Date.parse(room.now) - now(),
          link: 'live',
          problem: null,
          waiting: null,
          // a decision the server has not got yet is sent again; one it has is done
          pending: pending && pending.quarter === sim.choices.length + 1 ? pending : null,
        },
        // a rejoin that finds the game where it was keeps the screen (an outcome on show)
        ...(same
          ? {}
          : {
              entry,
              sim,
              previous: null,
              phase: outcome ? ('outcome' as const) : ('decide' as const),
              ...(outcome ? { screen: 'play' as const } : {}),
              animating: false,
              debrief: null,
              context,
            }),
      });
      place();
    },

    roomAccepted(game) {
      const { room, entry, sim } = get();
      if (!room?.room || !entry || !sim) return;
      if (game.choices.length === sim.choices.length) return patch({ pending: null });
      const next = replay(entry, room.room.seed, game);
      if (!next) return disagree();
      set({
        room: { ...room, pending: null },
        previous: game.choices.length === sim.choices.length + 1 ? sim : null,
        sim: next,
        screen: 'play',
        phase: 'outcome',
        playId: get().playId + 1,
        animating: get().viewReady && !(get().settings.reducedMotion ?? get().systemReducedMotion),
        skipped: false,
      });
    },

    roomChanged(r) {
      const room = get().room;
      if (!room) return;
      patch({ room: r, skew: Date.parse(r.now) - now() });
      place();
    },

    roomRefused(error, message) {
      const room = get().room;
      if (!room) return;
      patch({ pending: null });
      const text =
        error === 'quarter_not_open'
          ? 'That quarter is not open yet: wait for your facilitator.'
          : `${room.assessment ? 'The server' : 'The room'} did not take that: ${message}`;
      get().notify('warning', text);
      place();
    },

    roomLink(link, because) {
      const waiting = link === 'retrying' ? (because ?? null) : null;
      const room = get().room;
      if (room?.link === link && room.waiting === waiting) return;
      patch({ link, waiting });
    },

    roomGone(message) {
      patch({ link: 'gone', problem: message, pending: null, joining: null, waiting: null });
      set({ screen: 'room', phase: 'decide', previous: null, animating: false });
    },

    roomTick: place,

    leaveRoom() {
      set({ room: null, entry: null, sim: null, debrief: null, screen: 'title' });
      get().refreshSaves();
    },

    setRoomServer: (present) => set({ roomServer: present }),

    roomSeatOffered(kept) {
      const before = get().keptRoom;
      if (before?.code === kept?.code && before?.name === kept?.name) return;
      set({ keptRoom: kept });
    },

    openAssessment(id) {
      set({
        screen: 'room',
        room: {
          code: id,
          name: null,
          link: 'connecting',
          room: null,
          skew: 0,
          pending: null,
          joining: null,
          problem: null,
          waiting: null,
          assessment: {
            id,
            title: '',
            attempt: 0,
            attempts: 0,
            passMark: 0,
            result: null,
            rules: null,
          },
        },
      });
    },

    assessmentReady(assessment, rules, name) {
      const before = get().room;
      if (!before?.assessment) return;
      patch({
        link: 'live',
        name,
        assessment: { ...assessment, result: null, rules: { ...rules, starting: false } },
      });
    },

    startAttempt() {
      const a = get().room?.assessment;
      if (!a?.rules || a.rules.starting) return;
      patch({ assessment: { ...a, rules: { ...a.rules, starting: true } } });
    },

    assessmentStarted(entry, room, game, assessment) {
      const before = get().room;
      if (!before?.assessment) return;
      patch({ assessment: { ...assessment, result: before.assessment.result, rules: null } });
      get().roomWelcome(entry, room, game);
      // an attempt with no decision yet opens on its market's briefing: the team, the
      // customer, the goals, read before quarter 1 as in practice
      const { sim, screen } = get();
      if (sim && sim.choices.length === 0 && screen === 'play') set({ screen: 'briefing' });
    },

    assessmentGraded(result, counted = null) {
      const room = get().room;
      if (!room?.assessment || !room.room) return;
      patch({
        assessment: { ...room.assessment, result, counted },
        room: { ...room.room, release: ALL_RELEASED },
      });
    },
  };
}

/** In a room, the choice is only recorded to be sent; the server plays the quarter. */
export function roomChoose(get: Get, set: Set, choiceId: string, now: number): void {
  const { room, sim, screen, phase } = get();
  if (!room || !sim || screen !== 'play' || phase !== 'decide' || sim.situationId === null) return;
  if (room.pending || room.link === 'gone' || !quarterOpen(room, sim.quarter + 1, now)) return;
  set({
    room: {
      ...room,
      pending: {
        type: 'decide',
        quarter: sim.quarter + 1,
        situationId: sim.situationId,
        choiceId,
      },
    },
  });
}
