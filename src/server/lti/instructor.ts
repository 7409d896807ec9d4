import { cohortOf } from '../assignments/cohort.ts';
import type { AssignmentRow } from '../assignments/rows.ts';
import type { Queryable } from '../db/database.ts';
import { html, page } from './html.ts';

// What an instructor (or an admin) of the course sees when they open the assessment from
// the platform: the cohort as HR's view has it, and for each learner who came through the
// platform whether their grade reached the platform's gradebook, and if not, why.

interface PassbackSummary {
  name: string;
  status: 'pending' | 'sent' | 'failed';
  score_sent: number | null;
  last_error: string | null;
}

async function passbacksOf(q: Queryable, assignmentId: string) {
  const rows = await q.query<PassbackSummary>(
    `SELECT DISTINCT ON (t.id) t.name, p.status, p.score_sent, p.last_error
     FROM lti_passbacks p JOIN trainees t ON t.id = p.trainee_id
     WHERE t.assignment_id = $1 ORDER BY t.id, p.number DESC`,
    [assignmentId],
  );
  return new Map(rows.map((r) => [r.name, r]));
}

function gradebookCell(p: PassbackSummary | undefined): string {
  if (!p) return '–';
  if (p.status === 'sent') return `sent: ${p.score_sent}`;
  if (p.status === 'pending')
    return p.last_error ? `not yet, trying again (${p.last_error})` : 'being sent';
  return `not sent: ${p.last_error ?? 'the platform refused it'}`;
}

export async function instructorPage(q: Queryable, a: AssignmentRow): Promise<string> {
  const view = await cohortOf(q, a);
  const sent = await passbacksOf(q, a.id);
  const rows = view.trainees.map(
    (t) => html`<tr><td>${t.trainee}</td><td>${t.status}</td><td>${t.fairScore ?? '–'}</td>
<td>${t.fairScore === null ? '–' : t.passed ? 'yes' : 'no'}</td><td>${t.attemptsUsed} of ${a.attempts}</td>
<td>${gradebookCell(sent.get(t.trainee))}</td></tr>`,
  );
  const due = a.due_at
    ? html`, due ${a.due_at.toISOString().slice(0, 16).replace('T', ' ')} UTC`
    : '';
  const body = html`<h1>${a.title}</h1>
<p>Scenario: ${a.scenario_title}. Pass mark: fair score ${a.pass_mark}. Attempts: ${a.attempts}${due}.</p>
<p class="note">The game's server dealt every market, checked every decision and graded each
finished attempt itself. A learner's best fair score is sent to your course's gradebook
when an attempt finishes.</p>
<h2>Learners</h2>
${
  rows.length === 0
    ? html`<p>No one has opened the assessment yet.</p>`
    : html`<p class="note">Reload the page to see the latest.</p>
<div class="wide" tabindex="0" role="region" aria-label="Learners"><table>
<thead><tr><th scope="col">Learner</th><th scope="col">Status</th><th scope="col">Fair score</th>
<th scope="col">Passed</th><th scope="col">Attempts</th><th scope="col">Gradebook</th></tr></thead>
<tbody>${rows}</tbody></table></div>`
}`;
  return page(a.title, body);
}
