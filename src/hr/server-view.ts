import { toCsv } from '../lib/csv.ts';
import { fileNamePart } from '../record/result-file.ts';
import type { Account } from '../room/accounts.ts';
import {
  assignmentIdSchema,
  type CohortView,
  type CreateAssignmentResponse,
} from '../room/assignments.ts';
import { cohortCsv } from '../room/cohort-csv.ts';
import { secretSchema } from '../room/protocol.ts';
import { DEFAULT_PASS_MARK, type ScenarioDef } from '../sim/index.ts';
import { button, columnHeads, h } from '../ui/dom.ts';
import { assessmentTermFields } from './assessment-terms.ts';
import { parseTrainees } from './assignment.ts';
import { type CohortFollower, followCohort } from './cohort-follow.ts';
import { type LiveCohortTable, liveCohortTable } from './cohort-table.ts';
import { courseRosterNote } from './course-roster-view.ts';
import { download } from './download.ts';
import { field } from './field.ts';
import { gradebookSection } from './gradebook-view.ts';
import { liveNote } from './live-note.ts';
import { scenarioField } from './scenario-field.ts';
import { secretInput, statusLine } from './section-parts.ts';
import { serverAccountSection } from './server-account-view.ts';
import { cohortCsvOf, createAssessment, signedResultOf } from './server-api.ts';

// Assessments on the game's server, on HR's page when the page is served by it: create one
// (each trainee gets a personal link), then follow the cohort live (cohort-follow.ts,
// cohort-table.ts), download its CSV and each trainee's signed result. Every name and
// message reaches the page as text.

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

function linksTable(made: CreateAssignmentResponse, gameUrl: string): HTMLElement {
  const linkOf = (token: string) => {
    const url = new URL(gameUrl);
    url.searchParams.set('assess', made.assignment.id);
    url.searchParams.set('t', token);
    return url.toString();
  };
  const rows = made.trainees.map((t) => ({ trainee: t.name, url: linkOf(t.token) }));
  return h(
    'div',
    null,
    h(
      'p',
      { class: 'warning', attrs: { role: 'alert' } },
      h('strong', null, 'Keep this admin secret now: '),
      h('code', { attrs: { 'data-admin-secret': '' } }, made.adminSecret),
      '. It opens the grades of this assessment, and it is shown only once.',
    ),
    h(
      'div',
      { class: 'row' },
      button(
        'Download the links (CSV)',
        () =>
          download(
            toCsv(
              ['trainee', 'assessment', 'link'],
              rows.map((r) => [r.trainee, made.assignment.id, r.url]),
            ),
            `assessment-${made.assignment.id}-links.csv`,
          ),
        { class: 'btn btn-primary' },
      ),
    ),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'table' },
        columnHeads('Trainee', 'Personal link'),
        h(
          'tbody',
          null,
          ...rows.map((r) =>
            h('tr', null, h('th', { attrs: { scope: 'row' } }, r.trainee), h('td', null, r.url)),
          ),
        ),
      ),
    ),
  );
}

function downloadSigned(
  id: string,
  secret: string,
  trainee: string,
  n: number,
  status: HTMLElement,
): void {
  signedResultOf(id, secret, trainee, n)
    .then((text) =>
      download(text, `tow-${id}-${fileNamePart(trainee)}-${n}.json`, 'application/json'),
    )
    .catch((err: unknown) => {
      status.textContent = `The result could not be downloaded: ${message(err)}`;
    });
}

