import type { GameState } from './types.ts';

// The one rule of what an assessed debrief may show of its answer key: which reply would
// have scored more in each quarter, and the what-if. The static assignment link, the LMS
// package and the server's assessed attempt all follow it; a live room's facilitator
// releases the key to the room instead.

/** What an assessed debrief knows about its attempt. */
export interface AttemptStanding {
  /** the result is kept where it counts: handed in (static link, LMS) or graded by the server */
  resultKept: boolean;
  /** attempts still allowed after this one */
  attemptsLeft: number;
  /** the next attempt replays this same market (static link, LMS), rather than a new deal */
  nextReplaysThisMarket: boolean;
}

/** Why the answer key is closed, or null when it is open. */
export type AnswerKeyClosed =
  /** a live room: the facilitator has not released the what-if */
  | 'facilitator'
  /** the attempt's result is not handed in (or graded) yet */
  | 'result-not-kept'
  /** a later attempt replays this market: the answers would carry into it */
  | 'attempts-left';

/** May this assessed debrief show its answers? */
export function answersClosedBecause(a: AttemptStanding): AnswerKeyClosed | null {
  if (a.attemptsLeft > 0 && a.nextReplaysThisMarket) return 'attempts-left';
  if (!a.resultKept) return 'result-not-kept';
  return null;
}

/** The debrief's answer key on show now: null when open, else why it is closed. */
export function answerKeyState(
  s: Pick<GameState, 'context' | 'debrief' | 'room'>,
): AnswerKeyClosed | null {
  const assessment = s.room?.assessment;
  if (assessment)
    return answersClosedBecause({
      resultKept: assessment.result !== null,
      attemptsLeft: assessment.attempts - assessment.attempt,
      // the server deals every attempt a market of its own
      nextReplaysThisMarket: false,
    });
  // in a live room the facilitator releases the what-if for everyone at once
  if (s.room) return s.room.room?.release.whatIf ? null : 'facilitator';
  if (s.context.kind !== 'assignment') return null;
  return answersClosedBecause({
    resultKept: s.debrief?.handedIn ?? false,
    attemptsLeft: s.context.attempts - Math.max(1, s.context.attempt),
    nextReplaysThisMarket: true,
  });
}
