import { z } from 'zod';
import {
  CHANNELS,
  EFFECT_KEYS,
  OUTCOME_LABELS,
  OUTCOME_RANGES,
  type Outcome,
} from '../sim/index.ts';
import { EFFECT_DOCS, PARAM_DOCS, PEOPLE_DOCS, STYLE_DOCS } from './field-docs.ts';
import { PORTRAIT_IDS } from './portrait-ids.ts';

// The scenario format, as facilitators write it. Every object is strict, so a typo in a
// key is an error (with a suggestion) rather than a silently ignored line. Every string is
// plain text: the game only ever puts it on the page as text.

export { MIN_SCHEMA_VERSION, SCHEMA_VERSION } from './version.ts';

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,47}$/, {
    error: 'expected an id: lower-case letters, digits and dashes, up to 48 characters',
  })
  .describe('An id: lower-case letters, digits and dashes.');

const text = (max: number) =>
  z
    .string()
    .min(1, { error: 'expected text, got an empty string' })
    .max(max, {
      error: `expected at most ${max} characters`,
    });

const num = (min: number, max: number) =>
  z
    .number({ error: 'expected a number' })
    .min(min, { error: `expected a number from ${min} to ${max}` })
    .max(max, {
      error: `expected a number from ${min} to ${max}`,
    });

// contacts are counted in departments, so they are whole numbers
const WHOLE_EFFECTS = new Set(['contacts', 'shareContacts']);

const effectSet = z
  .strictObject(
    Object.fromEntries(
      EFFECT_KEYS.map((k) => [
        k,
        (WHOLE_EFFECTS.has(k)
          ? z.int({ error: 'expected a whole number' }).min(-5).max(5)
          : num(-5, 5)
        )
          .describe(EFFECT_DOCS[k])
          .optional(),
      ]),
    ) as Record<(typeof EFFECT_KEYS)[number], z.ZodOptional<z.ZodNumber>>,
  )
  .describe(
    `Changes to the model when this fires, each a change from the current value. Effects: ${EFFECT_KEYS.join(', ')}.`,
  );

const memberEffect = z.strictObject({
  morale: num(-1, 1).describe("Change in this member's morale.").optional(),
  effort: num(-1, 1).describe("Change in this member's effort.").optional(),
  skill: num(-1, 1).describe("Change in this member's skill.").optional(),
  angle: num(-180, 180)
    .describe(
      "Degrees added to this member's rope angle: further from 0 pulls more off the line to the customer.",
    )
    .optional(),
  leaves: z
    .boolean()
    .describe(
      'true: the member leaves the team, taking every customer contact that only they held.',
    )
    .optional(),
});

const memberEffects = z
  .record(id, memberEffect)
  .describe('Effects on named members of the team, by member id.');

// `effects` may be left out when `members` is given (a rep who leaves a quarter later);
// an entry with neither is refused in semantics.ts, at its line. The JSON Schema says the
// same, so an editor flags it as the author types.
const delayed = z
  .strictObject({
    after: z
      .int()
      .min(1)
      .max(12)
      .describe('Quarters after the choice: 1 means at the next quarter.'),
    effects: effectSet.optional(),
    members: memberEffects.optional(),
    note: text(300).describe('Shown in the debrief as the cause of this change.').optional(),
  })
  .meta({ anyOf: [{ required: ['effects'] }, { required: ['members'] }] })
  .describe('A delayed entry: `effects`, `members` or both, some quarters after the choice.');

const acts = z
  .strictObject({
    tell: num(0, 1)
      .describe(
        'You decide and instruct (0..1). Effort and alignment now; a newer person learns from it, an experienced one loses commitment; autonomy wears down; the forced alignment relaxes later. Under time pressure a firm call stops the damage.',
      )
      .optional(),
    involve: num(0, 1)
      .describe(
        'The team decides with you (0..1). Lasting alignment, the more the more competent the team; commitment and autonomy grow; it takes time, which costs under time pressure.',
      )
      .optional(),
    delegate: num(0, 1)
      .describe(
        "The people closest to the customer act on their own (0..1). Works when the team's capacity (readiness, autonomy, shared contacts) is above the bar; otherwise the customer sees people out of their depth.",
      )
      .optional(),
    push: num(0, 1)
      .describe(
        'Pressing the customer for orders, data or attention (0..1). Works when the customer trusts us, backfires when it does not; rivals answer it.',
      )
      .optional(),
    give: num(0, 1)
      .describe('Giving before asking for anything (0..1). Builds trust; costs a little now.')
      .optional(),
  })
  .describe(
    "What the reply does with people and the customer. The model answers each act according to the situation the player has built: this, not the style's name, decides how the reply works.",
  );

