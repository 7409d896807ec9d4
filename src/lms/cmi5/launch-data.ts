import { z } from 'zod';

// LMS.LaunchData, the State API document the LMS writes before each launch (cmi5 10.0):
// the context every statement starts from (with the session id), the launch mode, and the
// LMS's own mastery score and moveOn, which may differ from the course structure's.

export const SESSION_ID = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';

const contextTemplate = z
  .object({
    contextActivities: z.record(z.string(), z.array(z.looseObject({ id: z.string() }))).optional(),
    extensions: z.record(z.string(), z.unknown()).optional(),
  })
  .loose();
export type ContextTemplate = z.infer<typeof contextTemplate>;

const launchDataSchema = z
  .object({
    contextTemplate,
    launchMode: z.enum(['Normal', 'Browse', 'Review']),
    masteryScore: z.number().min(0).max(1).optional(),
    moveOn: z
      .enum(['Passed', 'Completed', 'CompletedAndPassed', 'CompletedOrPassed', 'NotApplicable'])
      .optional(),
    returnURL: z.string().optional(),
    launchParameters: z.string().optional(),
  })
  .loose();
export type LaunchData = z.infer<typeof launchDataSchema>;

export type LaunchDataRead = { ok: true; data: LaunchData } | { ok: false; error: string };

export function readLaunchData(doc: unknown): LaunchDataRead {
  if (doc === null)
    return { ok: false, error: 'the learning system wrote no launch data (LMS.LaunchData)' };
  const parsed = launchDataSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'the document';
    return {
      ok: false,
      error: `the learning system's launch data is not cmi5's (${where}: ${issue?.message})`,
    };
  }
  if (typeof parsed.data.contextTemplate.extensions?.[SESSION_ID] !== 'string')
    return { ok: false, error: "the learning system's launch data names no session id" };
  return { ok: true, data: parsed.data };
}

/** Only a Normal launch may record completion and a result (cmi5 10.2.2). */
export const records = (data: LaunchData) => data.launchMode === 'Normal';

/**
 * The pass mark (0..100, whole grades) that agrees with the LMS's mastery score: a grade
 * passes when grade / 100 >= masteryScore (rounded to the spec's four decimals first, so
 * 0.6 is 60 and not 61 through floating point).
 */
export function passMarkOf(masteryScore: number): number {
  return Math.ceil(Math.round(masteryScore * 10_000) / 100);
}
