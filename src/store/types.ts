import type { GameContext } from '../save/format.ts';
import type { Settings } from '../save/values.ts';
import type { ScenarioDef, SimState } from '../sim/index.ts';
import type { DebriefState } from './debrief-types.ts';
import type { ReflectionState } from './reflection-actions.ts';
import type { RoomPlay } from './room-types.ts';

export type { GameContext, Settings };

/** A scenario the app can play, with the content hash records and saves refer to. */
export interface ScenarioEntry {
  scenario: ScenarioDef;
  hash: string;
  /** the YAML text, for a scenario that came with a workshop link */
  yaml?: string;
}

export type Screen =
  | 'title'
  | 'choose'
  | 'briefing'
  | 'play'
  | 'debrief'
  | 'link-error'
  /** the market on show is being played in another tab */
  | 'elsewhere'
  /** a live room: joining, connecting, waiting for a quarter or the debrief, or gone */
  | 'room';

export interface Notice {
  id: number;
  tone: 'info' | 'warning' | 'error';
  text: string;
  /** read on the screen where it arrives and gone from the next (the offline notice, welcome back) */
  once?: boolean;
  /** news that asks nothing of the player (the game now plays offline): shown after the screen */
  aside?: boolean;
}

/** A saved game the title screen offers to resume. */
export interface ResumeOffer {
  key: string;
  scenarioId: string;
  title: string;
  seed: string;
  played: number;
  quarters: number;
  finished: boolean;
  context: GameContext;
  updated: number;
  /** why it cannot be resumed (damaged, another model, a scenario changed): the player may only remove it */
  problem?: string;
}

export interface GameState {
  screen: Screen;
  /** the scenarios this app can play: the bundled ones, then any from a workshop link */
  scenarios: ScenarioEntry[];
  /** the market being played (or briefed, or debriefed) */
  entry: ScenarioEntry | null;
  context: GameContext;
  /**
   * On an assessed session's briefing, the attempt this game will be once play starts (the
   * attempts this browser has used, plus one), so the trainee reads its number before it
   * counts; null elsewhere. The context's own attempt is set, and counted, at the start.
   */
  attemptAhead: number | null;
  sim: SimState | null;
  /** the state before the last decision, for the rope view's animation; null at rest */
  previous: SimState | null;
  /** 'outcome' while the quarter just played is on show, before the next decision */
  phase: 'decide' | 'outcome';
  /** goes up by one each time a quarter is played */
  playId: number;
  /** the rope view is animating the last quarter */
  animating: boolean;
  skipped: boolean;
  /** the rope view has loaded and will report when an animation ends */
  viewReady: boolean;
  settings: Settings;
  systemReducedMotion: boolean;
  notices: Notice[];
  saves: ResumeOffer[];
  /** the save key of the market this tab has claimed (see market-lock.ts); null when none */
  market: string | null;
  /** whether this tab may play that market: another tab may hold it */
  tab: 'checking' | 'held' | 'elsewhere';
  /** what is wrong with the link the page was opened with */
  linkError: string | null;
  /** the game in progress cannot be kept across a reload (storage refused) */
  unsaved: boolean;
  /** the finished game's debrief: fair score, explanation, what-if, timeline; null before */
  debrief: DebriefState | null;
  /** the trainee's reflection notes on the market on show (read when its debrief opens); null before */
  reflection: ReflectionState | null;
  /** the live room this page plays in (src/store/room-actions.ts); null outside one */
  room: RoomPlay | null;
  /** the page is served by the room server, so live rooms can be joined from it */
  roomServer: boolean;
  /** a live room this browser holds a seat in (the newest joined): the title offers a way back */
  keptRoom: { code: string; name: string } | null;
  /** a way back to where the game was opened from (a cmi5 LMS's returnURL); null: none */
  exit: ExitOffer | null;
}

/** What the top bar's way out says, and what it does (the LMS adapter's, not the store's). */
export interface ExitOffer {
  label: string;
  leave(): void;
}
