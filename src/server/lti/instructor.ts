import { shownDateTime } from '../../lib/when.ts';
import { gradebookWords, rosterWords, statusWithCourse } from '../../room/lti.ts';
import { cohortOf } from '../assignments/cohort.ts';
import type { AssignmentRow } from '../assignments/rows.ts';
import type { Queryable } from '../db/database.ts';
import { gradebookOf } from './gradebook.ts';
import { html, page } from './html.ts';
import { rostersOf } from './roster.ts';

// What an instructor (or an admin) of the course sees when they open the assessment from
// the platform: the cohort as HR's view has it, and for each learner who came through the
// platform whether their grade reached the platform's gradebook, and if not, why; and when
// the course's roster was last read.

export async function instructorPage(
  q: Queryable,
  a: AssignmentRow,
  view: string,
  notice: string | null = null,
): Promise<string> {
  const cohort = await cohortOf(q, a);
  const rosters = await rostersOf(q, a.id);
  const gradebook = await gradebookOf(q, a.id);
  const sent = new Map(gradebook.map((e) => [e.trainee, e]));
  const givenUp = gradebook.filter((e) => e.status === 'failed').length;
  // each cell carries its column's name, shown beside it where the table is stacked (phones)
  const cell = (column: string, value: string | number) =>
    html`<td data-label="${column}">${value}</td>`;
  const rows = cohort.trainees.map(
    (t) =>
      html`<tr>${[
        html`<th scope="row">${t.trainee}</th>`,
        cell('Status', statusWithCourse(t.status, t.inCourse)),
        cell('Fair score', t.fairScore ?? '–'),
        cell('Passed', t.fairScore === null ? '–' : t.passed ? 'yes' : 'no'),
        cell('Attempts', `${t.attemptsUsed} of ${a.attempts}`),
        cell('Gradebook', gradebookWords(sent.get(t.trainee))),
      ]}</tr>`,
  );
  const due = a.due_at ? html`, due ${shownDateTime(a.due_at)}` : '';
  const body = html`<h1>${a.title}</h1>
<p>Scenario: ${a.scenario_title}. Pass mark: fair score ${a.pass_mark}. Attempts: ${a.attempts}${due}.</p>
<p class="note">The game's server dealt every market, checked every decision and graded each
finished attempt itself. A learner's best fair score is sent to your course's gradebook
when an attempt finishes.</p>
<h2>Learners</h2>
${rosters.map((r) => html`<p class="${r.lastError ? 'problem' : 'note'}">${rosterWords(r)}</p>`)}
${
  rows.length === 0
    ? html`<p>No one has opened the assessment yet.</p>`
    : html`<p class="note">Reload the page to see the latest.</p>
<div class="wide" tabindex="0" role="region" aria-label="Learners"><table class="stacks">
<thead><tr><th scope="col">Learner</th><th scope="col">Status</th><th scope="col">Fair score</th>
<th scope="col">Passed</th><th scope="col">Attempts</th><th scope="col">Gradebook</th></tr></thead>
<tbody>${rows}</tbody></table></div>`
}
${notice ? html`<p role="status">${notice}</p>` : ''}
${
  givenUp > 0
    ? html`<form method="post" action="/lti/cohort/send-again"><input type="hidden" name="v" value="${view}">
<p>${givenUp === 1 ? 'One grade' : `${givenUp} grades`} did not reach the gradebook after every try.</p>
<button type="submit">Send again</button></form>`
    : ''
}`;
  return page(a.title, body);
}
