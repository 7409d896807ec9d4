import type { CountedAttempt } from '../room/counted-attempt.ts';
import type { Decide, PublicRoom } from '../room/protocol.ts';
import type { ScenarioDef } from '../sim/index.ts';

// A live room as the game page plays it. The server holds the game: this is what the page
// was last told (the room, the trainee's accepted choices as the store's `sim`), the one
// decision on its way, and how the connection stands. The room client (src/app/room/)
// does the talking and reports here; the screens draw it.

export type RoomLink =
  /** the join form is on show (no token for this room on this device yet) */
  | 'join'
  /** joining or opening the socket, before the server's welcome */
  | 'connecting'
  | 'live'
  /** the socket dropped: trying again with backoff; nothing is lost, the server holds it */
  | 'retrying'
  /** the room is gone (deleted, expired, a wrong code) or no room server serves this page */
  | 'gone';

/**
 * An assessed attempt played through the server (an assignment's personal link): the same
 * machinery as a live room, with the server dealing the market, counting attempts and
 * grading. The answer key stays closed until the server has graded and signed the attempt.
 */
export interface AssessmentPlay {
  id: string;
  title: string;
  attempt: number;
  attempts: number;
  passMark: number;
  /** the assignment's due moment (ISO), if it has one: past it the server starts no attempt */
  due?: string;
  /** the result file the server graded and signed, once the attempt is finished */
  result: Record<string, unknown> | null;
  /** the attempt that counts once this one is graded: the best so far (counted-attempt.ts) */
  counted?: CountedAttempt | null;
  /** before the attempt starts: its rules on screen, until the trainee presses Start */
  rules: AttemptRules | null;
}

/**
 * A new attempt's rules, shown before it starts: the server deals its market and counts
 * it only when the trainee presses Start, so opening the link costs no attempt.
 */
export interface AttemptRules {
  scenario: ScenarioDef;
  /** the assignment's due date (ISO), if it has one */
  due: string | null;
  /** Start was pressed: the page is asking the server to deal the attempt */
  starting: boolean;
}

export interface RoomPlay {
  code: string;
  /** the display name this device joined with */
  name: string | null;
  link: RoomLink;
  room: PublicRoom | null;
  /** the server's clock minus this device's, so a timed room's countdown agrees with it */
  skew: number;
  /** a decision sent (or to send once connected) and not yet accepted */
  pending: Decide | null;
  /** the join form asked the client to join with this name */
  joining: string | null;
  /** why joining failed, or why the room is gone, in words */
  problem: string | null;
  /** which field of the join form the problem is about: the form puts it there */
  problemField?: 'code' | 'name';
  /** while retrying: why the page waits, when the server asked it to (too many requests) */
  waiting: string | null;
  /** set when this is an assessed attempt rather than a live room */
  assessment: AssessmentPlay | null;
}