export function serverView(
  scenarios: readonly { scenario: ScenarioDef; hash: string }[],
  gameUrl: string,
  /** hears each sign-in and sign-out (the learning platforms' section below) */
  accountChanged: (account: Account | null) => void = () => {},
): HTMLElement {
  const title = h('input', { id: 's-title', attrs: { type: 'text', maxlength: '120' } });
  const { select: scenario, field: scenarioRow } = scenarioField('s-scenario', scenarios);
  const pass = h('input', {
    id: 's-pass',
    attrs: { type: 'number', min: '0', max: '100', step: '1', value: String(DEFAULT_PASS_MARK) },
  });
  const attempts = h('input', {
    id: 's-attempts',
    attrs: { type: 'number', min: '1', max: '20', step: '1', value: '2' },
  });
  const due = h('input', { id: 's-due', attrs: { type: 'datetime-local' } });
  const trainees = h('textarea', { id: 's-trainees', attrs: { rows: '5', spellcheck: 'false' } });
  const made = h('div');
  const idInput = h('input', {
    id: 's-id',
    attrs: { type: 'text', autocomplete: 'off', spellcheck: 'false' },
  });
  const adminSecretInput = secretInput('s-secret');
  const status = statusLine('s-status');
  const cohort = h('div');
  const account = serverAccountSection((id) => {
    // signed in as HR: the cohort opens on the session, with no secret to paste
    idInput.value = id;
    adminSecretInput.value = '';
    show();
    cohort.scrollIntoView({ block: 'nearest' });
  }, accountChanged);

  const create = async () => {
    const list = parseTrainees(trainees.value);
    if (list.problems.length > 0 || list.ids.length === 0) {
      status.textContent =
        list.ids.length === 0
          ? 'Add at least one trainee.'
          : `Check the trainee list: ${list.problems.join('; ')}.`;
      return;
    }
    try {
      const answer = await createAssessment({
        title: title.value.trim() || 'Assessment',
        scenario: { kind: 'bundled', id: scenario.value },
        passMark: Number(pass.value),
        attempts: Number(attempts.value),
        ...(due.value ? { due: new Date(due.value).toISOString() } : {}),
        trainees: list.ids,
      });
      made.replaceChildren(linksTable(answer, gameUrl));
      idInput.value = answer.assignment.id;
      adminSecretInput.value = answer.adminSecret;
      status.textContent = `Assessment ${answer.assignment.id} is on the server, with ${answer.trainees.length} personal links.`;
      account.refresh();
    } catch (err) {
      status.textContent = `The assessment was not made: ${message(err)}`;
    }
  };

  // the cohort followed live: one at a time, replaced when HR asks for another
  let follower: CohortFollower | null = null;
  let shown: { id: string; table: LiveCohortTable } | null = null;

  // said once when the cohort is shown; its moves are counted above the table, not
  // announced one by one
  const summarise = (view: CohortView) => {
    const n = view.trainees.length;
    status.textContent = `${view.assignment.title}: ${n} ${n === 1 ? 'trainee' : 'trainees'}, followed live as they play.`;
  };

  const show = () => {
    const id = idInput.value.trim();
    const secret = adminSecretInput.value.trim();
    // no secret: the sign-in as HR speaks (the server says so when there is none)
    const secretOk = secret === '' || secretSchema.safeParse(secret).success;
    if (!assignmentIdSchema.safeParse(id).success || !secretOk) {
      status.textContent =
        'Enter the assessment id (12 characters) and its admin secret, as the server gave them when the assessment was made, or sign in as HR above.';
      return;
    }
    follower?.stop();
    const table = liveCohortTable((trainee, n) => downloadSigned(id, secret, trainee, n, status));
    const note = liveNote();
    const lms = h('div');
    const rosters = h('div');
    let first = true;
    shown = { id, table };
    cohort.replaceChildren(rosters, note.element, table.element, lms);
    // a course's roster (LTI) is read first, so the cohort that follows lists its learners
    courseRosterNote(id, secret)
      .then((note) => rosters.replaceChildren(...(note ? [note] : [])))
      .catch((err: unknown) => {
        status.textContent = `The course's roster could not be read: ${message(err)}`;
      });
    follower = followCohort(id, secret, {
      view(view) {
        table.show(view);
        note.updated(view.assignment.now);
        summarise(view);
        if (!first) return;
        first = false;
        // trainees from a learning platform (LTI): where their grades stand in its gradebook
        gradebookSection(id, secret, status)
          .then((section) => lms.replaceChildren(...(section ? [section] : [])))
          .catch((err: unknown) => {
            status.textContent = `The gradebook could not be read: ${message(err)}`;
          });
      },
      changes(msg) {
        table.apply(msg, msg.trainees);
        note.updated(msg.assignment.now);
      },
      connection(state) {
        note.connection(state);
        if (state.kind === 'refused')
          status.textContent = `The cohort could not be read: ${state.message}`;
      },
    });
  };

  const csv = async () => {
    const id = idInput.value.trim();
    // the cohort on screen, as shown: the file and the table agree, even offline
    const view = shown?.id === id ? shown.table.current() : null;
    try {
      const text = view ? cohortCsv(view) : await cohortCsvOf(id, adminSecretInput.value.trim());
      download(text, `cohort-${id}.csv`);
    } catch (err) {
      status.textContent = `The cohort could not be read: ${message(err)}`;
    }
  };

  return h(
    'section',
    { class: 'panel hr-section', attrs: { 'aria-labelledby': 'server-title' } },
    h('h2', { id: 'server-title' }, 'Assessments on the server'),
    h(
      'p',
      { class: 'hint' },
      "This page is served by the game's server, so it can run the assessment itself: it deals each trainee's market when they start, counts their attempts, keeps the due date by its own clock, and grades and signs each result.",
    ),
    account.element,
    h('h3', null, 'Create an assessment'),
    field('Title', title, 'Trainees see it while they play, for example “Sales academy, March”.'),
    scenarioRow,
    ...assessmentTermFields(pass, attempts, 'server'),
    field(
      'Due (optional)',
      due,
      "After this moment, by the server's clock, no attempt starts or goes on.",
    ),
    field('Trainees', trainees, 'One name or e-mail address a line, up to 40 characters each.'),
    h(
      'div',
      { class: 'row' },
      button('Create the assessment', () => void create(), {
        class: 'btn btn-primary',
        attrs: { id: 's-create' },
      }),
    ),
    made,
    h('h3', null, 'Follow a cohort'),
    field('Assessment id', idInput),
    field('Admin secret', adminSecretInput, 'Not needed when you are signed in as HR.'),
    h(
      'div',
      { class: 'row' },
      button('Show the cohort', show, {
        class: 'btn btn-primary',
        attrs: { id: 's-show' },
      }),
      button('Download the cohort (CSV)', () => void csv(), { class: 'btn' }),
    ),
    status,
    cohort,
  );
}
