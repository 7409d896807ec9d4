import { z } from 'zod';
import type { CourseRoster } from '../../room/lti.ts';
import { announceCohortChange } from '../assignments/events.ts';
import type { Database, Queryable } from '../db/database.ts';
import { hashSecret, newSecret } from '../rooms/secrets.ts';
import { type LTI, NRPS_CLAIM, NRPS_SCOPE, type ResourceLinkClaims, teaches } from './claims.ts';
import { insertLearner } from './learners.ts';
import { accessToken, failureWords, get, PlatformRefused } from './platform-calls.ts';
import type { ToolKey } from './tool-key.ts';

// The course's roster (LTI Names and Role Provisioning Services 2.0): HR's cohort of an
// assessment placed in a course lists every learner enrolled there, not only those who
// launched. A launch that carries the service's claim tells where the members are read; the
// tool reads them (a token for the NRPS scope, then every page the Link header names) on an
// instructor's launch and when HR opens the cohort, at most every ROSTER_MINUTES. A learner
// not yet known becomes a trainee ("not started"); one the course lists as inactive, or lists
// no longer, is marked so and keeps their attempts. A roster that cannot be read is said to
// HR, and the cohort still shows everyone who launched.

/** the shortest time between two reads of one course's roster */
export const ROSTER_MINUTES = 5;
/** a course of 100 pages is read in part; the platform's page size decides how many members that is */
const MAX_PAGES = 100;
const MEMBERSHIP_TYPE = 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json';

const memberSchema = z.looseObject({
  user_id: z.string().min(1).max(255),
  roles: z.array(z.string()).default([]),
  status: z.enum(['Active', 'Inactive', 'Deleted']).default('Active'),
  name: z.string().max(200).optional(),
  given_name: z.string().max(100).optional(),
  family_name: z.string().max(100).optional(),
  email: z.string().max(200).optional(),
});
type Member = z.infer<typeof memberSchema>;
const containerSchema = z.looseObject({ members: z.array(memberSchema) });

