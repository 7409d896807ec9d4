import type { LaunchParams } from './launch.ts';
import type { ContextTemplate } from './launch-data.ts';

// The cmi5 defined statements the AU sends (cmi5 9), built from what happened (an event)
// and the launch: the LMS's context template kept whole, the registration, the cmi5
// category, the moveOn category on statements that carry completion or success, the
// mastery score on passed and failed, and a duration where the spec asks for one.

export type Verb = 'initialized' | 'completed' | 'passed' | 'failed' | 'terminated';

export const VERB_IDS: Record<Verb, string> = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
};
export const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
export const MOVE_ON_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
export const MASTERY_SCORE = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';

/** What happened, kept (and queued) until it can be sent. */
export interface Cmi5Event {
  /** the statement's id, chosen when it happened, so a resend is the same statement */
  id: string;
  verb: Verb;
  /** when, in ms since 1970 */
  at: number;
  /** since initialized, in ms (completed, passed, failed, terminated) */
  durationMs?: number;
  /** the fair score / 100 (passed, failed) */
  scaled?: number;
  /** the LMS's mastery score the result was judged by, if it gave one */
  masteryScore?: number;
}

export interface XapiStatement {
  id: string;
  actor: LaunchParams['actor'];
  verb: { id: string; display: Record<string, string> };
  object: { objectType: 'Activity'; id: string };
  result?: Record<string, unknown>;
  context: Record<string, unknown>;
  timestamp: string;
}

/** ISO 8601 duration to the hundredth of a second, as xAPI keeps it: PT1H2M3.45S. */
export function isoDuration(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(cs / 360_000);
  const m = Math.floor(cs / 6000) % 60;
  const s = (cs % 6000) / 100;
  return `PT${h ? `${h}H` : ''}${h || m ? `${m}M` : ''}${s}S`;
}

export function statementOf(
  event: Cmi5Event,
  launch: LaunchParams,
  template: ContextTemplate,
): XapiStatement {
  const judged = event.verb === 'passed' || event.verb === 'failed';
  const moveOn = judged || event.verb === 'completed';
  const result: Record<string, unknown> = {};
  if (judged) {
    result.score = { scaled: event.scaled };
    result.success = event.verb === 'passed';
  }
  if (event.verb === 'completed') result.completion = true;
  if (event.durationMs !== undefined) result.duration = isoDuration(event.durationMs);

  // the template's values are never overwritten: ours are added beside them
  const activities = template.contextActivities ?? {};
  const category = [...(activities.category ?? [])];
  const add = (id: string) => {
    if (!category.some((c) => c.id === id)) category.push({ id, objectType: 'Activity' });
  };
  add(CMI5_CATEGORY);
  if (moveOn) add(MOVE_ON_CATEGORY);
  const extensions: Record<string, unknown> = { ...template.extensions };
  if (judged && event.masteryScore !== undefined && !(MASTERY_SCORE in extensions))
    extensions[MASTERY_SCORE] = event.masteryScore;

  return {
    id: event.id,
    actor: launch.actor,
    verb: { id: VERB_IDS[event.verb], display: { 'en-US': event.verb } },
    object: { objectType: 'Activity', id: launch.activityId },
    ...(Object.keys(result).length > 0 ? { result } : {}),
    context: {
      ...template,
      registration: launch.registration,
      contextActivities: { ...activities, category },
      extensions,
    },
    timestamp: new Date(event.at).toISOString(),
  };
}
