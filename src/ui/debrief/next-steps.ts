import type { GameContext } from '../../save/format.ts';
import type { AssessmentPlay } from '../../store/room-types.ts';

// What the debrief offers next. Practice and a workshop replay the market or deal a new
// one. An assessed game must not offer a replay that looks like it counts: its next
// attempt is named as one, with the attempts left, and a game that does not count says so
// on its button. Practice on the assessed market itself is offered only when no attempt is
// left to rehearse for (the static link and the LMS package replay the same market), or
// when the server deals the next attempt a market of its own.

export type NextStepAction =
  /** practice and workshops: this market again */
  | 'replay'
  /** practice and workshops: a new seed, as practice */
  | 'new-market'
  /** an assignment link's or the LMS package's next attempt on this market: it counts */
  | 'next-attempt'
  /** this market again as practice, outside the assessment: it does not count */
  | 'practise-this'
  /** a new market as practice: it does not count */
  | 'practise-new';

export interface NextStep {
  action: NextStepAction;
  label: string;
  primary: boolean;
}

export interface NextSteps {
  /** the attempts left, in words, for an assessed game */
  note: string | null;
  steps: NextStep[];
}

const NOT_GRADED = '(practice, not graded)';

const attemptsLeft = (left: number) =>
  left <= 0 ? 'No attempt left.' : left === 1 ? '1 attempt left.' : `${left} attempts left.`;

/** `assessment`: an attempt played through the server; `context`: how this game was opened. */
export function nextSteps(context: GameContext, assessment: AssessmentPlay | null): NextSteps {
  if (assessment) {
    // the server's result block offers the next attempt (a market the server deals anew);
    // while one is left, practice is on a new market, as on a link
    const left = assessment.attempts - assessment.attempt;
    return {
      note: `Attempt ${assessment.attempt} of ${assessment.attempts}. ${attemptsLeft(left)}`,
      steps: [
        left > 0
          ? { action: 'practise-new', label: `Play a new market ${NOT_GRADED}`, primary: false }
          : {
              action: 'practise-this',
              label: `Play this market again ${NOT_GRADED}`,
              primary: false,
            },
      ],
    };
  }
  if (context.kind === 'assignment') {
    const attempt = Math.max(1, context.attempt);
    const left = context.attempts - attempt;
    const note = `Attempt ${attempt} of ${context.attempts}. ${attemptsLeft(left)}`;
    return left > 0
      ? {
          note,
          steps: [
            {
              action: 'next-attempt',
              label: `Start attempt ${attempt + 1} of ${context.attempts}`,
              primary: true,
            },
            { action: 'practise-new', label: `Play a new market ${NOT_GRADED}`, primary: false },
          ],
        }
      : {
          note,
          steps: [
            {
              action: 'practise-this',
              label: `Play this market again ${NOT_GRADED}`,
              primary: false,
            },
          ],
        };
  }
  return {
    note: null,
    steps: [
      { action: 'replay', label: 'Replay this market', primary: true },
      { action: 'new-market', label: 'New market', primary: false },
    ],
  };
}