const portrait = z.enum(PORTRAIT_IDS).describe(PEOPLE_DOCS.portrait);

const contact = z
  .strictObject({
    name: text(60).describe("The person's name."),
    title: text(100).describe(PEOPLE_DOCS.title).optional(),
    portrait: portrait.optional(),
  })
  .describe(PEOPLE_DOCS.contact);

const comparison = z
  .strictObject({
    below: num(-1, 2).describe('Only when the value is below this.').optional(),
    above: num(-1, 2).describe('Only when the value is above this.').optional(),
  })
  .describe("A condition on last quarter's value.");

// last quarter's figures, as events and a situation's alternative texts read them
const conditions = z.strictObject({
  trust: comparison.optional(),
  share: comparison.optional(),
  morale: comparison.optional(),
  alignment: comparison.optional(),
  breadth: comparison.optional(),
});

// Display only: the history a text is written for, shared by a situation's alternatives and
// a reply's. At least one of `after`, `when` and `markets` (checked in alternatives.ts: one
// with none would always hold, and hide the default).
const textCondition = {
  after: z
    .array(id)
    .min(1)
    .max(20)
    .describe(
      'Ids of earlier replies or events: the alternative holds when any of them was taken or happened earlier in this game.',
    )
    .optional(),
  when: conditions
    .describe("Conditions on last quarter's figures, as an event's `when`: all must hold.")
    .optional(),
  markets: z
    .array(id)
    .min(1)
    .max(8)
    .describe(
      "Ids of the scenario's market variants (`markets:`): the alternative holds only in a game dealt one of them. With `after` or `when` too, all must hold.",
    )
    .optional(),
};

// an alternative needs at least one condition: the JSON Schema says so for editors
const TEXT_CONDITION_NEEDED = {
  anyOf: [{ required: ['after'] }, { required: ['when'] }, { required: ['markets'] }],
};

const choiceAlternative = z
  .strictObject({
    ...textCondition,
    label: text(160)
      .describe('The button text shown in place of `label` when this holds.')
      .optional(),
    detail: text(600)
      .describe('The explanation shown in place of `detail` when this holds.')
      .optional(),
    coach: text(800)
      .describe('The coach note shown in place of `coach` when this holds.')
      .optional(),
  })
  .meta(TEXT_CONDITION_NEEDED)
  .describe(
    "A reply's texts for a history: after earlier replies or events, when last quarter's figures say so, and/or in some market variants. Plain text. Display only: the reply does the same.",
  );

const choice = z.strictObject({
  id,
  label: text(160).describe('What the player reads on the button.'),
  style: id.describe(
    "One of the scenario's styles (directive or collaborative unless `styles` declares others). A label for the debrief and the balance report: what the reply does comes from its acts and effects.",
  ),
  detail: text(600).describe('A longer explanation under the label.').optional(),
  acts: acts.optional(),
  person: id
    .describe(
      "A team member's id: the reply's telling, involving or handing over reaches this person alone, and a hand-over works or fails on their readiness rather than the team's (\"let Chloé lead the deal\"). Without it the acts reach the whole team.",
    )
    .optional(),
  effects: effectSet.optional(),
  members: memberEffects.optional(),
  later: z
    .array(delayed)
    .max(6)
    .describe(
      'Effects that arrive some quarters after the choice: slow results, or a bill that comes due.',
    )
    .optional(),
  coach: text(800)
    .describe('The coach note shown after the quarter: why this worked or not.')
    .optional(),
  alternatives: z
    .array(choiceAlternative)
    .max(8)
    .describe(
      'Label, detail or coach note for a history that calls for other words (a person named here has left, or is new in this market variant): for each, the first alternative that holds and gives it is shown. They change what the player reads, never what the reply does.',
    )
    .optional(),
  next: id
    .optional()
    .describe('The situation that follows this choice, when it is not the next one.'),
});

// Display only: which text and sender the card shows, never what the model does.
const alternative = z
  .strictObject({
    ...textCondition,
    text: text(1500)
      .describe('The situation card shown in place of `text` when this holds.')
      .optional(),
    from: z
      .union([id.describe(PEOPLE_DOCS.fromId), contact])
      .describe('The sender shown in place of `from` when this holds.')
      .optional(),
  })
  .meta(TEXT_CONDITION_NEEDED)
  .describe(
    "A text or sender for the situation card that fits what happened so far: after earlier replies or events, when last quarter's figures say so, and/or in some market variants. Plain text.",
  );

