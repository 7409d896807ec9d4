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
  /** the grade the gradebook holds: the last one it took, from this attempt or an earlier */
  held: z.int().nullable(),
});
export type GradebookEntry = z.infer<typeof gradebookEntrySchema>;

export const gradebookSchema = z.strictObject({ entries: z.array(gradebookEntrySchema) });
export const sendAgainSchema = z.strictObject({ queued: z.int() });

/** An entry in a few words, for HR's page and the instructor's. */
export function gradebookWords(e: GradebookEntry | undefined): string {
  if (!e) return '–';
  if (e.status === 'sent') return `sent: ${e.scoreSent}`;
  // while a later attempt's grade waits, the gradebook still holds the last one it took
  const holds = e.held === null ? '' : `; the gradebook holds ${e.held} from before`;
  if (e.status === 'pending')
    return e.lastError
      ? `attempt ${e.attempt} not taken yet (${plainError(e.lastError)}), trying again${holds}`
      : `being sent${holds}`;
  return `not sent after ${e.tries} tries: ${e.lastError ? plainError(e.lastError) : 'the platform refused it'}${holds}`;
}

/**
 * A platform's answer in words HR and an instructor read: "the platform was busy or down: HTTP
 * 503" rather than the address and the body it answered with.
 */
export function plainError(error: string): string {
  const status = /answered (\d{3})/.exec(error)?.[1];
  if (status === undefined) return error;
  const code = Number(status);
  if (code === 429 || code >= 500) return `the platform was busy or down: HTTP ${code}`;
  if (code === 401 || code === 403) return `the platform refused the game's access: HTTP ${code}`;
  return `the platform refused it: HTTP ${code}`;
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
