import { z } from 'zod';

// The five launch parameters a cmi5 LMS puts on the AU's address (cmi5 8.1): where the LRS
// is, the one-time URL that hands out its token, who the learner is, the registration
// (the learner's enrolment) and the AU's activity id. Checked here so that a broken
// launch is told to the learner in words, not found later as a failed request.

const account = z.object({ homePage: z.string().min(1), name: z.string().min(1) });

/** cmi5 9.2: the actor is an Agent with an account. */
export const agentSchema = z.object({
  objectType: z.literal('Agent').optional(),
  name: z.string().optional(),
  account,
});
export type Agent = z.infer<typeof agentSchema>;

export interface LaunchParams {
  endpoint: string;
  fetchUrl: string;
  actor: Agent;
  registration: string;
  activityId: string;
}

export type LaunchRead = { ok: true; launch: LaunchParams } | { ok: false; error: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function webAddress(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/** Whether the address carries any cmi5 launch parameter at all (else: not launched by one). */
export function looksLaunched(search: string): boolean {
  const q = new URLSearchParams(search);
  return ['endpoint', 'fetch', 'actor', 'registration', 'activityId'].some((k) => q.has(k));
}

export function readLaunch(search: string): LaunchRead {
  const q = new URLSearchParams(search);
  const missing = ['endpoint', 'fetch', 'actor', 'registration', 'activityId'].filter(
    (k) => !q.get(k),
  );
  if (missing.length > 0)
    return {
      ok: false,
      error: `the launch address has no ${missing.map((m) => `"${m}"`).join(', ')}`,
    };
  const endpoint = webAddress(q.get('endpoint')!);
  if (!endpoint)
    return { ok: false, error: 'the launch address\'s "endpoint" is not a web address' };
  const fetchUrl = webAddress(q.get('fetch')!);
  if (!fetchUrl) return { ok: false, error: 'the launch address\'s "fetch" is not a web address' };
  let actorJson: unknown;
  try {
    actorJson = JSON.parse(q.get('actor')!);
  } catch {
    return { ok: false, error: 'the launch address\'s "actor" is not JSON' };
  }
  const actor = agentSchema.safeParse(actorJson);
  if (!actor.success)
    return { ok: false, error: 'the launch address\'s "actor" is not an Agent with an account' };
  const registration = q.get('registration')!;
  if (!UUID.test(registration))
    return { ok: false, error: 'the launch address\'s "registration" is not a UUID' };
  const activityId = q.get('activityId')!;
  try {
    new URL(activityId);
  } catch {
    return { ok: false, error: 'the launch address\'s "activityId" is not an IRI' };
  }
  return {
    ok: true,
    launch: {
      endpoint: endpoint.href.endsWith('/') ? endpoint.href : `${endpoint.href}/`,
      fetchUrl: fetchUrl.href,
      actor: actor.data,
      registration,
      activityId,
    },
  };
}
