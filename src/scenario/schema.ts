import { z } from 'zod';
import { EFFECT_KEYS } from '../sim/index.ts';

// The scenario format, as facilitators write it. Every object is strict, so a typo in a
// key is an error (with a suggestion) rather than a silently ignored line. Every string is
// plain text: the game only ever puts it on the page as text.

export const SCHEMA_VERSION = '1.0';
/** Oldest format this game still reads. */
export const MIN_SCHEMA_VERSION = '1.0';

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

const effectSet = z
  .strictObject(
    Object.fromEntries(EFFECT_KEYS.map((k) => [k, num(-5, 5).optional()])) as Record<
      (typeof EFFECT_KEYS)[number],
      z.ZodOptional<z.ZodNumber>
    >,
  )
  .describe(
    'Changes to the model, each a delta: alignment, trust, morale, effort, skill, autonomy, contacts, shareContacts, brand, competitor, competitorAlignment, outside, market, home.',
  );

const memberEffect = z.strictObject({
  morale: num(-1, 1).optional(),
  effort: num(-1, 1).optional(),
  skill: num(-1, 1).optional(),
  angle: num(-180, 180).optional(),
  leaves: z.boolean().optional(),
});

const memberEffects = z
  .record(id, memberEffect)
  .describe('Effects on named members of the team, by member id.');

const delayed = z.strictObject({
  after: z.int().min(1, { error: 'expected a whole number of quarters from 1 to 12' }).max(12, {
    error: 'expected a whole number of quarters from 1 to 12',
  }),
  effects: effectSet,
  members: memberEffects.optional(),
  note: text(300).optional(),
});

const choice = z.strictObject({
  id,
  label: text(160),
  style: id.describe(
    "One of the scenario's styles (directive, collaborative, or one it declares).",
  ),
  detail: text(600).optional(),
  effects: effectSet.optional(),
  members: memberEffects.optional(),
  later: z.array(delayed).max(6).optional(),
  coach: text(800).optional(),
  next: id
    .optional()
    .describe('The situation that follows this choice, when it is not the next one.'),
});

const situation = z.strictObject({
  id,
  title: text(120),
  text: text(1500),
  kind: z.enum(['crisis', 'build', 'routine']).optional(),
  choices: z.array(choice).min(2, { error: 'expected at least 2 choices' }).max(6, {
    error: 'expected at most 6 choices',
  }),
  next: id.optional(),
});

const comparison = z.strictObject({ below: num(-1, 2).optional(), above: num(-1, 2).optional() });

const event = z.strictObject({
  id,
  title: text(120),
  text: text(800),
  odds: num(0, 1),
  from: z.int().min(1).max(40).optional(),
  to: z.int().min(1).max(40).optional(),
  once: z.boolean().optional(),
  when: z
    .strictObject({
      trust: comparison.optional(),
      share: comparison.optional(),
      morale: comparison.optional(),
      alignment: comparison.optional(),
      breadth: comparison.optional(),
    })
    .optional(),
  effects: effectSet.optional(),
  members: memberEffects.optional(),
  gust: z.enum(['for', 'against']).optional(),
});

const member = z.strictObject({
  id,
  name: text(60),
  kind: z.enum(['rep', 'product']),
  skill: num(0.1, 1.5),
  effort: num(0.2, 1.6),
  morale: num(0.05, 1),
  angle: num(-90, 90),
  contacts: z.array(id).max(12).optional(),
});

const competitor = z.strictObject({
  id,
  name: text(60),
  strength: num(0.05, 10),
  alignment: num(0.05, 1),
});

const customer = z.strictObject({
  name: text(80),
  trust: num(0, 1),
  position: num(-1, 1),
  home: num(-1, 1),
  departments: z.array(id).min(1).max(12),
  companyContacts: z.array(id).max(12).optional(),
  marketSize: num(1, 1e7),
});

const styleParams = z.strictObject({
  effort: num(-1, 1).optional(),
  morale: num(-1, 1).optional(),
  autonomy: num(-1, 1).optional(),
  trust: num(-1, 1).optional(),
  forced: num(0, 0.95).optional(),
  converge: num(-1, 1).optional(),
  rebound: num(0, 90).optional(),
});

const params = z.strictObject({
  trustFloor: num(0, 1).optional(),
  habit: num(0, 20).optional(),
  breadthHabit: num(0, 10).optional(),
  breadthPull: num(0, 5).optional(),
  rateUp: num(0.01, 1).optional(),
  rateDown: num(0.01, 1).optional(),
  loyalty: num(0, 1).optional(),
  noise: num(0, 1).optional(),
  marketGrowth: num(-0.5, 0.5).optional(),
  planGrowth: num(-0.5, 0.5).optional(),
  commission: num(0, 1).optional(),
  forcedDecay: num(0, 1).optional(),
  moraleFromPlan: num(0, 2).optional(),
  brandUp: num(0, 1).optional(),
  brandDown: num(0, 1).optional(),
  styles: z.record(id, styleParams).optional(),
});

const outcome = z.enum([
  'share',
  'growth',
  'attainment',
  'morale',
  'trust',
  'brand',
  'earnings',
  'alignment',
]);

const rubric = z.strictObject({
  weights: z.partialRecord(outcome, num(0, 1)),
  passMark: z.int().min(0).max(100),
  grading: z.enum(['percentile', 'raw', 'both']).optional(),
});

const debrief = z.strictObject({
  summary: text(1500),
  bands: z
    .array(z.strictObject({ min: z.int().min(0).max(100), text: text(800) }))
    .max(10)
    .optional(),
  lessons: z.array(text(400)).max(12).optional(),
});

export const scenarioSchema = z
  .strictObject({
    schemaVersion: z.string({
      error: 'expected the format version as a quoted string, such as "1.0"',
    }),
    id,
    title: text(100),
    summary: text(800),
    goals: z.array(text(200)).min(1).max(8),
    quarters: z.int().min(1).max(20),
    styles: z.array(id).min(1).max(5).optional(),
    team: z.array(member).min(1).max(8),
    competitors: z.array(competitor).min(1).max(5),
    customer,
    params: params.optional(),
    situations: z.array(situation).min(1).max(40),
    events: z.array(event).max(20).optional(),
    rubric,
    debrief,
  })
  .describe('A Tug of War scenario: one market, its team, its customer and its quarters.');

export type ScenarioFile = z.infer<typeof scenarioSchema>;

/** Every key the format knows, for "did you mean" suggestions. */
export const KNOWN_KEYS: readonly string[] = [
  ...new Set([
    ...Object.keys(scenarioSchema.shape),
    ...Object.keys(situation.shape),
    ...Object.keys(choice.shape),
    ...Object.keys(delayed.shape),
    ...Object.keys(event.shape),
    ...Object.keys(member.shape),
    ...Object.keys(memberEffect.shape),
    ...Object.keys(competitor.shape),
    ...Object.keys(customer.shape),
    ...Object.keys(params.shape),
    ...Object.keys(styleParams.shape),
    ...Object.keys(rubric.shape),
    ...Object.keys(debrief.shape),
    ...EFFECT_KEYS,
  ]),
];
