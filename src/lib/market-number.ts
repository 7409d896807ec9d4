// A market's number as people say it. Trainees see it on their briefing and debrief
// ("market #…2d7a"), facilitators on the workshop's pages, and HR beside each trainee: a
// trainee who quotes it is understood everywhere. It is for talking about a market, not
// an identifier: the whole seed (in result files and HR's exports) is the one to check.

/** Seeds up to this long are shown whole; longer ones (an assignment's) are cut short. */
const SHORT_SEED = 8;

/**
 * The market's number as a trainee can read it out: a short seed whole, a long one (an
 * assignment's per-trainee seed, such as "mnasyai7~d2d78c4b11") by its last four
 * characters, which tell a cohort's markets apart.
 */
export function marketNumber(seed: string): string {
  return seed.length <= SHORT_SEED ? seed : `…${seed.slice(-4)}`;
}

/** "#…2d7a": the number as HR's tables and exports show it, beside the trainee. */
export const marketShort = (seed: string): string => `#${marketNumber(seed)}`;
