import type { AnswerKeyClosed } from '../../store/answer-key.ts';
import { answerKeyState } from '../../store/answer-key.ts';
import type { GameState } from '../../store/types.ts';

// The debrief's words for an answer key that is closed (the rule: src/store/answer-key.ts),
// in one place for the what-if and the par lines, so both give the same reason.

/** Why the what-if is closed, after "the what-if". */
export const WHATIF_CLOSED: Record<AnswerKeyClosed, string> = {
  facilitator: ' opens when your facilitator releases it to the room.',
  'result-not-kept':
    " opens once you have handed in this attempt's result (copy its code or download its file above).",
  'being-graded': ' opens once the server has graded this attempt, in a moment.',
  'attempts-left':
    ', which reply would have scored more and how the best path scores open when you have no attempts left (or once the due date has passed). Your next attempt plays this scenario again, so they would give its answers away.',
  rehearsal:
    ', which reply would have scored more and how the best path scores stay closed in practice between assessed attempts: your next attempt plays this scenario again. They open in the debrief of your last attempt.',
};

/** Why the verdicts on each reply are closed while an attempt that counts remains. */
export const VERDICTS_CLOSED =
  'Which of your replies were the strongest, and which reply would have done better, are shown when you have no attempts left: your next attempt plays this scenario again.';

/** Why the par lines are closed, as a sentence. */
const PAR_CLOSED: Record<Exclude<AnswerKeyClosed, 'facilitator'>, string> = {
  'result-not-kept':
    "The par lines, the best path's score among them, open once you have handed in this attempt's result.",
  'being-graded':
    "The par lines, the best path's score among them, open once the server has graded this attempt.",
  'attempts-left':
    "The par lines, the best path's score among them, open when you have no attempts left (or once the due date has passed).",
  rehearsal:
    "The par lines, the best path's score among them, stay closed in practice between assessed attempts.",
};

/**
 * Why the par lines (the best path's score beside fixed ways of playing) are not shown,
 * or null when they are: an assessed debrief closes them with the rest of the key; a live
 * room shows them, as it always has.
 */
export function parClosedNote(s: GameState, now: number): string | null {
  const closed = answerKeyState(s, now);
  return closed === null || closed === 'facilitator' ? null : PAR_CLOSED[closed];
}
