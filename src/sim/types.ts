// The shapes the model works on. The scenario schema (src/scenario) validates files into
// ScenarioDef; the sim never parses anything itself, so it stays pure and small.

/** Numeric knobs an effect can turn. Each is a delta, applied the moment the effect fires. */
export const EFFECT_KEYS = [
  'alignment', // fraction of the team's angular spread closed (+) or opened (−)
  'trust', // the customer's trust in us, 0..1
  'morale', // every member's morale
  'effort', // every member's effort
  'skill', // every member's skill
  'autonomy', // how much say the reps have in how they sell, 0..1
  'contacts', // departments of the customer we gain (+) or lose (−) a contact in
  'shareContacts', // contacts held by one rep only that become the company's (CRM, account plan)
  'brand', // brand recognition, 0..1
  'competitor', // every competitor's pull
  'competitorAlignment', // how unified the competitors pull, 0..1
  'outside', // outside force this quarter: + towards us (word of mouth), − away (bad press)
  'market', // market size, as a fraction (+0.05 = five per cent bigger)
  'home', // the customer's status quo, on the −1..+1 line
  'price', // our price against list, as a fraction (−0.05 = a 5% discount)
  'costToServe', // cost to serve, as a share of revenue at list price
  'leech', // share of the leech segment we serve: −1 drops it, +1 takes it back
] as const;

export type EffectKey = (typeof EFFECT_KEYS)[number];
export type EffectSet = Partial<Record<EffectKey, number>>;

/** Effects aimed at one member of the team. */
export interface MemberEffect {
  morale?: number;
  effort?: number;
  skill?: number;
  /** degrees added to the member's rope angle (away from the customer's direction) */
  angle?: number;
  /** the member leaves, taking with them every contact only they held */
  leaves?: boolean;
}

export interface Effects {
  now?: EffectSet;
  members?: Record<string, MemberEffect>;
}

export interface DelayedEffect {
  /** quarters after the choice (1 = next quarter) */
  after: number;
  /** optional when `members` is given: an entry may only move a member */
  effects?: EffectSet;
  members?: Record<string, MemberEffect>;
  note?: string;
}

/**
 * What a reply does with people and the customer, each 0..1. The model answers each act
 * according to the situation the player has built (model 2): telling helps a novice and
 * costs a veteran; involving the team builds lasting unity but takes time; handing over
 * works only where the team can carry it; pushing works at high trust and backfires at low;
 * giving before taking builds trust. A style's dynamics come from these, never from its name.
 */
export const ACT_KEYS = ['tell', 'involve', 'delegate', 'push', 'give'] as const;
export type ActKey = (typeof ACT_KEYS)[number];
export type Acts = Partial<Record<ActKey, number>>;

export interface ChoiceDef {
  id: string;
  label: string;
  style: string;
  detail?: string;
  acts?: Acts;
  /**
   * The team member the reply's telling, involving or handing over is aimed at, by id:
   * only they are reached, and a hand-over is judged by their readiness, not the team's.
   */
  person?: string;
  effects?: EffectSet;
  members?: Record<string, MemberEffect>;
  later?: DelayedEffect[];
  coach?: string;
  /** display only: for each of label, detail and coach, the first that holds and gives it wins */
  alternatives?: ChoiceAlternative[];
  next?: string;
}

