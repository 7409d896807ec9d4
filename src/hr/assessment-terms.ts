import { field } from './field.ts';

// The pass mark and the attempts allowed, as both of HR's assessment forms ask for them
// (the static "Assign a scored session" and the server's "Create an assessment"), in one
// wording: what the mark is read against, and what an attempt is where it is played. The
// attempts differ by what really happens: a link's attempt replays the trainee's market
// (src/links), the server deals each attempt a new one (src/server/assignments/deal.ts).

export type AttemptsWhere = 'link' | 'server';

export const PASS_MARK_LABEL = 'Pass mark (fair score, 0–100)';

export const PASS_MARK_HINT =
  "The fair score is the share of all strategies on the trainee's market that scored lower. A result passes at this mark or above, whatever the scenario's own pass mark. Above 70, a trainee who follows one fixed rule without reading the situation (always the same style, say) fails on most markets.";

const ATTEMPT_IS: Record<AttemptsWhere, string> = {
  link: "Each attempt replays the trainee's market from the first quarter. When you check the results, the best attempt within the limit counts; one over it is listed but does not count.",
  server:
    'Each attempt deals the trainee a new market of the scenario. The best attempt (the highest fair score) counts; the server starts no attempt beyond the limit.',
};

const KEY_CLOSED =
  ' While an attempt is left, the debrief keeps the answers (best path, what-if) closed.';

export const attemptsHint = (where: AttemptsWhere): string => ATTEMPT_IS[where] + KEY_CLOSED;

/** The pass mark's and the attempts' fields, labelled and explained alike on both forms. */
export function assessmentTermFields(
  pass: HTMLInputElement,
  attempts: HTMLInputElement,
  where: AttemptsWhere,
): HTMLElement[] {
  return [
    field(PASS_MARK_LABEL, pass, PASS_MARK_HINT),
    field('Attempts allowed', attempts, attemptsHint(where)),
  ];
}
