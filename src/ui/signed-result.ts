import { fileNamePart } from '../record/result-file.ts';
import type { SignedResultFile } from '../record/signed.ts';
import type { AssessmentPlay } from '../store/room-types.ts';
import { h } from './dom.ts';
import { offerFile, releaseFilesIn } from './file-link.ts';

// The debrief's result for an assessed attempt played through the server: nothing to hand
// in, since the server graded the attempt and HR already has it. The trainee may keep the
// signed result file; it is the server's own file, so it verifies as it came.

/** This page's link with `new` added: the assessment opens a new attempt (a new market). */
function nextAttemptLink(): string {
  const url = new URL(window.location.href);
  url.searchParams.set('new', '1');
  return url.toString();
}

/**
 * Which attempt counts, where the trainee has played more than one: the best, which HR and
 * a learning platform's gradebook hold, so a lower later attempt is no surprise there.
 */
function countedNote(attempt: number, a: AssessmentPlay): HTMLElement | null {
  const c = a.counted;
  if (!c || attempt === 1) return null;
  const verdict = `fair score ${c.fairScore}, ${c.passed ? 'passed' : 'not passed'}`;
  return h(
    'p',
    { class: 'counted-attempt', attrs: { 'data-counted-attempt': String(c.attempt) } },
    c.attempt === attempt
      ? `This is your best attempt so far, and the one that counts: HR and your course's gradebook hold its grade.`
      : `Your best attempt counts: attempt ${c.attempt} (${verdict}). That is the grade HR and your course's gradebook hold, not this attempt's.`,
  );
}

export function renderSignedResult(container: HTMLElement, a: AssessmentPlay): void {
  const result = a.result as SignedResultFile | null;
  if (!result) {
    container.replaceChildren(
      h('p', { attrs: { role: 'status' } }, 'The server is grading your attempt…'),
    );
    return;
  }
  const s = result.server;
  const safe = fileNamePart;
  const download = h('a', { class: 'btn' }, 'Download your signed result');
  offerFile(
    download,
    new Blob([`${JSON.stringify(result, null, 2)}\n`], { type: 'application/json' }),
    `tow-${safe(s.assignment)}-${safe(s.trainee)}-${s.attempt}.json`,
  );
  const counted = countedNote(s.attempt, a);
  // the link drawn here before (the last debrief's) lets its file go
  releaseFilesIn(container);
  container.replaceChildren(
    h(
      'p',
      { attrs: { 'data-assessed-grade': String(s.fairScore) } },
      `The server graded attempt ${s.attempt} of ${s.attemptsAllowed}: fair score ${s.fairScore}, ${
        s.passed ? 'passed' : 'not passed'
      } (pass mark ${s.passMark}). HR has your result already: there is nothing to hand in.`,
    ),
    ...(counted ? [counted] : []),
    h(
      'div',
      { class: 'row' },
      download,
      s.attempt < s.attemptsAllowed
        ? h(
            'a',
            { class: 'btn btn-primary', attrs: { href: nextAttemptLink() } },
            `Start attempt ${s.attempt + 1} of ${s.attemptsAllowed}`,
          )
        : null,
    ),
  );
}
