import type { ModelParams, StyleParams } from './types.ts';

// Defaults tuned so the source texts' claims hold (tests/sim/claims.test.ts pins them).
// A scenario may override any of them under `params:`.

export const DEFAULT_PARAMS: ModelParams = {
  trustFloor: 0.3,
  habit: 0.8,
  breadthHabit: 1.5,
  breadthPull: 0.4,
  rateUp: 0.45,
  rateDown: 0.8,
  loyalty: 0.04,
  noise: 0.06,
  marketGrowth: 0.01,
  planGrowth: 0.025,
  commission: 0.05,
  forcedDecay: 0.5,
  moraleFromPlan: 0.15,
  brandUp: 0.15,
  brandDown: 0.3,
  // model 2: a style's dynamics come from what its replies do (acts.ts), not from its name
  styles: {},
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

// Model 2's answers to what a reply does (acts.ts). Each constant names one claim.

/** share of the gap to the morale their autonomy supports that people close each quarter */
export const MORALE_DRIFT = 0.2;
/** competence from which a person counts as experienced: telling costs them, not helps */
export const READY_SKILL = 0.7;
/** alignment a firm call forces on the team for now, per unit of telling */
export const TELL_FORCED = 0.6;
/** share of a newer person's angle off the line that clear direction closes for good */
export const TELL_GUIDE = 0.5;
/** degrees the fan springs open per unit of forced alignment that relaxes */
export const TELL_REBOUND = 30;
/** share of the fan's rebound a newer person feels, who welcomed the direction */
export const NEWER_REBOUND = 0.3;
/** outside pull a firm call wins under full time pressure */
export const TELL_FIRM = 0.4;
/** share of the team's spread an agreed plan closes, at full competence */
export const INVOLVE_CONVERGE = 0.3;
/** outside pull lost to a quarter of internal meetings, per unit of involving */
export const INVOLVE_COST = 0.15;
/** outside pull lost under full time pressure while the team confers */
export const INVOLVE_DELAY = 0.4;
/** capacity (acts.ts) below which handing over fails */
export const CAPACITY_BAR = 0.3;
/** outside pull per unit of capacity above (or below) the bar, when handing over */
export const DELEGATE_REACH = 1.6;
/** trust from which a push helps rather than backfires */
export const PUSH_TRUST_BAR = 0.4;
/** outside pull per unit of trust above (or below) the bar, when pushing */
export const PUSH_REACH = 1.2;
/** shift of the customer's habits per unit of trust above (or below) the bar, when pushing */
export const PUSH_HOLD = 0.4;
/** pull each rival adds in answer to a push */
export const PUSH_RIVAL = 0.08;
/** share of the missing trust that giving before taking wins */
export const GIVE_TRUST = 0.1;

/**
 * Below this team alignment the customer sees a fragmented supplier, and each quarter it
 * loses CONFUSION × (CONFUSION_FROM − alignment) of its trust in us, at most
 * CONFUSION_MAX a quarter: disunity costs trust at once, while unity earns it only
 * slowly, through how the team works with the customer.
 */
export const CONFUSION_FROM = 0.8;
export const CONFUSION = 0.6;
export const CONFUSION_MAX = 0.08;

/**
 * How much breadth of contacts shields the customer from rivals: a rival's pull reaches it
 * divided by (1 + BREADTH_SHIELD × breadth), so a competitor's push moves a customer that
 * works with us across its organisation less than one we reach through a single buyer.
 */
export const BREADTH_SHIELD = 1;

// Money (001's leeches, 003's value disciplines): what a quarter earns, not only what it sells.

/** gross margin rate at list price of a customer whose scenario gives none */
export const DEFAULT_MARGIN = 0.3;
/** cost to serve, as a share of revenue at list price, of a customer whose scenario gives none */
export const DEFAULT_COST_TO_SERVE = 0.1;
/**
 * Outside pull each quarter per unit of discount below list (0.05 off: 0.15 a quarter): a
 * lower price draws the customer for as long as it lasts, and a price above list pushes it
 * away. The margin it costs lasts as long.
 */
export const PRICE_DRAW = 3;
/** strength each rival adds in answer to a price cut, per unit of the cut */
export const PRICE_RIVAL = 1;
