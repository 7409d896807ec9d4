import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { createAssignmentRequestSchema } from '../../room/assignments.ts';
import { loadBundledScenarios } from '../../scenario/bundled.ts';
import { DEFAULT_PASS_MARK } from '../../sim/index.ts';
import { createAssignment } from '../assignments/create.ts';
import { asHr } from '../assignments/rows.ts';
import type { Database } from '../db/database.ts';
import { RoomError } from '../errors.ts';
import { DEEP_LINKING_RESPONSE, type DeepLinkingClaims, DL, LTI, teaches } from './claims.ts';
import { type Html, html, LtiError, page } from './html.ts';
import { type PlatformRow, platformById, platformRemoved } from './platforms.ts';
import type { ToolKey } from './tool-key.ts';

// Deep linking (LTI Deep Linking 2.0): an instructor, from the course, picks the assessment
// to place there, an existing one (its id and admin secret prove it is theirs) or a new one
// made on the spot, and the tool answers the platform with a signed LtiDeepLinkingResponse:
// one LTI resource link whose custom parameter names the assignment, and a gradebook column
// out of 100. The request is kept server-side for an hour under a random id, used once.

const HOUR_MINUTES = 60;

const SCENARIO_NEEDED =
  'Scenario: choose the one your learners play (the 4-quarter tutorial is a practice round)';
const PASS_MARK = 'Pass mark: a whole number from 0 to 100';
const ATTEMPTS = 'Attempts allowed: a whole number from 1 to 20';

export async function startDeepLinking(
  db: Database,
  platform: PlatformRow,
  claims: DeepLinkingClaims,
): Promise<string> {
  if (!teaches(claims[`${LTI}roles`]))
    throw new LtiError(
      403,
      'Only an instructor can place the game',
      'Placing an assessment in a course is for its instructors. Ask one of them.',
    );
  const settings = claims[`${DL}deep_linking_settings`];
  if (!settings.accept_types.includes('ltiResourceLink'))
    throw new LtiError(
      400,
      'The course cannot take this',
      'The platform asked for content other than an LTI link; the game only places LTI links.',
    );
  const id = randomBytes(18).toString('base64url');
  await db.query('DELETE FROM lti_deep_links WHERE expires_at < now()');
  await db.query(
    `INSERT INTO lti_deep_links (id, platform_id, deployment_id, return_url, data, expires_at)
     VALUES ($1, $2, $3, $4, $5, now() + make_interval(mins => $6))`,
    [
      id,
      platform.id,
      claims[`${LTI}deployment_id`],
      settings.deep_link_return_url,
      settings.data ?? null,
      HOUR_MINUTES,
    ],
  );
  return id;
}

interface DeepLinkRow {
  id: string;
  platform_id: string;
  deployment_id: string;
  return_url: string;
  data: string | null;
}

async function deepLinkOf(db: Database, id: string): Promise<DeepLinkRow> {
  // platform_id is null when the platform was removed since the instructor began (migration 009)
  const [row] = await db.query<Omit<DeepLinkRow, 'platform_id'> & { platform_id: string | null }>(
    `SELECT id, platform_id, deployment_id, return_url, data FROM lti_deep_links
     WHERE id = $1 AND expires_at > now()`,
    [id],
  );
  if (!row)
    throw new LtiError(
      404,
      'This choice has expired',
      'Placing an assessment must be finished within an hour, once. Start again from the course.',
    );
  const { platform_id } = row;
  if (platform_id === null) throw platformRemoved();
  return { ...row, platform_id };
}

const formSchema = z.discriminatedUnion('choice', [
  z.looseObject({
    choice: z.literal('new'),
    title: z
      .string({ error: 'Title: give the assessment a title' })
      .trim()
      .min(1, 'Title: give the assessment a title')
      .max(120, 'Title: at most 120 characters'),
    scenario: z.string({ error: SCENARIO_NEEDED }).min(1, SCENARIO_NEEDED).max(60, SCENARIO_NEEDED),
    passMark: z.coerce
      .number({ error: PASS_MARK })
      .int(PASS_MARK)
      .min(0, PASS_MARK)
      .max(100, PASS_MARK),
    attempts: z.coerce.number({ error: ATTEMPTS }).int(ATTEMPTS).min(1, ATTEMPTS).max(20, ATTEMPTS),
  }),
  z.looseObject({
    choice: z.literal('existing'),
    assignment: z.string().trim().min(1, 'Assessment id: give its id').max(40),
    secret: z.string().trim().min(1, 'Its admin secret: give it').max(200),
  }),
]);

type Form = Record<string, string | undefined>;

/**
 * Nothing is chosen for the instructor: the tutorial first on the list is a practice round,
 * and placing it unawares as a graded assessment is the mistake to avoid.
 */
const scenarioOptions = (chosen: string | undefined): Html[] => [
  chosen
    ? html`<option value="">Choose the scenario…</option>`
    : html`<option value="" selected>Choose the scenario…</option>`,
  ...loadBundledScenarios().map(({ scenario: s }) => {
    const label = `${s.title} (${s.quarters} quarters)`;
    return s.id === chosen
      ? html`<option value="${s.id}" selected>${label}</option>`
      : html`<option value="${s.id}">${label}</option>`;
  }),
];

