import type { GameContext } from '../save/format.ts';
import { assessedTryLeft } from './attempts-left.ts';
import type { GameState } from './types.ts';

// The one rule of what an assessed debrief may show of its answer key: which reply would
// have scored more in each quarter (and whether each reply was the strongest), the
// what-if, and the par lines with the best path's score. The static assignment link, the
// LMS packages and the server's assessed attempts (LTI launches included) all follow it; a
// live room's facilitator releases the key to the room instead.
//
// The key stays closed while an attempt that counts remains: a link's and a package's next
// attempt replays this very market, and the server's deals another market of the same
// scenario, where the same answers still help. It opens once none is left (or the due
// date has passed) and the result is kept where it counts.
//
// Practice started from such a debrief (this market again, or a new market of the same
// scenario) keeps the key closed too, and so does every game started from that practice's
// debrief: a new market of the scenario being assessed is dealt by the same rules, so its
// best path and better replies would carry into the next attempt much as the assessed
// market's own would. Its outcomes, score and fair score stay open: they say how the
// trainee's own calls went, and nothing about the calls they did not make.

/** What an assessed debrief knows about its attempt. */
export interface AttemptStanding {
  /** the result is kept where it counts: handed in (static link, LMS) or graded by the server */
  resultKept: boolean;
  /** another attempt that counts can still be played (attempts left, due date not passed) */
  anotherAttemptCounts: boolean;
}

/** Why the answer key is closed, or null when it is open. */
export type AnswerKeyClosed =
  /** a live room: the facilitator has not released the what-if */
  | 'facilitator'
  /** the attempt's result is not handed in yet (a link, an LMS package) */
  | 'result-not-kept'
  /** the server has not graded the attempt yet: nothing for the trainee to hand in */
  | 'being-graded'
  /** an attempt that counts remains: the answers would carry into it */
  | 'attempts-left'
  /** practice started from an assessed debrief while an attempt that counts remained */
  | 'rehearsal';

/** May this assessed debrief show its answers? */
export function answersClosedBecause(a: AttemptStanding): AnswerKeyClosed | null {
  if (a.anotherAttemptCounts) return 'attempts-left';
  if (!a.resultKept) return 'result-not-kept';
  return null;
}

/** The debrief's answer key on show at `now`: null when open, else why it is closed. */
export function answerKeyState(
  s: Pick<GameState, 'context' | 'debrief' | 'room'>,
  now: number,
): AnswerKeyClosed | null {
  // in a live room the facilitator releases the what-if for everyone at once
  if (s.room && !s.room.assessment) return s.room.room?.release.whatIf ? null : 'facilitator';
  if (!s.room && s.context.kind === 'practice' && s.context.answersClosed) return 'rehearsal';
  const tryLeft = assessedTryLeft(s, now);
  if (tryLeft === null) return null;
  const closed = answersClosedBecause({
    resultKept: s.room?.assessment
      ? s.room.assessment.result !== null
      : (s.debrief?.handedIn ?? false),
    anotherAttemptCounts: tryLeft,
  });
  return closed === 'result-not-kept' && s.room?.assessment ? 'being-graded' : closed;
}

/**
 * Whether the debrief may name the best path's choices at `now`. The server's attempt names
 * them with the rest of its key, since every attempt there is dealt a market of its own; an
 * assignment link or an LMS package never does, since its market may be shared (one seed
 * for a cohort, or every learner the LMS does not name); a live room once the facilitator
 * releases them.
 */
export function bestPathShown(
  s: Pick<GameState, 'context' | 'debrief' | 'room'>,
  now: number,
): boolean {
  if (s.room?.assessment) return answerKeyState(s, now) === null;
  if (s.room) return s.room.room?.release.bestPath ?? false;
  return s.context.kind !== 'assignment' && answerKeyState(s, now) === null;
}

/**
 * The context of a practice game started from the game on show at `now` (this market
 * again, or a new market): counted nowhere, read against the assessment's pass mark where
 * there is one, and with its answer key closed while an attempt that counts remains (or
 * when the game on show is such practice itself).
 */
export function practiceContext(
  s: Pick<GameState, 'context' | 'room'>,
  now: number,
): Extract<GameContext, { kind: 'practice' }> {
  const { context } = s;
  const passMark =
    s.room?.assessment?.passMark ??
    (context.kind === 'assignment' || context.kind === 'practice' ? context.passMark : undefined);
  const closed =
    assessedTryLeft(s, now) === true ||
    (!s.room && context.kind === 'practice' && context.answersClosed === true);
  return {
    kind: 'practice',
    ...(passMark === undefined ? {} : { passMark }),
    ...(closed ? { answersClosed: true } : {}),
  };
}
