import { apiUrl, roomCall } from '../room/http.ts';
import { gradebookSchema, gradebookWords, sendAgainSchema } from '../room/lti.ts';
import { button, columnHeads, h } from '../ui/dom.ts';
import { secretHeaders as auth } from './session-api.ts';

// Beside HR's cohort on the server: for trainees who came through a learning platform
// (LTI 1.3), whether their grade reached the platform's gradebook, and a button to send
// again those the server gave up on. Nothing is shown for an assessment no platform uses.

const path = (id: string, rest: string) =>
  apiUrl(`api/assignments/${encodeURIComponent(id)}/gradebook${rest}`);

/** The section, or null when no trainee of the assessment came through a platform. */
export async function gradebookSection(
  id: string,
  secret: string,
  status: HTMLElement,
): Promise<HTMLElement | null> {
  const { entries } = await roomCall(path(id, ''), gradebookSchema, { headers: auth(secret) });
  if (entries.length === 0) return null;
  const failed = entries.filter((e) => e.status === 'failed').length;
  const sendAgain = async () => {
    try {
      const { queued } = await roomCall(path(id, '/send-again'), sendAgainSchema, {
        method: 'POST',
        headers: auth(secret),
      });
      status.textContent = `${queued === 1 ? 'One grade is' : `${queued} grades are`} being sent again: show the cohort again in a minute to see how it went.`;
    } catch (err) {
      status.textContent = `The grades could not be sent again: ${(err as Error).message}`;
    }
  };
  return h(
    'section',
    { class: 'lms-gradebook', attrs: { 'aria-labelledby': 's-gradebook' } },
    h('h4', { id: 's-gradebook' }, 'Grades sent to the learning platform'),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        // on a phone, a card a trainee with each line labelled, as the cohort above it
        { class: 'table gradebook cards-on-phone', attrs: { 'aria-labelledby': 's-gradebook' } },
        columnHeads('Trainee', 'Platform', 'Gradebook'),
        h(
          'tbody',
          null,
          ...entries.map((e) =>
            h(
              'tr',
              null,
              h('th', { attrs: { scope: 'row' } }, e.trainee),
              h('td', { attrs: { 'data-label': 'Platform' } }, e.platform),
              h('td', { attrs: { 'data-label': 'Gradebook' } }, gradebookWords(e)),
            ),
          ),
        ),
      ),
    ),
    failed > 0
      ? button('Send the grades not sent again', () => void sendAgain(), { class: 'btn' })
      : '',
  );
}
