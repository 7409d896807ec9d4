import { apiUrl, roomCall } from '../room/http.ts';
import { rostersSchema, rosterWords } from '../room/lti.ts';
import { h } from '../ui/dom.ts';
import { secretHeaders } from './session-api.ts';

// Above HR's cohort on the server, for an assessment placed in a course of a learning
// platform (LTI): asking for it has the server read the courses' rosters first (at most
// every few minutes), so the cohort that follows lists every learner enrolled there; it says
// when each roster was read, and why the last read failed if it did. Nothing is shown for
// an assessment no course roster lists.

/** The note, or null when no course's roster feeds the assessment. */
export async function courseRosterNote(id: string, secret: string): Promise<HTMLElement | null> {
  const { rosters } = await roomCall(
    apiUrl(`api/assignments/${encodeURIComponent(id)}/roster`),
    rostersSchema,
    { headers: secretHeaders(secret) },
  );
  if (rosters.length === 0) return null;
  return h(
    'div',
    { class: 'course-rosters' },
    ...rosters.map((r) =>
      h(
        'div',
        { class: `notice ${r.lastError ? 'notice-warning' : 'notice-info'}` },
        h('p', null, rosterWords(r)),
      ),
    ),
  );
}