/** How a situation reaches the manager: the card is drawn as an e-mail, a call, … */
export const CHANNELS = ['email', 'call', 'message', 'meeting', 'report'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Someone outside the team: a customer's buyer, a plant manager, head office. */
export interface ContactDef {
  name: string;
  /** their job and organisation, e.g. "Head of procurement, Meridian Foods" */
  title?: string;
  portrait?: string;
}

/** Who a situation comes from: a team member's or a competitor's id, or a contact. */
export type SenderDef = string | ContactDef;

/** Last quarter's figures a condition can read: events' `when`, a situation's alternatives. */
export type Conditions = Partial<
  Record<'trust' | 'share' | 'morale' | 'alignment' | 'breadth', Comparison>
>;

/**
 * The history a text is written for: it holds when any reply or event in `after` came
 * earlier in the game, every condition in `when` holds on last quarter's figures, and the
 * game's market variant is one of `markets`.
 */
export interface TextCondition {
  after?: string[];
  when?: Conditions;
  /** ids of market variants: holds only in a game dealt one of them */
  markets?: string[];
}

/** A situation's card text and/or sender for one history (display only). */
export interface AlternativeText extends TextCondition {
  text?: string;
  from?: SenderDef;
}

/** A reply's label, detail and/or coach note for one history (display only). */
export interface ChoiceAlternative extends TextCondition {
  label?: string;
  detail?: string;
  coach?: string;
}

export interface SituationDef {
  id: string;
  title: string;
  text: string;
  /** display only: the first that holds and gives `text` (or `from`) replaces it (situation-text.ts) */
  alternatives?: AlternativeText[];
  /** shown on the card only: the model never reads who sent it or how */
  from?: SenderDef;
  channel?: Channel;
  /** a crisis calls for speed; the debrief judges the fit of a style against this */
  kind?: 'crisis' | 'build' | 'routine';
  /** time pressure 0..1: how much delay costs (default 1 in a crisis, else 0) */
  pressure?: number;
  choices: ChoiceDef[];
  next?: string;
}

export type Comparison = { below?: number; above?: number };

export interface EventDef {
  id: string;
  title: string;
  text: string;
  /** chance per quarter, 0..1 */
  odds: number;
  from?: number;
  to?: number;
  /** fire at most once in a game (default true) */
  once?: boolean;
  when?: Conditions;
  effects?: EffectSet;
  members?: Record<string, MemberEffect>;
  /** shown on the rope view as a gust from this side */
  gust?: 'for' | 'against';
}

export interface MemberDef {
  id: string;
  name: string;
  kind: 'rep' | 'product';
  skill: number;
  effort: number;
  morale: number;
  /** degrees off the line to the customer; 0 pulls straight */
  angle: number;
  contacts?: string[];
  /** what they do, in the briefing's words ("Application engineer"); shown only */
  role?: string;
  /** a portrait id from assets/portraits; shown only */
  portrait?: string;
}

export interface CompetitorDef {
  id: string;
  name: string;
  strength: number;
  alignment: number;
}

export interface CustomerDef {
  name: string;
  trust: number;
  position: number;
  home: number;
  departments: string[];
  /** how a department id reads on screen, where turning the id into words is not enough */
  departmentNames?: Record<string, string>;
  /** contacts the company holds whoever the rep is */
  companyContacts?: string[];
  /** revenue of the whole market per quarter, in thousands */
  marketSize: number;
  /** gross margin rate at list price (default DEFAULT_MARGIN) */
  margin?: number;
  /** cost to serve as a share of revenue at list price (default DEFAULT_COST_TO_SERVE) */
  costToServe?: number;
  /** a slice of our business that costs more to serve than its margin brings */
  leech?: LeechDef;
}

/**
 * A leech segment (001): part of what we sell to the customer whose cost to serve is
 * larger than its gross margin. Served at the start; an effect `leech: -1` drops it.
 */
export interface LeechDef {
  /** share of our volume it makes up, 0..0.6 */
  share: number;
  /** its cost to serve, as a share of its revenue at list price */
  costToServe: number;
}

export interface StyleParams {
  effort: number;
  morale: number;
  autonomy: number;
  trust: number;
  /** alignment forced on the team for now, relaxing over the next quarters */
  forced: number;
  /** lasting convergence of the team's angles, fraction of spread closed */
  converge: number;
  /** degrees the fan opens when forced alignment relaxes */
  rebound: number;
}

export interface ModelParams {
  trustFloor: number;
  habit: number;
  breadthHabit: number;
  breadthPull: number;
  rateUp: number;
  rateDown: number;
  loyalty: number;
  noise: number;
  marketGrowth: number;
  planGrowth: number;
  commission: number;
  forcedDecay: number;
  moraleFromPlan: number;
  brandUp: number;
  brandDown: number;
  styles: Record<string, StyleParams>;
}

export type Outcome =
  | 'share'
  | 'growth'
  | 'attainment'
  | 'morale'
  | 'trust'
  | 'brand'
  | 'earnings'
  | 'alignment'
  | 'profit';

export interface RubricDef {
  weights: Partial<Record<Outcome, number>>;
  passMark: number;
  grading: 'percentile' | 'raw' | 'both';
}

export interface DebriefDef {
  summary: string;
  bands?: { min: number; text: string }[];
  lessons?: string[];
}

/** A member's starting figures that a market variant may set otherwise. */
export type MemberStart = Partial<
  Pick<MemberDef, 'skill' | 'effort' | 'morale' | 'angle' | 'contacts'>
>;

/**
 * One starting situation of a scenario (a market variant): each market (seed) is dealt one,
 * so what is right depends on reading one's own team and customer, and a colleague's
 * replies from another market carry over only as far as the variants' best paths coincide
 * (src/analysis/copying.ts measures it). Only starting values change.
 */
export interface MarketDef {
  id: string;
  /** the variant's name on screen ("Chloé seasoned, Ben new"); without it, its id in words */
  name?: string;
  /** what the trainee reads at the start: who is new, how the customer feels about us */
  brief: string;
  /** by member id */
  team?: Record<string, MemberStart>;
  customer?: Partial<Pick<CustomerDef, 'trust' | 'position' | 'home' | 'companyContacts'>>;
  /** by competitor id */
  competitors?: Record<string, Partial<Pick<CompetitorDef, 'strength' | 'alignment'>>>;
}

export interface ScenarioDef {
  schemaVersion: string;
  id: string;
  title: string;
  summary: string;
  goals: string[];
  quarters: number;
  /** ISO 4217 code money is shown in; without it revenue shows as thousands */
  currency?: string;
  styles: string[];
  team: MemberDef[];
  competitors: CompetitorDef[];
  customer: CustomerDef;
  params: ModelParams;
  /** starting situations dealt one per market; none: every market starts alike */
  markets?: MarketDef[];
  situations: SituationDef[];
  events: EventDef[];
  rubric: RubricDef;
  debrief: DebriefDef;
  /**
   * Set by the game, never read from a file, on an earlier edition whose results were played
   * before model 3 learned that a person leaves once (src/record/edition.ts): its events
   * that make people leave come up again for someone already gone, as they did then, so
   * those results still replay to the scores they showed.
   */
  leavesTwice?: boolean;
  /**
   * Set by the game, never read from a file: the model whose rules replay this scenario,
   * when a result, save, room or attempt was made by an earlier model the game can still
   * replay (src/sim/model-version.ts). Absent: this version's model.
   */
  model?: number;
}