const situation = z.strictObject({
  id,
  title: text(120),
  text: text(1500).describe(
    'The situation card: what happened this quarter (unless one of `alternatives` holds).',
  ),
  alternatives: z
    .array(alternative)
    .max(8)
    .describe(
      'Texts or senders that replace `text` and `from` when the game so far, or its market variant, calls for them: for each, the first alternative that holds and gives it is shown. They change what the player reads, never what a reply does.',
    )
    .optional(),
  from: z
    .union([id.describe(PEOPLE_DOCS.fromId), contact])
    .describe(PEOPLE_DOCS.from)
    .optional(),
  channel: z.enum(CHANNELS).describe(PEOPLE_DOCS.channel).optional(),
  kind: z
    .enum(['crisis', 'build', 'routine'])
    .describe(
      'crisis, build or routine: shown in the outcome and the debrief, never before the decision. A crisis has time pressure 1 unless `pressure` says otherwise.',
    )
    .optional(),
  pressure: num(0, 1)
    .describe(
      'Time pressure 0..1: how much delay costs in this situation (default 1 in a crisis, else 0).',
    )
    .optional(),
  choices: z.array(choice).min(2, { error: 'expected at least 2 choices' }).max(6, {
    error: 'expected at most 6 choices',
  }),
  next: id
    .describe('The situation after this one, for every choice that has no next of its own.')
    .optional(),
});

const event = z.strictObject({
  id,
  title: text(120),
  text: text(800),
  odds: num(0, 1).describe('Chance per quarter, from 0 to 1 (0.25: one quarter in four).'),
  from: z.int().min(1).max(40).describe('First quarter it can happen in.').optional(),
  to: z.int().min(1).max(40).describe('Last quarter it can happen in.').optional(),
  once: z.boolean().describe('At most once per game (the default, true).').optional(),
  when: conditions
    .describe("Conditions on last quarter's figures; the event can fire only when all hold.")
    .optional(),
  effects: effectSet.optional(),
  members: memberEffects.optional(),
  gust: z
    .enum(['for', 'against'])
    .describe('Shown on the rope view as a gust towards us (for) or away (against).')
    .optional(),
});

const member = z.strictObject({
  id,
  name: text(60).describe(PEOPLE_DOCS.name),
  role: text(80).describe(PEOPLE_DOCS.role).optional(),
  portrait: portrait.optional(),
  kind: z.enum(['rep', 'product']).describe('A salesperson (rep) or a product line.'),
  skill: num(0.1, 1.5).describe('Pull = skill x effort x morale.'),
  effort: num(0.2, 1.6).describe('1 is normal effort.'),
  morale: num(0.05, 1),
  angle: num(-90, 90).describe(
    'Degrees off the line to the customer: 0 pulls straight, 60 pulls mostly sideways.',
  ),
  contacts: z
    .array(id)
    .max(12)
    .describe("The customer's departments this member has a contact in.")
    .optional(),
});

const competitor = z.strictObject({
  id,
  name: text(60),
  strength: num(0.05, 10).describe(
    'Total pull when perfectly united; our team of three pulls about 1.5.',
  ),
  alignment: num(0.05, 1).describe('How unified it pulls: its pull is strength x alignment.'),
});

const customer = z.strictObject({
  name: text(80),
  trust: num(0, 1).describe('Trust in us at the start: 0 distrustful, 1 full trust.'),
  position: num(-1, 1).describe(
    "Where the customer sits: -1 fully the competitors', +1 fully ours; our share is (1 + position) / 2.",
  ),
  home: num(-1, 1).describe('Its status quo, where its habits hold it.'),
  // the model keeps contacts as one bit per department in a 32-bit integer
  // (src/sim/contacts.ts): this cap must stay at 31 or below
  departments: z
    .array(id)
    .min(1)
    .max(12)
    .describe('Ids of the departments in its organisation (purchasing, engineering, ...).'),
  departmentNames: z.record(id, text(60)).describe(PEOPLE_DOCS.departmentNames).optional(),
  companyContacts: z
    .array(id)
    .max(12)
    .describe('Departments where the company itself holds the contact, whoever the rep is.')
    .optional(),
  marketSize: num(1, 1e7).describe('Revenue of the whole market per quarter, in thousands.'),
  margin: num(0, 1)
    .describe(
      'Gross margin rate at list price: 0.3 keeps 30% of revenue before the cost to serve (default 0.3).',
    )
    .optional(),
  costToServe: num(0, 2)
    .describe(
      'Cost to serve the customer (visits, service, deliveries) as a share of revenue at list price (default 0.1).',
    )
    .optional(),
  leech: z
    .strictObject({
      share: num(0, 0.6).describe(
        'Share of our volume with this customer that the segment makes up.',
      ),
      costToServe: num(0, 2).describe(
        'Its cost to serve, as a share of its revenue at list price: above the margin, it loses money.',
      ),
    })
    .describe(
      'A leech segment: business that costs more to serve than its margin brings. Served at the start; the effect leech: -1 drops it.',
    )
    .optional(),
});

