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

/** A course's roster read from its platform (LTI Names and Role Provisioning Services). */
export const courseRosterSchema = z.strictObject({
  platform: z.string(),
  /** when the roster was last read whole; null: never yet */
  syncedAt: z.string().nullable(),
  /** when it was last tried */
  triedAt: z.string().nullable(),
  /** how many learners the last read listed */
  learners: z.int().nullable(),
  /** why the last try failed; null when it worked */
  lastError: z.string().nullable(),
});
export type CourseRoster = z.infer<typeof courseRosterSchema>;
export const rostersSchema = z.strictObject({ rosters: z.array(courseRosterSchema) });

/** Where a learner stands in their course's roster: enrolled, inactive there, or removed from it. */
export const inCourseSchema = z.enum(['enrolled', 'inactive', 'removed']);
export type InCourse = z.infer<typeof inCourseSchema>;

/** A cohort row's status, with the course's word when the learner is no longer active there. */
export const statusWithCourse = (status: string, course: InCourse | undefined): string =>
  course === 'removed'
    ? `${status} · removed from the course`
    : course === 'inactive'
      ? `${status} · inactive in the course`
      : status;

/** A roster's state in a sentence, for HR's page and the instructor's. */
export function rosterWords(r: CourseRoster, now = Date.now()): string {
  const when = (iso: string) => {
    const minutes = Math.max(0, Math.round((now - Date.parse(iso)) / 60_000));
    return minutes === 0 ? 'just now' : minutes === 1 ? 'a minute ago' : `${minutes} minutes ago`;
  };
  const read =
    r.syncedAt === null
      ? `The course's roster on ${r.platform} has not been read yet`
      : `The course's roster on ${r.platform} was read ${when(r.syncedAt)} (${r.learners ?? 0} learner${r.learners === 1 ? '' : 's'})`;
  if (r.lastError && r.triedAt)
    return `${read}. The last try, ${when(r.triedAt)}, failed: ${r.lastError}. Listed here: everyone who opened the assessment${r.syncedAt ? ', and the learners of the last read' : ''}.`;
  return `${read}.`;
}
