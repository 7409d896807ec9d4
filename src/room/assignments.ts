import { z } from 'zod';
import { inCourseSchema } from './lti.ts';
import {
  displayNameSchema,
  idSchema,
  scenarioInfoSchema,
  scenarioIssueSchema,
  scenarioSourceSchema,
  secretSchema,
} from './protocol.ts';

// The protocol of assessed assignments on the server (docs/server.md, Assignments), shared
// by the server and the pages like protocol.ts: HR creates an assignment, each trainee
// starts attempts, the server deals each attempt's market when it starts, checks and stores
// every decision with its own clock, and grades and signs the finished attempt.

/** an assignment's public id: 12 URL-safe characters, random, in the trainee's link */
export const assignmentIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{12}$/, '12 letters, digits, hyphens or underscores');

export const MAX_TRAINEES = 500;
export const MAX_ATTEMPTS = 20;

export const createAssignmentRequestSchema = z.strictObject({
  title: z.string().trim().min(1).max(120),
  scenario: scenarioSourceSchema,
  /** fair score (0–100) a trainee needs to pass */
  passMark: z.int().min(0).max(100),
  attempts: z.int().min(1).max(MAX_ATTEMPTS),
  /** the last moment an attempt may be played (ISO 8601 with a time zone); none: no due date */
  due: z.iso.datetime({ offset: true }).optional(),
  /**
   * who may take it: each name gets a personal token. Left out: anyone with the link
   * enrols under a name of their own, once (the name is then taken).
   */
  trainees: z.array(displayNameSchema).min(1).max(MAX_TRAINEES).optional(),
});
export type CreateAssignmentRequest = z.input<typeof createAssignmentRequestSchema>;

/** what a trainee's page may read with the link alone */
export const publicAssignmentSchema = z.strictObject({
  id: assignmentIdSchema,
  title: z.string(),
  scenario: scenarioInfoSchema,
  passMark: z.int(),
  attempts: z.int(),
  due: z.string().nullable(),
  /** whether trainees enrol themselves by name (no list was given) */
  openEnrolment: z.boolean(),
  /** the server's clock (ISO 8601) */
  now: z.string(),
});
export type PublicAssignment = z.infer<typeof publicAssignmentSchema>;

export const traineeTokenSchema = z.strictObject({ name: z.string(), token: secretSchema });

export const createAssignmentResponseSchema = z.strictObject({
  assignment: publicAssignmentSchema,
  /** HR's capability: shown once, kept only as a hash */
  adminSecret: secretSchema,
  /** one personal token per listed trainee, shown once */
  trainees: z.array(traineeTokenSchema),
  warnings: z.array(scenarioIssueSchema),
});
export type CreateAssignmentResponse = z.infer<typeof createAssignmentResponseSchema>;

export const enrolRequestSchema = z.strictObject({ name: displayNameSchema });

/** an attempt as its trainee sees it while playing: the market is theirs once it started */
export const attemptViewSchema = z.strictObject({
  number: z.int(),
  seed: z.string(),
  startedAt: z.string(),
  choices: z.array(z.string()),
  /** the situation waiting; null once every quarter is decided */
  situationId: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** the graded outcome, once finished */
  score: z.int().nullable(),
  fairScore: z.int().nullable(),
  passed: z.boolean().nullable(),
  /** why the attempt was closed without a grade (started by another model); it does not count */
  voided: z.string().nullable(),
  /**
   * only for an attempt dealt under an earlier model this version still replays: the model
   * whose rules it is played by (src/sim/model-version.ts); absent: this version's
   */
  model: z.int().optional(),
});
export type AttemptView = z.infer<typeof attemptViewSchema>;

export const traineeStatusSchema = z.strictObject({
  assignment: publicAssignmentSchema,
  name: z.string(),
  attemptsUsed: z.int(),
  attempts: z.array(attemptViewSchema),
});
export type TraineeStatus = z.infer<typeof traineeStatusSchema>;

export const attemptDecideSchema = z.strictObject({
  quarter: z.int().min(1).max(100),
  situationId: idSchema,
  choiceId: idSchema,
});
export type AttemptDecide = z.infer<typeof attemptDecideSchema>;

export const cohortStatusSchema = z.enum([
  'not started',
  'in progress',
  'submitted',
  'late',
  'over attempts',
]);
export type CohortStatus = z.infer<typeof cohortStatusSchema>;

/** One of a trainee's attempts as HR's cohort lists it, finished or not. */
export const cohortAttemptSchema = z.strictObject({
  number: z.int(),
  /** the market it was dealt, which HR's page names by its short number */
  seed: z.string(),
  finished: z.boolean(),
  /** as the server graded it; null while it is played (or when it was closed as void) */
  score: z.int().nullable(),
  fairScore: z.int().nullable(),
  passed: z.boolean().nullable(),
  /** why it was closed without a grade (it does not count); null for an attempt that counts */
  voided: z.string().nullable(),
});
export type CohortAttempt = z.infer<typeof cohortAttemptSchema>;

export const cohortRowSchema = z.strictObject({
  trainee: z.string(),
  status: cohortStatusSchema,
  attemptsUsed: z.int(),
  /** quarters decided in the attempt under way; null when no attempt is under way */
  quartersDecided: z.int().nullable(),
  /** the best finished attempt's number, fair score and raw score; null before one finished */
  bestAttempt: z.int().nullable(),
  fairScore: z.int().nullable(),
  score: z.int().nullable(),
  passed: z.boolean(),
  lastActivity: z.string().nullable(),
  /**
   * the seed of the trainee's latest attempt: the market they play or last played, which
   * HR's page names by its short number (the one the trainee sees); null before one
   */
  latestSeed: z.string().nullable(),
  /** every attempt the trainee started, in order: the row's figures are the best one's */
  attempts: z.array(cohortAttemptSchema),
  /** a learner from a learning platform whose course roster was read: where they stand there */
  inCourse: inCourseSchema.optional(),
});
export type CohortRow = z.infer<typeof cohortRowSchema>;

export const cohortViewSchema = z.strictObject({
  assignment: publicAssignmentSchema,
  trainees: z.array(cohortRowSchema),
});
export type CohortView = z.infer<typeof cohortViewSchema>;
