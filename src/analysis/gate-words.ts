// The balance gates in a facilitator's words: each gate asked as a question that a
// balanced scenario answers "yes", each fixed way of playing described as a player, and
// what to change in the scenario file when a gate fails. The advice is docs/authoring.md's
// ("Reaching each target"), condensed; keep the two saying the same.

import { switchRuleNamed } from '../sim/index.ts';
import type { SwitchRules } from './gates.ts';

/** A sentence from words that may start with a lower-case letter. */
export const capitalise = (t: string): string => t.charAt(0).toUpperCase() + t.slice(1);

/** Where the advice is told at length, for a reader who has the project's docs. */
export const ADVICE_SOURCE = 'docs/authoring.md, "Reaching each target"';
export const ADVICE_LINK = 'docs/authoring.md#reaching-each-target';

const NAMED_PLAYERS: Record<string, string> = {
  'first-shown': 'a player who always takes the first reply shown',
  'crisis-rule':
    'a player who takes the collaborative reply, or the directive one when the situation is a crisis',
  greedy: 'a player who takes the best-looking reply for the next quarter only',
  random: 'a player who picks replies at random',
};

/** A fixed way of playing (a policy of src/sim/policies.ts) described as the player. */
export function policyPlayer(policy: string): string {
  const named = NAMED_PLAYERS[policy];
  if (named !== undefined) return named;
  const rule = switchRuleNamed(policy);
  if (rule !== null) {
    const first = rule.quarters === 1 ? 'the first quarter' : `the first ${rule.quarters} quarters`;
    return `a player who takes the ${rule.first} reply for ${first}, then the ${rule.then} one`;
  }
  return `a player who always takes the ${policy} reply`;
}

/** How the rules that change style once fare, in words: the first gate's second half. */
export function switchWords(w: SwitchRules): string {
  const { limits } = w;
  const strongest = `the strongest, ${policyPlayer(w.worst.policy)}, does better than ${Math.round(w.worst.medianPercentile)}% of all ways to play (the median over the seeds) and ends ${w.worst.gap.toFixed(1)} points under the best path`;
  return w.failing === 0
    ? `every one of the ${w.rules} rules that take one style for some quarters and another after stays at or below ${limits.percentile}% and at least ${limits.gap} points under the best path too; ${strongest}`
    : `${w.failing} of the ${w.rules} rules that take one style for some quarters and another after ${w.failing === 1 ? 'comes' : 'come'} too near the best path (a balanced scenario keeps each at or below ${limits.percentile}% and at least ${limits.gap} points under it); ${strongest}`;
}

/** The gates by their names in gates.ts: the question, asked so that "yes" passes. */
export const GATE_QUESTIONS: Record<string, string> = {
  'label-reading policies lose':
    'Does a player who follows a fixed rule, or changes style once, without reading the situation, fall clearly behind the best path?',
  'judgement matters': 'Does the best reply depend on what the player did before?',
  'no dead choice': 'Is every reply part of one of the strongest ways to play in some games?',
  'luck stays second': 'Do the choices matter more than luck?',
};

/** What to change in the scenario file when a gate fails. */
export const GATE_FIXES: Record<string, string> = {
  'label-reading policies lose':
    "The labels or the next quarter give the answer away. Make the usual winner depend on the state the player built: a push where trust may be high or low, a handover where the team may or may not be ready, a firm call to a team that may be newer or experienced. Do not put the directive label on every winning crisis reply. Give the good replies slow returns (give, involve, later effects) and let some quick ones send their bill later (a push at low trust, a later cost). Where a rule that changes style once comes near the best path, make a late reply depend on what the team and the customer have become: aim a handover at the one person whose readiness decides it, let people handed the work drift their own way, keep a price or a company policy the manager's call, and give a style a credible wrong reply beside its right one (each must win somewhere).",
  'judgement matters':
    'One reply wins almost everywhere, so the player needs no judgement there. Let earlier decisions change what the later replies meet: a quarter that can earn trust or spend it, a quarter that can build the team (skill, autonomy, shared contacts) or wear it down.',
  'no dead choice':
    'Give each reply listed a situation in which it wins rather than making its effects bigger: a push needs a path on which trust was built, a handover a path that built the team, a firm call a newer team or real time pressure. A reply no manager would ever choose is a straw man: rework it into a credible one.',
  'luck stays second':
    'Make the events smaller than what the replies do, tie them to what the player did with "when" (a rival strikes when trust is low), or lower params.noise.',
};

/** What to change when copying a colleague's replies carries over (copying.ts). */
export const COPYING_FIX =
  "A colleague's best replies work on a market dealt another starting situation, so each trainee need not read their own. Make the starting situations (markets:) call for different replies at some decisions: a person seasoned in one and new in another, so that handing them the account is right in one and wrong in the other; a customer that trusts us in one and not in another, so that a push pays in one only.";

/** What to change when a copy from the variant dealt before still passes (copying.ts). */
export const DEALT_NEXT_FIX =
  "One starting situation's best path still passes on the next one dealt, so a trainee could hand in the replies of the colleague who started just before. Find the decision where the two starting situations should part (who is ready to carry the account, how far the customer trusts us, how strong the rival is) and make the first one's best reply cost the second one enough points there.";