// A variant overrides starting values only, with the same ranges as the values it replaces.
const market = z
  .strictObject({
    id,
    name: text(60)
      .describe(
        'The variant\'s name on the briefing, the debrief and HR\'s scenario picker, in plain words ("Chloé seasoned, Ben new"). Without it the screens use the id in words.',
      )
      .optional(),
    brief: text(600).describe(
      'What the trainee reads at the start of a market dealt this variant: who is new, how the customer feels about us, how strong the rival is. Plain text.',
    ),
    team: z
      .record(
        id,
        member
          .pick({ skill: true, effort: true, morale: true, angle: true, contacts: true })
          .partial(),
      )
      .describe("Starting figures of team members, by member id, in place of the team's.")
      .optional(),
    customer: customer
      .pick({ trust: true, position: true, home: true, companyContacts: true })
      .partial()
      .describe("The customer's starting trust, position, home or company contacts.")
      .optional(),
    competitors: z
      .record(id, competitor.pick({ strength: true, alignment: true }).partial())
      .describe("Competitors' starting strength or alignment, by competitor id.")
      .optional(),
  })
  .describe(
    'A starting situation: each market (seed) is dealt one of the variants, so what is right depends on reading your own team and customer.',
  );

const styleParams = z
  .strictObject({
    effort: num(-1, 1).describe(STYLE_DOCS.effort).optional(),
    morale: num(-1, 1).describe(STYLE_DOCS.morale).optional(),
    autonomy: num(-1, 1).describe(STYLE_DOCS.autonomy).optional(),
    trust: num(-1, 1).describe(STYLE_DOCS.trust).optional(),
    forced: num(0, 0.95).describe(STYLE_DOCS.forced).optional(),
    converge: num(-1, 1).describe(STYLE_DOCS.converge).optional(),
    rebound: num(0, 90).describe(STYLE_DOCS.rebound).optional(),
  })
  .describe('The built-in dynamics of one style, applied every time a choice of it is made.');

const params = z.strictObject({
  trustFloor: num(0, 1).describe(PARAM_DOCS.trustFloor).optional(),
  habit: num(0, 20).describe(PARAM_DOCS.habit).optional(),
  breadthHabit: num(0, 10).describe(PARAM_DOCS.breadthHabit).optional(),
  breadthPull: num(0, 5).describe(PARAM_DOCS.breadthPull).optional(),
  rateUp: num(0.01, 1).describe(PARAM_DOCS.rateUp).optional(),
  rateDown: num(0.01, 1).describe(PARAM_DOCS.rateDown).optional(),
  loyalty: num(0, 1).describe(PARAM_DOCS.loyalty).optional(),
  noise: num(0, 1).describe(PARAM_DOCS.noise).optional(),
  marketGrowth: num(-0.5, 0.5).describe(PARAM_DOCS.marketGrowth).optional(),
  planGrowth: num(-0.5, 0.5).describe(PARAM_DOCS.planGrowth).optional(),
  commission: num(0, 1).describe(PARAM_DOCS.commission).optional(),
  forcedDecay: num(0, 1).describe(PARAM_DOCS.forcedDecay).optional(),
  moraleFromPlan: num(0, 2).describe(PARAM_DOCS.moraleFromPlan).optional(),
  brandUp: num(0, 1).describe(PARAM_DOCS.brandUp).optional(),
  brandDown: num(0, 1).describe(PARAM_DOCS.brandDown).optional(),
  styles: z
    .record(id, styleParams)
    .describe(
      'Built-in dynamics by style id; given values replace the defaults (directive: effort +0.18, morale -0.06, autonomy -0.12, trust -0.01, forced 0.6, rebound 30; collaborative: morale +0.04, autonomy +0.08, trust +0.03, converge 0.2).',
    )
    .optional(),
});

const OUTCOMES = Object.keys(OUTCOME_RANGES) as Outcome[];