const LEARNER = /(^|[#/])Learner(#|$)/;
/** A course learner (LIS Learner, or a sub-role of it), not one who teaches. */
const isLearner = (roles: readonly string[]) =>
  !teaches(roles) && roles.some((r) => LEARNER.test(r));

/** Keeps where the launch's course lists its members, for its assessment. */
export async function rememberRoster(
  q: Queryable,
  platformId: string,
  assignmentId: string,
  claims: Pick<ResourceLinkClaims, typeof NRPS_CLAIM | `${typeof LTI}context`>,
): Promise<void> {
  const url = claims[NRPS_CLAIM]?.context_memberships_url;
  if (!url) return;
  await q.query(
    `INSERT INTO lti_rosters (assignment_id, platform_id, memberships_url) VALUES ($1, $2, $3)
     ON CONFLICT (assignment_id, platform_id) DO UPDATE SET memberships_url = excluded.memberships_url`,
    [assignmentId, platformId, url],
  );
}

/** The next page's address from a Link header (RFC 8288), if it names one. */
function nextPage(link: string, current: string): string | null {
  for (const part of link.split(',')) {
    const m = /<([^>]*)>\s*;(.*)/.exec(part.trim());
    if (m && /\brel\s*=\s*"?([^"]*\s)?next(\s[^"]*)?"?/.test(m[2]!))
      return new URL(m[1]!, current).href;
  }
  return null;
}

/** Every member of the course, page by page. */
async function readMembers(
  toolKey: ToolKey,
  d: { memberships_url: string; client_id: string; token_url: string },
): Promise<Member[]> {
  const token = await accessToken(toolKey, d, NRPS_SCOPE);
  const members: Member[] = [];
  const origin = new URL(d.memberships_url).origin;
  let url: string | null = d.memberships_url;
  for (let page = 0; url !== null && page < MAX_PAGES; page++) {
    // the token goes to the platform's own service only
    if (new URL(url).origin !== origin)
      throw new PlatformRefused(`the roster's next page is on another site (${url})`);
    const res = await get(url, { accept: MEMBERSHIP_TYPE, authorization: `Bearer ${token}` });
    let body: unknown;
    try {
      body = JSON.parse(res.text);
    } catch {
      throw new PlatformRefused('the roster service did not answer in JSON');
    }
    const parsed = containerSchema.safeParse(body);
    if (!parsed.success)
      throw new PlatformRefused(
        `the roster service's answer is not a membership container (${parsed.error.issues[0]?.message ?? ''})`,
      );
    members.push(...parsed.data.members);
    url = nextPage(res.link, url);
  }
  return members;
}

const IN_COURSE = { Active: 'enrolled', Inactive: 'inactive', Deleted: 'removed' } as const;

/** The course's learners into the assessment's cohort: new ones added, the others' standing updated. */
async function applyRoster(
  db: Database,
  platformId: string,
  assignmentId: string,
  members: readonly Member[],
): Promise<void> {
  const learners = new Map(
    members.filter((m) => isLearner(m.roles)).map((m) => [m.user_id, m] as const),
  );
  await db.transaction(async (tx) => {
    const known = await tx.query<{ trainee_id: string; sub: string }>(
      'SELECT trainee_id, sub FROM lti_learners WHERE platform_id = $1 AND assignment_id = $2 FOR UPDATE',
      [platformId, assignmentId],
    );
    const knownSubs = new Set(known.map((k) => k.sub));
    for (const k of known) {
      const m = learners.get(k.sub);
      await tx.query('UPDATE lti_learners SET in_course = $2 WHERE trainee_id = $1', [
        k.trainee_id,
        m ? IN_COURSE[m.status] : 'removed',
      ]);
    }
    for (const m of learners.values()) {
      if (knownSubs.has(m.user_id) || m.status === 'Deleted') continue;
      await insertLearner(
        tx,
        assignmentId,
        platformId,
        { ...m, sub: m.user_id },
        {
          // a token nobody holds: the learner's first launch gives them their own
          tokenHash: hashSecret(newSecret()),
          lineitem: null,
          canScore: false,
          launched: false,
          inCourse: IN_COURSE[m.status],
        },
      );
    }
    // HR's live cohort reads the new rows and standings
    await announceCohortChange(tx, assignmentId);
  });
}

/**
 * Reads the rosters of the assessment's courses not read in the last ROSTER_MINUTES (each
 * process claims a roster before reading it, so two never read the same one at once), and
 * keeps how it went. Never throws for a platform's fault: that is kept as the roster's error.
 */
export async function syncRosters(
  db: Database,
  toolKey: ToolKey,
  assignmentId: string,
): Promise<void> {
  const due = await db.query<{
    platform_id: string;
    memberships_url: string;
    client_id: string;
    token_url: string;
  }>(
    `UPDATE lti_rosters r SET tried_at = now() FROM lti_platforms f
     WHERE f.id = r.platform_id AND r.assignment_id = $1
       AND (r.tried_at IS NULL OR r.tried_at < now() - make_interval(mins => $2))
     RETURNING r.platform_id, r.memberships_url, f.client_id, f.token_url`,
    [assignmentId, ROSTER_MINUTES],
  );
  for (const d of due) {
    try {
      const members = await readMembers(toolKey, d);
      await applyRoster(db, d.platform_id, assignmentId, members);
      await db.query(
        `UPDATE lti_rosters SET synced_at = now(), members = $3, last_error = NULL
         WHERE assignment_id = $1 AND platform_id = $2`,
        [assignmentId, d.platform_id, members.filter((m) => isLearner(m.roles)).length],
      );
    } catch (err) {
      await db.query(
        'UPDATE lti_rosters SET last_error = $3 WHERE assignment_id = $1 AND platform_id = $2',
        [assignmentId, d.platform_id, failureWords(err)],
      );
    }
  }
}

/** How each course's roster of the assessment stands, for HR and the instructor. */
export async function rostersOf(q: Queryable, assignmentId: string): Promise<CourseRoster[]> {
  const rows = await q.query<{
    platform: string;
    synced_at: Date | null;
    tried_at: Date | null;
    members: number | null;
    last_error: string | null;
  }>(
    `SELECT f.name AS platform, r.synced_at, r.tried_at, r.members, r.last_error
     FROM lti_rosters r JOIN lti_platforms f ON f.id = r.platform_id
     WHERE r.assignment_id = $1 ORDER BY f.name`,
    [assignmentId],
  );
  return rows.map((r) => ({
    platform: r.platform,
    syncedAt: r.synced_at ? r.synced_at.toISOString() : null,
    triedAt: r.tried_at ? r.tried_at.toISOString() : null,
    learners: r.members,
    lastError: r.last_error,
  }));
}
