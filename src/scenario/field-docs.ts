import type { EffectKey, ModelParams, StyleParams } from '../sim/index.ts';

// What each knob does in the model, in words a facilitator can use. The JSON Schema shows
// these in the editor as the author types; docs/authoring.md says the same at length, and
// a test checks that it names every one of them.

export const EFFECT_DOCS: Record<EffectKey, string> = {
  alignment:
    'Lines the team up (+) or splits it (-). 0.2 closes a fifth of the angle between each rep and the customer; -0.2 opens the fan. Alignment multiplies the whole team pull.',
  trust:
    "Change in the customer's trust (0 to 1). Trust is friction: at 0 only 30% of our pull gets through, at 1 all of it.",
  morale:
    "Change in every team member's morale (0.05 to 1). A member's pull is skill x effort x morale.",
  effort:
    "Change in every member's effort (0.2 to 1.6). Effort drifts back towards 1 by 30% each quarter: a push wears off.",
  skill: "Change in every member's skill (0.1 to 1.5). Lasts.",
  autonomy:
    "Change in the reps' say in how they sell (0 to 1). Morale drifts each quarter towards 0.35 + 0.65 x autonomy.",
  contacts:
    "Whole number: contacts gained (+) or lost (-) in the customer's departments. More departments reached (breadth) make the customer harder to win away and strengthen our pull.",
  shareContacts:
    "Whole number: contacts held by one rep only that become the company's (account plan, CRM). They stay when the rep leaves.",
  brand: 'Change in brand strength (0 to 1).',
  competitor: "Change in every competitor's strength (0.05 to 10).",
  competitorAlignment:
    "Change in how unified every competitor pulls (0.05 to 1). A competitor's pull is strength x alignment.",
  outside:
    'An outside force for this quarter only: + pulls the customer towards us (word of mouth, a good reference), - away (bad press). A team pull is typically 1 to 2.',
  market: 'Market size change as a fraction: 0.05 makes the market 5% bigger from now on.',
  home: "Moves the customer's status quo on the line from -1 (the competitor's) to +1 (ours).",
  price:
    'Our price against list, as a fraction: -0.05 is a 5% discount (0.5 to 1.5 of list). A discount costs margin on every unit sold for as long as it lasts, draws the customer each quarter (0.15 of pull for 5%), and every rival answers it.',
  costToServe:
    'Change in the cost to serve, as a share of revenue at list price (0 to 2): visits, service, rush deliveries, custom work.',
  leech:
    "Share of the customer's leech segment we serve (0 to 1): -1 drops it (its revenue and its cost go), 1 takes it back. Needs customer.leech.",
};

export const STYLE_DOCS: Record<keyof StyleParams, string> = {
  effort: 'Effort change each time a choice of this style is made.',
  morale: 'Morale change each time a choice of this style is made.',
  autonomy: 'Autonomy change each time a choice of this style is made.',
  trust: 'Trust change each time a choice of this style is made.',
  forced:
    'Alignment forced on the team at once (0 to 0.95): the angles are pulled in by this fraction, then relax by forcedDecay each quarter.',
  converge: 'Lasting alignment: the fraction of the angles closed for good (an alignment effect).',
  rebound:
    'Degrees the team fan springs open, per unit of forced alignment, as forced alignment relaxes.',
};

export const PARAM_DOCS = {
  trustFloor: 'Fraction of our pull that gets through when trust is 0 (default 0.3).',
  habit: "Stiffness of the customer's habits: how hard it is held at its status quo (default 0.8).",
  breadthHabit:
    'How much breadth of contacts stiffens the habit, so the customer is harder to win away (default 1.5).',
  breadthPull: 'How much breadth of contacts strengthens our pull (default 0.4).',
  rateUp: 'How fast the customer moves towards us, per quarter (default 0.45).',
  rateDown:
    'How fast it moves away; larger than rateUp, because what unity builds disunity loses faster (default 0.8).',
  loyalty:
    'How fast the status quo drifts to where the customer sits: habit becoming loyalty (default 0.04).',
  noise: 'Size of the seeded outside gust each quarter (default 0.06).',
  marketGrowth: 'Market growth per quarter, as a fraction (default 0.01).',
  planGrowth: 'Growth of the sales plan per quarter, as a fraction (default 0.025).',
  commission: "Share of revenue that goes to the reps' earnings (default 0.05).",
  forcedDecay: 'Fraction of forced alignment left after each quarter (default 0.5).',
  moraleFromPlan: 'How strongly beating or missing the plan moves morale (default 0.15).',
  brandUp: 'How fast brand strength grows towards alignment x share (default 0.15).',
  brandDown: 'How fast brand strength falls towards it (default 0.3).',
} satisfies Partial<Record<keyof ModelParams, string>>;

/** The people in a scenario and how situations reach the manager: shown, never modelled. */
export const PEOPLE_DOCS = {
  name: 'Just the name ("Priya Nair"); say what they do in role.',
  role: 'What they do, in the words of the briefing: "Application engineer" or "Lead, power tools". Shown with the portrait in the briefing and on the cards they send.',
  portrait:
    'A portrait from the game\'s set, by id (see assets/portraits/README.md for the pictures): "short-glasses", "hijab", "grey-beard", ...',
  title: 'Their job and organisation: "Head of procurement, Meridian Foods".',
  contact: 'Someone outside the team: a name, a title and, if you like, a portrait.',
  fromId: "A team member's or a competitor's id.",
  from: 'Who the situation comes from: a team member or a competitor by id, or someone else as { name, title, portrait }. The card shows it as their e-mail, call or message.',
  channel:
    'How the situation reaches you: email, call, message, meeting or report. The card is drawn as that.',
  departmentNames:
    'How department ids read on screen, by id ({ biomed: "biomedical engineering" }). Without one the id is turned into words: infection-control reads "infection control".',
} as const;
