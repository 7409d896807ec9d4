import { CLOSE_GONE, CLOSE_OTHER_MODEL } from '../../room/close-codes.ts';
import { MAX_PLAYERS_PER_ROOM } from '../../room/limits.ts';
import { readServerMessage, retryWaitMs } from '../../room/live.ts';
import {
  type ClientMessage,
  codeSchema,
  type ErrorCode,
  type ServerMessage,
} from '../../room/protocol.ts';
import { type Retry, retryAfter } from '../../room/retry.ts';
import type { GameStore } from '../../store/game-store.ts';
import { codeProblem } from '../../store/room-actions.ts';
import type { ScenarioEntry } from '../../store/types.ts';
import { showRoomInAddress } from './address.ts';
import { asSentence, joinRoom, liveUrl, RoomApiError, roomInfo, roomScenario } from './api.ts';
import { dropSeat, keepSeat, newestSeat, readSeat } from './seat.ts';
import { checkedServerScenario } from './server-scenario.ts';

// The game page's one connection to a live room, and the only place it talks to the room
// server. It watches the store for what the trainee asked (join with a name, a decision to
// send), does it, and reports what the server said back through the store's room actions.
// A dropped socket is opened again with growing, jittered waits; the server's welcome then
// tells the page where the game stands, so nothing the page holds has to be trusted.

const DECISION_ERRORS = new Set<ErrorCode>([
  'quarter_not_open',
  'out_of_order',
  'duplicate',
  'not_offered',
  'game_over',
]);
const PING_MS = 25_000;

/**
 * A room opened under an earlier model of the simulation (the server says other_model):
 * this version of the game would play its decisions as another game.
 */
const OTHER_MODEL_WORDS =
  'This room was opened with an earlier version of the game, and this version cannot carry on with it: your decisions so far are kept, and your facilitator has them. Ask your facilitator for a new room to play on.';

// Why a trainee cannot join, each in the same shape: what is so of the room, then what to do.
// The room code and the name typed stay in the form, so a new code is all there is to type.

/** no room by this code: deleted, expired, or a code (or link) mistyped */
const noRoomWords = (code: string) =>
  `There is no room ${code}: it was deleted or has expired, or the code is mistyped. Check the code with your facilitator, or ask them for the new room's code, and type it above.`;

/** the facilitator ended play (by releasing the debrief): the room takes nobody new */
const endedWords = (code: string) =>
  `Play has ended in room ${code}: your facilitator ended it and released the debrief, so nobody new can join. Follow the debrief as your facilitator shows it to the room, or ask them for another room's code to play.`;

/** a kept seat whose room is no longer on the server */
const goneWords = (code: string) =>
  `There is no room ${code} any more: your facilitator deleted it, or it expired. Ask your facilitator for the new room's code.`;

/** The server's refusal of a join, in words a trainee can act on. */
function joinRefusal(code: string, err: unknown): string {
  if (!(err instanceof RoomApiError)) return 'Joining failed.';
  switch (err.code) {
    case 'no_room':
      return noRoomWords(code);
    case 'room_ended':
      return endedWords(code);
    case 'name_taken':
      return 'Someone in this room has that name already: add an initial, or choose another.';
    case 'room_full':
      return `Room ${code} is full: it has the ${MAX_PLAYERS_PER_ROOM} trainees a room takes. Ask your facilitator for another room's code.`;
    case 'other_model':
      return OTHER_MODEL_WORDS;
    case 'rate_limited':
      return asSentence(err.message);
    default:
      return err.message;
  }
}

/**
 * The join form of a room's link, looked at as it opens: a code no room can have, a room
 * that is no longer there or where play has ended says so at once, before a name is typed.
 * A room that is there and playing (started or not) leaves the form as it is; so does a
 * server that is busy or out of reach, which the join itself then reports.
 */