/** The instructor's choice: a new assessment or one they made already. */
export async function choicePage(
  db: Database,
  id: string,
  form: Form = {},
  problem: string | null = null,
): Promise<string> {
  await deepLinkOf(db, id);
  const action = `/lti/deep-link/${id}`;
  const body = html`<h1>Place an assessment in your course</h1>
${problem ? html`<p class="problem" role="alert">${problem}</p>` : ''}
<h2>A new assessment</h2>
<form method="post" action="${action}"><input type="hidden" name="choice" value="new">
<label for="title">Title</label><input id="title" name="title" required maxlength="120" value="${form.title ?? ''}">
<label for="scenario">Scenario</label><select id="scenario" name="scenario" required aria-describedby="scenario-hint">${scenarioOptions(form.scenario)}</select>
<p class="note" id="scenario-hint">The tutorial is a short practice round; a graded assessment usually plays one of the longer scenarios.</p>
<label for="passMark">Pass mark (fair score, 0 to 100)</label><input id="passMark" name="passMark" type="number" min="0" max="100" required value="${form.passMark ?? String(DEFAULT_PASS_MARK)}">
<label for="attempts">Attempts allowed</label><input id="attempts" name="attempts" type="number" min="1" max="20" required value="${form.attempts ?? '2'}">
<button type="submit">Make it and place it</button></form>
<h2>An assessment you made already</h2>
<form method="post" action="${action}"><input type="hidden" name="choice" value="existing">
<label for="assignment">Assessment id</label><input id="assignment" name="assignment" required value="${form.assignment ?? ''}">
<label for="secret">Its admin secret</label><input id="secret" name="secret" type="password" required autocomplete="off">
<button type="submit">Place it</button></form>`;
  return page('Place an assessment', body);
}

/** The assignment the instructor chose, made now if new; its admin secret when it is new. */
async function chosenAssignment(db: Database, f: z.infer<typeof formSchema>) {
  if (f.choice === 'existing') {
    const a = await asHr(db, f.assignment, { secret: f.secret, account: null });
    return { id: a.id, title: a.title, adminSecret: null };
  }
  const made = await createAssignment(
    db,
    createAssignmentRequestSchema.parse({
      title: f.title,
      scenario: { kind: 'bundled', id: f.scenario },
      passMark: f.passMark,
      attempts: f.attempts,
    }),
  );
  // the course's roster is the list: no one enrols by name outside the platform
  await db.query('UPDATE assignments SET open_enrolment = false WHERE id = $1', [
    made.assignment.id,
  ]);
  return { id: made.assignment.id, title: made.assignment.title, adminSecret: made.adminSecret };
}

export interface DeepLinkAnswer {
  page: string;
  returnUrl: string;
}

/** The signed answer to the platform, on a page with the button that takes it back. */
export async function answerDeepLink(
  db: Database,
  toolKey: ToolKey,
  origin: string,
  id: string,
  form: Form,
): Promise<DeepLinkAnswer> {
  const link = await deepLinkOf(db, id);
  const parsed = formSchema.safeParse(form);
  const retry = async (problem: string) => ({
    page: await choicePage(db, id, form, problem),
    returnUrl: link.return_url,
  });
  if (!parsed.success) return retry(parsed.error.issues.map((i) => i.message).join('; '));
  let chosen: Awaited<ReturnType<typeof chosenAssignment>>;
  try {
    chosen = await chosenAssignment(db, parsed.data);
  } catch (err) {
    if (err instanceof RoomError || err instanceof z.ZodError) return retry(err.message);
    throw err;
  }
  const platform = await platformById(db, link.platform_id);
  const jwt = await toolKey.sign(
    {
      iss: platform.client_id,
      aud: platform.issuer,
      nonce: randomBytes(16).toString('base64url'),
      [`${LTI}deployment_id`]: link.deployment_id,
      [`${LTI}message_type`]: DEEP_LINKING_RESPONSE,
      [`${LTI}version`]: '1.3.0',
      [`${DL}content_items`]: [
        {
          type: 'ltiResourceLink',
          title: chosen.title,
          url: `${origin}/lti/launch?assignment=${chosen.id}`,
          custom: { assignment: chosen.id },
          lineItem: { scoreMaximum: 100, label: chosen.title, resourceId: chosen.id },
        },
      ],
      ...(link.data ? { [`${DL}data`]: link.data } : {}),
    },
    300,
  );
  await db.query('DELETE FROM lti_deep_links WHERE id = $1', [id]);
  const secretNote = chosen.adminSecret
    ? html`<p>Keep this admin secret: it opens the assessment's results outside the course, and it is shown only now.</p>
<p><code>${chosen.adminSecret}</code></p>`
    : '';
  const body = html`<h1>“${chosen.title}” is ready for your course</h1>
<p>Assessment id <code>${chosen.id}</code>.</p>${secretNote}
<p>Press the button to add it to the course, with a gradebook column out of 100.</p>
<form method="post" action="${link.return_url}"><input type="hidden" name="JWT" value="${jwt}">
<button type="submit">Add it to the course</button></form>`;
  return { page: page('Ready for your course', body), returnUrl: link.return_url };
}
