import { toCsv } from '../lib/csv.ts';
import type { CohortView, CreateAssignmentResponse } from '../room/assignments.ts';
import type { ScenarioDef } from '../sim/index.ts';
import { button, columnHeads, h } from '../ui/dom.ts';
import { field, scenarioSelect } from './assign-view.ts';
import { parseTrainees } from './assignment.ts';
import { download } from './download.ts';
import { gradebookSection } from './gradebook-view.ts';
import { serverAccountSection } from './server-account-view.ts';
import { cohortCsvOf, cohortOf, createAssessment, signedResultOf } from './server-api.ts';

// Assessments on the game's server, on HR's page when the page is served by it: create one
// (each trainee gets a personal link), then follow the cohort, download its CSV and each
// trainee's signed result. Every name and message reaches the page as text.

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

function cohortTable(view: CohortView, secret: string, status: HTMLElement): HTMLElement {
  const id = view.assignment.id;
  const cell = (t: string | number | null) => h('td', null, t === null ? '' : String(t));
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'table', attrs: { 'aria-describedby': 's-status' } },
      columnHeads(
        'Trainee',
        'Status',
        'Attempts',
        'Fair score',
        'Score',
        'Passed',
        'Last move',
        'Signed result',
      ),
      h(
        'tbody',
        null,
        ...view.trainees.map((t) =>
          h(
            'tr',
            null,
            h('th', { attrs: { scope: 'row' } }, t.trainee),
            cell(t.status),
            cell(`${t.attemptsUsed} of ${view.assignment.attempts}`),
            cell(t.fairScore),
            cell(t.score),
            cell(t.bestAttempt === null ? '' : t.passed ? 'yes' : 'no'),
            cell(t.lastActivity ? new Date(t.lastActivity).toLocaleString() : null),
            h(
              'td',
              null,
              t.bestAttempt === null
                ? ''
                : button(
                    `Download attempt ${t.bestAttempt}`,
                    () => {
                      const n = t.bestAttempt!;
                      signedResultOf(id, secret, t.trainee, n)
                        .then((text) =>
                          download(
                            text,
                            `tow-${id}-${t.trainee.replace(/[^\w.-]+/g, '_')}-${n}.json`,
                            'application/json',
                          ),
                        )
                        .catch((err: unknown) => {
                          status.textContent = `The result could not be downloaded: ${message(err)}`;
                        });
                    },
                    {
                      class: 'btn btn-quiet',
                      attrs: {
                        'aria-label': `Download attempt ${t.bestAttempt}: the signed result of ${t.trainee}`,
                      },
                    },
                  ),
            ),
          ),
        ),
      ),
    ),
  );
}

export function serverView(
  scenarios: readonly { scenario: ScenarioDef; hash: string }[],
  gameUrl: string,
): HTMLElement {
  const title = h('input', { id: 's-title', attrs: { type: 'text', maxlength: '120' } });
  const scenario = scenarioSelect('s-scenario', scenarios);
  const pass = h('input', {
    id: 's-pass',
    attrs: { type: 'number', min: '0', max: '100', step: '1', value: '60' },
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
  const secretInput = h('input', {
    id: 's-secret',
    attrs: { type: 'password', autocomplete: 'off', spellcheck: 'false' },
  });
  const status = h('p', {
    class: 'status',
    id: 's-status',
    attrs: { role: 'status', 'aria-live': 'polite' },
  });
  const cohort = h('div');
  const account = serverAccountSection((id) => {
    // signed in as HR: the cohort opens on the session, with no secret to paste
    idInput.value = id;
    secretInput.value = '';
    void show().then(() => cohort.scrollIntoView({ block: 'nearest' }));
  });

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
      secretInput.value = answer.adminSecret;
      status.textContent = `Assessment ${answer.assignment.id} is on the server, with ${answer.trainees.length} personal links.`;
      account.refresh();
    } catch (err) {
      status.textContent = `The assessment was not made: ${message(err)}`;
    }
  };

  const show = async () => {
    try {
      const view = await cohortOf(idInput.value.trim(), secretInput.value.trim());
      cohort.replaceChildren(cohortTable(view, secretInput.value.trim(), status));
      // trainees from a learning platform (LTI): where their grades stand in its gradebook
      const lms = await gradebookSection(view.assignment.id, secretInput.value.trim(), status);
      if (lms) cohort.append(lms);
      const done = view.trainees.filter((t) => t.bestAttempt !== null).length;
      status.textContent = `${view.assignment.title}: ${done} of ${view.trainees.length} trainees have a graded attempt (as of ${new Date(view.assignment.now).toLocaleTimeString()}).`;
    } catch (err) {
      status.textContent = `The cohort could not be read: ${message(err)}`;
    }
  };

  const csv = async () => {
    try {
      const id = idInput.value.trim();
      download(await cohortCsvOf(id, secretInput.value.trim()), `cohort-${id}.csv`);
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
      'This page is served by the game’s server, so it can run the assessment itself: it deals each trainee’s market when they start, counts their attempts, keeps the due date by its own clock, and grades and signs each result.',
    ),
    field('Title', title, 'Trainees see it while they play, for example “Sales academy, March”.'),
    field('Scenario', scenario),
    field('Pass mark (fair score, 0–100)', pass),
    field('Attempts allowed', attempts),
    field(
      'Due (optional)',
      due,
      'After this moment, by the server’s clock, no attempt starts or goes on.',
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
    account.element,
    h('h3', null, 'Follow a cohort'),
    field('Assessment id', idInput),
    field('Admin secret', secretInput, 'Not needed when you are signed in as HR.'),
    h(
      'div',
      { class: 'row' },
      button('Show the cohort', () => void show(), {
        class: 'btn btn-primary',
        attrs: { id: 's-show' },
      }),
      button('Download the cohort (CSV)', () => void csv(), { class: 'btn' }),
    ),
    status,
    cohort,
  );
}