async function checkJoinable(store: GameStore, code: string): Promise<void> {
  const unchanged = () => {
    const room = store.getState().room;
    return (
      room?.code === code && room.link === 'join' && room.joining === null && room.problem === null
    );
  };
  let problem: string | null = null;
  if (!codeSchema.safeParse(code).success) problem = codeProblem(code);
  else {
    try {
      const room = await roomInfo(code);
      if (room.otherModel !== undefined) problem = OTHER_MODEL_WORDS;
      else if (room.endedAt !== undefined) problem = endedWords(code);
    } catch (err) {
      if (err instanceof RoomApiError && err.code === 'no_room') problem = noRoomWords(code);
    }
  }
  if (problem !== null && unchanged()) store.getState().roomJoinFailed(problem);
}

export function startRoomClient(store: GameStore): void {
  let code: string | null = null;
  let socket: WebSocket | null = null;
  let welcomed = false;
  let sentQuarter: number | null = null;
  let attempts = 0;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let joining = false;
  let entry: ScenarioEntry | null = null;
  const actions = () => store.getState();
  /** the title's way back to the room this browser last joined */
  const offerSeat = () => actions().roomSeatOffered(newestSeat(Date.now()));

  const stop = () => {
    if (retry) clearTimeout(retry);
    retry = null;
    const s = socket;
    socket = null;
    welcomed = false;
    sentQuarter = null;
    s?.close(1000);
  };

  /** the scenario the server replays, loaded and checked here; null when the room is gone */
  const scenarioOf = async (room: string): Promise<ScenarioEntry> => {
    if (entry && code === room) return entry;
    const { text, hash } = await roomScenario(room);
    const e = await checkedServerScenario(text, hash, 'room');
    actions().addScenario(e);
    entry = e;
    return e;
  };

  const send = (msg: ClientMessage) => {
    if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(msg));
  };

  const sendPending = () => {
    const pending = actions().room?.pending;
    if (!pending || !welcomed || sentQuarter === pending.quarter) return;
    sentQuarter = pending.quarter;
    send(pending);
  };

  const gone = (room: string, message: string) => {
    dropSeat(room);
    offerSeat();
    stop();
    actions().roomGone(message);
  };

  /** connects again after `wait` (the server's, when it asked the page to slow down), else a backoff */
  const later = (room: string, wait: Retry = { ms: retryWaitMs(attempts), because: null }) => {
    if (code !== room || retry) return;
    actions().roomLink('retrying', wait.because ?? undefined);
    attempts++;
    retry = setTimeout(() => {
      retry = null;
      void connect(room);
    }, wait.ms);
  };

  const onMessage = (room: string, msg: ServerMessage, scenario: ScenarioEntry) => {
    const a = actions();
    switch (msg.type) {
      case 'welcome':
        if (msg.role !== 'player') return;
        welcomed = true;
        attempts = 0;
        sentQuarter = null;
        a.roomWelcome(scenario, msg.room, msg.game);
        sendPending();
        return;
      case 'accepted':
        sentQuarter = null;
        a.roomAccepted(msg.game);
        return;
      case 'room':
        a.roomChanged(msg.room);
        return;
      case 'deleted':
        gone(
          room,
          "Your facilitator has closed this room, and its games are gone. If the workshop goes on, ask them for the new room's code.",
        );
        return;
      case 'error':
        if (msg.error === 'other_model') return gone(room, OTHER_MODEL_WORDS);
        if (msg.error === 'unauthorized' || msg.error === 'wrong_room') {
          // the kept seat is not this room's any more: join again
          dropSeat(room);
          offerSeat();
          stop();
          a.openRoom(room, null);
          void checkJoinable(store, room);
          return;
        }
        if (DECISION_ERRORS.has(msg.error)) {
          sentQuarter = null;
          a.roomRefused(msg.error, msg.message);
          // the page and the server disagree on where the game is: the welcome settles it
          if (msg.error === 'duplicate' || msg.error === 'out_of_order') socket?.close(4000);
          return;
        }
        a.notify('warning', `The room refused a message: ${msg.message}`);
        return;
      default:
        return;
    }
  };

  const connect = async (room: string) => {
    const seat = readSeat(room);
    if (!seat) {
      actions().openRoom(room, null);
      return;
    }
    let scenario: ScenarioEntry;
    try {
      scenario = await scenarioOf(room);
    } catch (err) {
      if (code !== room) return;
      if (err instanceof RoomApiError && err.code === 'no_room') return gone(room, goneWords(room));
      // a busy server (rate_limited) is a wait like no connection, not a reason to give up the seat
      const wait = retryAfter(err, attempts);
      if (!wait && err instanceof RoomApiError) return gone(room, err.message);
      later(room, wait ?? undefined);
      return;
    }
    if (code !== room) return;
    const ws = new WebSocket(liveUrl(room));
    socket = ws;
    welcomed = false;
    ws.addEventListener('open', () => {
      ws.send(JSON.stringify({ type: 'hello', role: 'player', token: seat.token }));
    });
    ws.addEventListener('message', (e) => {
      const msg = readServerMessage(e.data);
      if (socket === ws && msg) onMessage(room, msg, scenario);
    });
    ws.addEventListener('close', (e) => {
      if (socket !== ws) return;
      socket = null;
      welcomed = false;
      if (e.code === CLOSE_GONE) gone(room, goneWords(room));
      else if (e.code === CLOSE_OTHER_MODEL) gone(room, OTHER_MODEL_WORDS);
      else later(room);
    });
  };

  const join = async (room: string, name: string) => {
    // a seat this browser already holds in the room (the code typed again after a reload)
    // is taken back, rather than refused as a name already in the room
    const kept = readSeat(room);
    if (kept) {
      actions().roomConnecting(kept.name);
      return;
    }
    joining = true;
    try {
      const joined = await joinRoom(room, name);
      keepSeat(room, {
        token: joined.playerToken,
        name: joined.name,
        playerId: joined.playerId,
        keptAt: Date.now(),
      });
      offerSeat();
      if (code !== room) return;
      actions().roomConnecting(joined.name);
    } catch (err) {
      const nameTaken = err instanceof RoomApiError && err.code === 'name_taken';
      actions().roomJoinFailed(joinRefusal(room, err), nameTaken ? 'name' : 'code');
    } finally {
      joining = false;
    }
  };

  const follow = () => {
    const room = actions().room;
    if (!room) {
      if (code) {
        stop();
        showRoomInAddress(null);
      }
      code = null;
      entry = null;
      return;
    }
    if (room.code !== code) {
      stop();
      code = room.code;
      entry = null;
      attempts = 0;
    }
    // joined (or rejoining): the address carries the room, so a reload comes back to it
    if (room.link !== 'join' && room.link !== 'gone') showRoomInAddress(room.code);
    if (room.link === 'join' && room.joining !== null && !joining)
      void join(room.code, room.joining);
    if (room.link === 'connecting' && !socket && !retry) {
      // marked before the first await, so the store's next change does not connect twice
      retry = setTimeout(() => {
        retry = null;
        void connect(room.code);
      }, 0);
    }
    sendPending();
  };

  store.subscribe(follow);
  follow();
  offerSeat();

  setInterval(() => {
    if (welcomed) send({ type: 'ping' });
  }, PING_MS);
  // a timed room moves on by the clock, with no message from the server
  setInterval(() => {
    const s = actions();
    if (s.room?.room?.pacing.mode === 'timer' && s.screen === 'room') s.roomTick();
  }, 1000);
  // back on a network: try at once rather than at the end of the current wait
  window.addEventListener('online', () => {
    if (code && !socket && retry) {
      clearTimeout(retry);
      retry = null;
      attempts = 0;
      void connect(code);
    }
  });
}

/**
 * Opens the room a join link names (`?room=CODE`): rejoins with a kept seat, or the join
 * form, which says at once if the room is not there or play has ended in it.
 */
export function openRoomFromUrl(store: GameStore, code: string): void {
  const seat = readSeat(code);
  store.getState().openRoom(code, seat?.name ?? null);
  if (!seat) void checkJoinable(store, code);
}
