import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CohortView } from '../../src/room/assignments.ts';
import type { CourseRoster } from '../../src/room/lti.ts';
import type { RoomServer } from '../../src/server/app.ts';
import type { Database } from '../../src/server/db/database.ts';
import { NRPS_SCOPE, SCORE_SCOPE } from '../../src/server/lti/claims.ts';
import { accessToken } from '../../src/server/lti/platform-calls.ts';
import { ToolKey } from '../../src/server/lti/tool-key.ts';
import { createAssignment } from '../server/assignment-helpers.ts';
import { DATABASES, json } from '../server/helpers.ts';
import { CLIENT_ID, ROLE, TestPlatform } from './platform.ts';
import { launchFrom, step, toolWithPlatform } from './steps.ts';

// The course's roster (LTI Names and Role Provisioning Services) in HR's cohort: an
// assessment placed in a course lists every learner enrolled there, not only those who
// launched; a learner the course drops is marked so; a roster service that is down is said,
// and the cohort still shows who launched.

const ADMIN = 'admin-secret-for-the-roster-tests';

describe.each(DATABASES)("the course's roster on $kind", ({ open }) => {
  let db: Database;
  let server: RoomServer;
  let base: string;
  let platform: TestPlatform;
  let assignmentId: string;
  let adminSecret: string;

  const cohort = async () =>
    (
      await json<CohortView>(base, `/api/assignments/${assignmentId}/cohort`, {
        secret: adminSecret,
      })
    ).body.trainees;
  /** HR opening the cohort: the page asks for the rosters first */
  const hrOpens = async () =>
    (
      await json<{ rosters: CourseRoster[] }>(base, `/api/assignments/${assignmentId}/roster`, {
        secret: adminSecret,
      })
    ).body.rosters;
  /** lets the next read happen now rather than after the few minutes' wait */
  const rosterDue = () =>
    db.query('UPDATE lti_rosters SET tried_at = NULL WHERE assignment_id = $1', [assignmentId]);

  beforeAll(async () => {
    db = await open();
    ({ server, base, platform } = await toolWithPlatform(db, ADMIN));
    const made = await createAssignment(base, { attempts: 2, passMark: 50 });
    assignmentId = made.assignment.id;
    adminSecret = made.adminSecret;
    platform.members = [
      { user_id: 'user-ana-7731', name: 'Ana Souza', roles: [ROLE.learner] },
      { user_id: 'user-fay-8', name: 'Fay Lindqvist', roles: [ROLE.learner] },
      { user_id: 'teacher-1', name: 'Gus Moreau', roles: [ROLE.instructor] },
      { user_id: 'user-hal-9', name: 'Hal <i>Brand</i>', roles: [ROLE.learner] },
      { user_id: 'user-ivy-10', name: 'Ivy Tan', roles: [ROLE.learner], status: 'Inactive' },
    ];
  }, 120_000);
  afterAll(async () => {
    await platform?.close();
    await server?.close();
    await db?.close();
  });

  it("lists every learner of the course on the instructor's launch, read page by page", async () => {
    platform.plan = TestPlatform.learnerPlan({ assignment: assignmentId });
    expect((await launchFrom(platform)).status).toBe(303);
    platform.plan = { ...platform.plan, roles: [ROLE.instructor], sub: 'teacher-1' };
    const teacher = await launchFrom(platform);
    expect(teacher.status, teacher.text).toBe(303);
    // three pages of two, each asked with a token granted the roster's scope
    expect(platform.rosterRequests).toEqual([
      { page: 1, ok: true },
      { page: 2, ok: true },
      { page: 3, ok: true },
    ]);
    // the assessment's own list (ana@, ben@example.com) stands beside the course's learners
    const rows = (await cohort()).filter((r) => r.inCourse !== undefined);
    expect(rows.map((r) => [r.trainee, r.status, r.inCourse])).toEqual([
      ['Ana Souza', 'not started', 'enrolled'],
      ['Fay Lindqvist', 'not started', 'enrolled'],
      ['Hal <i>Brand</i>', 'not started', 'enrolled'],
      ['Ivy Tan', 'not started', 'inactive'],
    ]);
    const page = (await step(new URL(teacher.location!, base).href)).text;
    expect(page).toContain('The course&#39;s roster on Test LMS was read just now (4 learners).');
    expect(page).toContain('Hal &lt;i&gt;Brand&lt;/i&gt;');
    expect(page).toContain('not started · inactive in the course');
    expect(page).not.toContain('Gus Moreau'); // an instructor is not a trainee
    // a learner the roster listed first keeps their row when they launch
    platform.plan = {
      ...TestPlatform.learnerPlan({ assignment: assignmentId }),
      sub: 'user-fay-8',
      name: 'Fay Lindqvist',
    };
    expect((await launchFrom(platform)).status).toBe(303);
    expect((await cohort()).filter((r) => r.trainee.startsWith('Fay'))).toHaveLength(1);
  });

  it('reads the roster again when HR opens the cohort, at most every few minutes', async () => {
    const asked = platform.rosterRequests.length;
    const [roster] = await hrOpens();
    expect(platform.rosterRequests.length).toBe(asked); // read moments ago: not again
    expect(roster).toMatchObject({ platform: 'Test LMS', learners: 4, lastError: null });
    expect(Date.now() - Date.parse(roster!.syncedAt!)).toBeLessThan(60_000);
  });

  it('marks a learner the course no longer lists, and one it lists as deleted', async () => {
    platform.members = platform.members!.filter((m) => m.user_id !== 'user-hal-9');
    platform.members.find((m) => m.user_id === 'user-fay-8')!.status = 'Deleted';
    await rosterDue();
    await hrOpens();
    const rows = await cohort();
    expect(rows.find((r) => r.trainee === 'Hal <i>Brand</i>')?.inCourse).toBe('removed');
    expect(rows.find((r) => r.trainee === 'Fay Lindqvist')?.inCourse).toBe('removed');
    expect(rows.find((r) => r.trainee === 'Ana Souza')?.inCourse).toBe('enrolled');
    const csv = await fetch(`${base}/api/assignments/${assignmentId}/cohort.csv`, {
      headers: { authorization: `Bearer ${adminSecret}` },
    });
    expect(await csv.text()).toContain('Hal <i>Brand</i>,not started · removed from the course');
  });

  it('says when the roster service is down, and still lists who launched', async () => {
    platform.rosterDown = true;
    await rosterDue();
    const [roster] = await hrOpens();
    expect(roster!.lastError).toContain('503 roster service unavailable');
    expect(roster!.syncedAt).not.toBeNull(); // the last good read is kept
    expect((await cohort()).map((r) => r.trainee)).toContain('Ana Souza');
    platform.plan = { ...platform.plan, roles: [ROLE.instructor], sub: 'teacher-1' };
    await rosterDue();
    const teacher = await launchFrom(platform);
    const page = (await step(new URL(teacher.location!, base).href)).text;
    expect(page).toMatch(/The last try, just now, failed: .*503 roster service unavailable/);
    expect(page).toContain('Ana Souza');
    platform.rosterDown = false;
  });

  it("gives the roster only for a token granted its scope, and to the assessment's HR alone", async () => {
    const toolKey = new ToolKey(db, null);
    await toolKey.start();
    const client = { client_id: CLIENT_ID, token_url: `${platform.base}/token` };
    const scoreOnly = await accessToken(toolKey, client, SCORE_SCOPE);
    const refused = await fetch(platform.membershipsUrl, {
      headers: { authorization: `Bearer ${scoreOnly}` },
    });
    expect(refused.status).toBe(403);
    const granted = await accessToken(toolKey, client, NRPS_SCOPE);
    const read = await fetch(platform.membershipsUrl, {
      headers: { authorization: `Bearer ${granted}` },
    });
    expect(read.status).toBe(200);
    expect(read.headers.get('link')).toMatch(/rel="next"/);
    const stranger = await json(base, `/api/assignments/${assignmentId}/roster`);
    expect(stranger.status).toBe(401);
  });
});