// one optional key per outcome (rather than a record) so an editor offers their names
const weights = z
  .strictObject(
    Object.fromEntries(
      OUTCOMES.map((o) => {
        const [lo, hi] = OUTCOME_RANGES[o];
        return [
          o,
          num(0, 1)
            .describe(`Weight of ${OUTCOME_LABELS[o]} (scored 0 at ${lo}, full marks at ${hi}).`)
            .optional(),
        ];
      }),
    ) as Record<Outcome, z.ZodOptional<z.ZodNumber>>,
  )
  .describe(
    `How much each outcome counts in the score; the weights must add up to 1. Outcomes: ${OUTCOMES.join(', ')}.`,
  );

const rubric = z
  .strictObject({
    weights,
    passMark: z.int().min(0).max(100).describe('Score from 0 to 100 needed to pass.'),
    grading: z
      .enum(['percentile', 'raw', 'both'])
      .describe(
        'What the pass mark applies to: the percentile among all strategies on the same seed (default), the raw score, or both (the lower of the two counts).',
      )
      .optional(),
  })
  .describe('How a game is scored.');

const debrief = z.strictObject({
  summary: text(1500).describe('Shown at the end of every game.'),
  bands: z
    .array(z.strictObject({ min: z.int().min(0).max(100), text: text(800) }))
    .max(10)
    .describe(
      'Texts by result: the band with the highest min at or below the figure the pass mark reads (the fair score unless rubric.grading says otherwise) is shown; a year that did not pass never shows a band from the pass mark up.',
    )
    .optional(),
  lessons: z.array(text(400)).max(12).optional(),
});

export const scenarioSchema = z
  .strictObject({
    schemaVersion: z
      .string()
      .describe(
        'The version of the scenario format, in quotes: "1.2" (a game that reads 1.2 reads "1.1" and "1.0" too).',
      ),
    id: id.describe('The scenario id; also the file name (tutorial.yaml has id: tutorial).'),
    title: text(100),
    summary: text(800).describe('Shown on the scenario choice and the briefing.'),
    goals: z.array(text(200)).min(1).max(8).describe('Learning goals, shown in the briefing.'),
    quarters: z
      .int()
      .min(1)
      .max(20)
      .describe('How many quarters (decisions) every path through the situations lasts.'),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, {
        error: 'expected a currency code of three capital letters, such as EUR',
      })
      .describe('ISO 4217 code of the currency money is shown in (EUR, USD, GBP, ...).')
      .optional(),
    styles: z
      .array(id)
      .min(1)
      .max(5)
      .describe('The management styles choices can have; default [directive, collaborative].')
      .optional(),
    team: z.array(member).min(1).max(8).describe("The player's salespeople and product lines."),
    competitors: z.array(competitor).min(1).max(5),
    customer: customer.describe('The customer in the middle of the tug of war.'),
    markets: z
      .array(market)
      .min(2, { error: 'expected at least 2 markets: one variant is simply the scenario' })
      .max(8, { error: 'expected at most 8 markets' })
      .describe(
        'Market variants: each market (seed) is dealt one, in place of the starting values above. Without them every market starts alike.',
      )
      .optional(),
    params: params
      .describe("The model's parameters where this scenario wants other values than the defaults.")
      .optional(),
    situations: z
      .array(situation)
      .min(1)
      .max(40)
      .describe(
        'The situations, one per quarter; play goes down the list unless a next says otherwise.',
      ),
    events: z
      .array(event)
      .max(20)
      .describe('Seeded random events: each quarter each may fire with its odds.')
      .optional(),
    rubric,
    debrief: debrief.describe('Texts for the end of the game.'),
  })
  .describe('A Tug of War scenario: one market, its team, its customer and its quarters.');

export type ScenarioFile = z.infer<typeof scenarioSchema>;

/** Every key the format knows, for "did you mean" suggestions. */
export const KNOWN_KEYS: readonly string[] = [
  ...new Set([
    ...Object.keys(scenarioSchema.shape),
    ...Object.keys(situation.shape),
    ...Object.keys(alternative.shape),
    ...Object.keys(choice.shape),
    ...Object.keys(delayed.shape),
    ...Object.keys(event.shape),
    ...Object.keys(member.shape),
    ...Object.keys(contact.shape),
    ...Object.keys(memberEffect.shape),
    ...Object.keys(competitor.shape),
    ...Object.keys(customer.shape),
    ...Object.keys(market.shape),
    ...Object.keys(params.shape),
    ...Object.keys(styleParams.shape),
    ...Object.keys(acts.shape),
    ...Object.keys(rubric.shape),
    ...Object.keys(debrief.shape),
    ...OUTCOMES,
    ...EFFECT_KEYS,
  ]),
];
