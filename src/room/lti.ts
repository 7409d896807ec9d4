import { z } from 'zod';

// What HR's page reads about grades sent to learning platforms (LTI 1.3, docs/server.md),
// shared by the server and the page like assignments.ts.

export const gradebookEntrySchema = z.strictObject({
  trainee: z.string(),
  /** the platform's name, as its administrator registered it */
  platform: z.string(),
  /** the newest finished attempt */
  attempt: z.int(),
  /** pending: being sent or to be tried again; failed: given up after every try */
  status: z.enum(['pending', 'sent', 'failed']),
  scoreSent: z.int().nullable(),
  tries: z.int(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
});
export type GradebookEntry = z.infer<typeof gradebookEntrySchema>;

export const gradebookSchema = z.strictObject({ entries: z.array(gradebookEntrySchema) });
export const sendAgainSchema = z.strictObject({ queued: z.int() });

/** An entry in a few words, for HR's page and the instructor's. */
export function gradebookWords(e: GradebookEntry | undefined): string {
  if (!e) return '–';
  if (e.status === 'sent') return `sent: ${e.scoreSent}`;
  if (e.status === 'pending')
    return e.lastError ? `not yet, trying again (${e.lastError})` : 'being sent';
  return `not sent after ${e.tries} tries: ${e.lastError ?? 'the platform refused it'}`;
}
