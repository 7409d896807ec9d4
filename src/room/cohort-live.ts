import { z } from 'zod';
import { cohortRowSchema, cohortViewSchema, publicAssignmentSchema } from './assignments.ts';
import { readMessage } from './live.ts';
import { errorCodeSchema, secretSchema } from './protocol.ts';

// HR's live view of an assignment's cohort (docs/server.md, "The cohort, live"): a
// WebSocket at /api/assignments/:id/live. HR's page says hello with the assignment's admin
// secret (a browser cannot put it in a socket's headers, and an address would keep it in
// logs); the server answers with the whole cohort, then sends only the rows that changed,
// gathered over a short window so a cohort of hundreds deciding at once sends a few
// messages a second, not one per decision.

export const cohortClientMessageSchema = z.discriminatedUnion('type', [
  /** `secret` left out: the account signed in as HR on the browser (its session cookie) */
  z.strictObject({ type: z.literal('hello'), secret: secretSchema.optional() }),
  z.strictObject({ type: z.literal('ping') }),
]);
export type CohortClientMessage = z.infer<typeof cohortClientMessageSchema>;

export const cohortServerMessageSchema = z.discriminatedUnion('type', [
  /** the whole cohort: the answer to hello */
  z.strictObject({ type: z.literal('cohort'), view: cohortViewSchema }),
  /** the rows that changed since the last message; the assignment carries the server's clock */
  z.strictObject({
    type: z.literal('changes'),
    assignment: publicAssignmentSchema,
    trainees: z.array(cohortRowSchema),
  }),
  z.strictObject({ type: z.literal('pong') }),
  z.strictObject({ type: z.literal('error'), error: errorCodeSchema, message: z.string() }),
]);
export type CohortServerMessage = z.infer<typeof cohortServerMessageSchema>;

export const readCohortMessage = (data: unknown): CohortServerMessage | null =>
  readMessage(cohortServerMessageSchema, data);
