import { shownDateTime } from '../lib/when.ts';
import type { ListedAssignment } from '../room/accounts.ts';
import { button, columnHeads, h } from '../ui/dom.ts';

// HR's list of every assessment on the server, for a signed-in HR (or admin) account:
// newest first, with who made it and how far its cohort has got, and a button that opens
// its cohort without the admin secret. Titles and names reach the page as text only.

const when = (iso: string | null) => (iso ? shownDateTime(iso) : 'none');

/** a cell that names its column, for the narrow layout where each row is a card */
const cell = (label: string, text: string) => h('td', { attrs: { 'data-label': label } }, text);

export function assignmentList(
  list: readonly ListedAssignment[],
  openCohort: (id: string) => void,
): HTMLElement {
  if (list.length === 0)
    return h('p', { class: 'hint' }, 'No assessment on the server yet: create one above.');
  return h(
    'div',
    { class: 'table-wrap assignment-list' },
    h(
      'table',
      { class: 'table', attrs: { 'aria-label': 'Assessments on the server' } },
      columnHeads('Assessment', 'Scenario', 'Graded', 'Due', 'Made by', 'Cohort'),
      h(
        'tbody',
        null,
        ...list.map((a) =>
          h(
            'tr',
            null,
            h(
              'th',
              { attrs: { scope: 'row' } },
              a.assignment.title,
              h('br'),
              h('code', null, a.assignment.id),
            ),
            cell('Scenario', a.assignment.scenario.title),
            cell('Graded', `${a.graded} of ${a.trainees}`),
            cell('Due', when(a.assignment.due)),
            cell('Made by', a.createdBy ?? 'no account (admin secret)'),
            h(
              'td',
              { attrs: { 'data-label': 'Cohort' } },
              button('Open the cohort', () => openCohort(a.assignment.id), {
                class: 'btn',
                attrs: {
                  'aria-label': `Open the cohort of ${a.assignment.title} (${a.assignment.id})`,
                },
              }),
            ),
          ),
        ),
      ),
    ),
  );
}
