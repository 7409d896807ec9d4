import type { ModelParams, StyleParams } from './types.ts';

// Defaults tuned so the source texts' claims hold (tests/sim/claims.test.ts pins them).
// A scenario may override any of them under `params:`.

const directive: StyleParams = {
  effort: 0.18,
  morale: -0.06,
  autonomy: -0.12,
  trust: -0.01,
  forced: 0.6,
  converge: 0,
  rebound: 30,
};

const collaborative: StyleParams = {
  effort: 0,
  morale: 0.04,
  autonomy: 0.08,
  trust: 0.03,
  forced: 0,
  converge: 0.2,
  rebound: 0,
};

export const DEFAULT_PARAMS: ModelParams = {
  trustFloor: 0.3,
  habit: 1.2,
  breadthHabit: 1.5,
  breadthPull: 0.4,
  rateUp: 0.3,
  rateDown: 0.7,
  loyalty: 0.04,
  noise: 0.06,
  marketGrowth: 0.01,
  planGrowth: 0.025,
  commission: 0.05,
  forcedDecay: 0.5,
  moraleFromPlan: 0.15,
  brandUp: 0.15,
  brandDown: 0.3,
  styles: { directive, collaborative },
};

export const NEUTRAL_STYLE: StyleParams = {
  effort: 0,
  morale: 0,
  autonomy: 0,
  trust: 0,
  forced: 0,
  converge: 0,
  rebound: 0,
};

/**
 * In a crisis (a situation of kind `crisis`), the share of a style's slow wear and build
 * (morale, autonomy, trust, convergence, rebound) that still applies: the team accepts a
 * fast call, and a consultation has no time to build anything. Speed (effort, forced
 * alignment) applies in full.
 */
export const CRISIS_STYLE_SHARE = 0.25;

/**
 * Below this team alignment the customer sees a fragmented supplier, and each quarter it
 * loses CONFUSION × (CONFUSION_FROM − alignment) of its trust in us, at most
 * CONFUSION_MAX a quarter: disunity costs trust at once, while unity earns it only
 * slowly, through how the team works with the customer.
 */
export const CONFUSION_FROM = 0.9;
export const CONFUSION = 0.6;
export const CONFUSION_MAX = 0.08;

/**
 * How much breadth of contacts shields the customer from rivals: a rival's pull reaches it
 * divided by (1 + BREADTH_SHIELD × breadth), so a competitor's push moves a customer that
 * works with us across its organisation less than one we reach through a single buyer.
 */
export const BREADTH_SHIELD = 1;
