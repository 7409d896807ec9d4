import { startLms } from '../../lms/start.ts';
import type { SaveBook } from '../../save/saves.ts';
import type { ScenarioDef } from '../../sim/index.ts';
import type { GameStore } from '../../store/game-store.ts';
import type { CensusService } from '../../workers/census-service.ts';
import { startRooms } from '../room/start.ts';
import { censusPrefetch } from './census-prefetch.ts';
import { debriefWork } from './debrief-work.ts';
import { keepRoomOutcome } from './room-outcome.ts';
import { roomQuarterOpens } from './room-tick.ts';
import { saveGame } from './save.ts';

// Every side effect the game's state sets off, registered here once at start-up: screens
// only draw the store's state and call its actions, and these subscribers do the rest.
// - census-prefetch.ts: a market's census, started in the worker once play is under way
// - debrief-work.ts: the fair score and the explanation for the debrief on screen
// - room-tick.ts: a live room's next quarter, the moment it opens
// - src/lms/attach.ts (through startLms): progress and the fair score reported to an LMS
// - src/app/room/ (through startRooms): a live room's socket, sending the calls the store
//   records and turning what the server says into store actions
// - save.ts: the game in progress, an assessed attempt's count and the settings, kept on
//   this device (src/save/); first, so a game the LMS plays on is kept from its start
// - room-outcome.ts: which quarter's outcome a game the server holds had on show, so a
//   reload opens on it again

export interface EffectsContext {
  census: CensusService;
  /** this device's saved games and values: the same book the store reads */
  saves: SaveBook;
  now(): number;
  /** for the SCORM adapter: the page's window, the bundled scenarios and the build's settings */
  lms?: {
    win: Parameters<typeof startLms>[0];
    scenarios: readonly { scenario: ScenarioDef; hash: string }[];
    env: Record<string, string | boolean | undefined>;
  };
  /** the page's query string, for a live room's join code; absent: no live rooms */
  roomSearch?: string;
}

/** Starts every effect; the answer stops them (tests, a page going away). */
export function startEffects(store: GameStore, ctx: EffectsContext): () => void {
  const stops = [
    saveGame(store, ctx.saves, ctx.now),
    censusPrefetch(store, ctx.census),
    debriefWork(store, ctx.census),
    roomQuarterOpens(store),
    keepRoomOutcome(store, ctx.saves),
  ];
  if (ctx.roomSearch !== undefined) {
    // live rooms, when the room server serves this page
    void startRooms(store, ctx.roomSearch).catch((err: unknown) => console.warn(err));
  }
  if (ctx.lms) {
    // inside an LMS (SCORM package): the package's market for this learner, reported to it
    const { win, scenarios, env } = ctx.lms;
    const attached = startLms(win, store, scenarios, env, ctx.census);
    stops.push(() => void attached.then((a) => a?.detach()));
  }
  return () => {
    for (const stop of stops) stop();
  };
}
