import { assignmentIdSchema } from '../../room/assignments.ts';
import { assignmentById } from '../assignments/rows.ts';
import type { Database } from '../db/database.ts';
import { RoomError } from '../errors.ts';
import {
  DEEP_LINKING_REQUEST,
  deepLinkingClaimsSchema,
  LTI,
  messageTypeOf,
  RESOURCE_LINK_REQUEST,
  type ResourceLinkClaims,
  resourceLinkClaimsSchema,
  teaches,
} from './claims.ts';
import { startDeepLinking } from './deep-linking.ts';
import { LtiError } from './html.ts';
import { admitLearner, gamePageFor } from './learners.ts';
import { isRegistered, type PlatformRow, platformRemoved } from './platforms.ts';
import { rememberRoster, syncRosters } from './roster.ts';
import type { ToolKey } from './tool-key.ts';
import { type LaunchBrowser, type VerifiedLaunch, verifyLaunch } from './verify.ts';

// What a checked launch leads to: a learner to the game page with their own token for the
// assignment, an instructor to the cohort (with the course's roster read first, roster.ts),
// a deep-linking request to the instructor's choice.
// The answer is always a redirect, so reloading the page it leads to does not post the
// (spent) launch again.

/** how long an instructor's cohort link stays good */
export const INSTRUCTOR_VIEW_SECONDS = 8 * 3600;
export const INSTRUCTOR_AUDIENCE = 'tow:lti-instructor';

function refusedClaims(error: { issues: { path: PropertyKey[]; message: string }[] }): LtiError {
  const what = error.issues.map((i) => `${i.path.map(String).join('.') || 'claims'}: ${i.message}`);
  return new LtiError(
    400,
    'The launch is not one the game understands',
    `The platform's launch is missing or has wrong LTI 1.3 claims (${what.join('; ').slice(0, 400)}).`,
  );
}

/** A learner's way out when the link is wrong: only the course's instructor can mend it. */
const ASK_INSTRUCTOR =
  "Ask the course's instructor: they place the assessment in the course again through the game.";

/** The link names an assessment this server has not got (deleted, or from another server). */
const notHere = (named: string) =>
  new LtiError(
    404,
    'The assessment is not on this server',
    `This link in the course names the assessment “${named.slice(0, 60)}”, which is not (or no longer) on this game's server. ${ASK_INSTRUCTOR}`,
  );

/** The assignment a link names: its custom parameter (from deep linking), else ?assignment= in its address. */
function assignmentNamed(c: ResourceLinkClaims): string {
  const custom = c[`${LTI}custom`]?.assignment;
  const fromUri = new URL(c[`${LTI}target_link_uri`]).searchParams.get('assignment');
  const named = typeof custom === 'string' && custom !== '' ? custom : fromUri;
  if (named === null || named.trim() === '')
    throw new LtiError(
      400,
      'No assessment is linked here',
      `This link in the course does not say which assessment of the game to open. ${ASK_INSTRUCTOR} (The instructor places one through the game's deep linking, or adds ?assignment=ID to the tool link.)`,
    );
  // a name no assessment of ours can have: never made here, whatever it once was
  const checked = assignmentIdSchema.safeParse(named);
  if (!checked.success) throw notHere(named);
  return checked.data;
}

export async function launch(
  db: Database,
  toolKey: ToolKey,
  form: unknown,
  browser: LaunchBrowser,
): Promise<string> {
  const { platform, claims } = await verifyLaunch(db, form, browser);
  try {
    return await landing(db, toolKey, platform, claims);
  } catch (err) {
    // the platform removed by the admin between the check and the learner's row (whose
    // reference to it then fails): said to the learner, not a server error
    if (!(err instanceof LtiError) && !(await isRegistered(db, platform.id)))
      throw platformRemoved();
    throw err;
  }
}

/** Where a checked launch leads, as the module's comment says. */
async function landing(
  db: Database,
  toolKey: ToolKey,
  platform: PlatformRow,
  claims: VerifiedLaunch['claims'],
): Promise<string> {
  const type = messageTypeOf(claims);
  if (type === DEEP_LINKING_REQUEST) {
    const parsed = deepLinkingClaimsSchema.safeParse(claims);
    if (!parsed.success) throw refusedClaims(parsed.error);
    return `/lti/deep-link/${await startDeepLinking(db, platform, parsed.data)}`;
  }
  if (type !== RESOURCE_LINK_REQUEST)
    throw new LtiError(
      400,
      'The launch is not one the game understands',
      `The game takes LTI resource link launches and deep linking, not "${String(type)}".`,
    );
  const parsed = resourceLinkClaimsSchema.safeParse(claims);
  if (!parsed.success) throw refusedClaims(parsed.error);
  const c = parsed.data;
  const id = assignmentNamed(c);
  try {
    await assignmentById(db, id);
  } catch (err) {
    if (err instanceof RoomError) throw notHere(id);
    throw err;
  }
  await rememberRoster(db, platform.id, id, c);
  if (teaches(c[`${LTI}roles`])) {
    // the instructor sees the course's learners, those who have not launched yet included
    await syncRosters(db, toolKey, id);
    const view = await toolKey.sign({ aud: INSTRUCTOR_AUDIENCE, sub: id }, INSTRUCTOR_VIEW_SECONDS);
    return `/lti/cohort?v=${encodeURIComponent(view)}`;
  }
  const { token } = await admitLearner(db, platform, id, c);
  return gamePageFor(id, token);
}
