import type { SessionRecord } from '../record/record.ts';
import type { AssignmentTerms } from '../record/terms.ts';
import type { RosterEntry } from './roster.ts';

// Which pass mark, attempt limit and due date a result is held to, and whether it keeps
// them. The links file HR kept decides; without it the terms the result carries from its
// link do (a claim, like the score: see docs/hr.md); without either, the verifier's own
// mark, and the result says so. A result over the attempt limit or finished after the
// due date is graded and listed, but does not count towards passing.

/** Where a result's pass mark came from. */
export type MarkSource = 'links file' | 'result' | 'verifier';

export interface Rules {
  passMark: number;
  passMarkFrom: MarkSource;
  attemptsAllowed?: number;
  due?: string;
  /** the result's attempt number is over the attempts allowed */
  overLimit: boolean;
  /** finished after the due date, by the trainee's clock */
  late: boolean;
  notes: string[];
}

const termsText = (t: AssignmentTerms) =>
  `pass mark ${t.passMark}, ${t.attempts} attempt${t.attempts === 1 ? '' : 's'}, due ${t.due ?? 'any time'}`;

const listedTerms = (entry: RosterEntry): AssignmentTerms => ({
  passMark: entry.passMark,
  attempts: entry.attempts,
  ...(entry.due !== undefined ? { due: entry.due } : {}),
});

/** Why the result's terms are not the links file's, or null when they agree or it has none. */
export function termsMismatch(r: SessionRecord, entry: RosterEntry): string | null {
  const t = r.terms;
  if (t === undefined) return null;
  const listed = listedTerms(entry);
  if (t.passMark === listed.passMark && t.attempts === listed.attempts && t.due === listed.due)
    return null;
  return `the result says ${termsText(t)}; the links file says ${termsText(listed)}: the result was edited, or played from other links`;
}

export function rulesFor(
  r: SessionRecord,
  entry: RosterEntry | undefined,
  verifierMark: number,
): Rules {
  const notes: string[] = [];
  const terms = entry ? listedTerms(entry) : r.terms;
  const passMarkFrom: MarkSource = entry ? 'links file' : r.terms ? 'result' : 'verifier';
  const passMark = terms?.passMark ?? verifierMark;
  if (passMarkFrom === 'verifier') {
    notes.push(
      `no pass mark in the result or a links file: graded on the verifier's mark, ${verifierMark}`,
    );
  }
  const overLimit = terms !== undefined && r.attempt !== undefined && r.attempt > terms.attempts;
  if (overLimit)
    notes.push(`attempt ${r.attempt} is over the ${terms.attempts} allowed: it does not count`);
  const due = terms?.due;
  const late = due !== undefined && r.finished !== undefined && r.finished > due;
  if (late) notes.push(`finished ${r.finished}, after the due date ${due}: it does not count`);
  if (due !== undefined && r.finished === undefined)
    notes.push('the result does not say when it was finished (made by an older game)');
  return {
    passMark,
    passMarkFrom,
    ...(terms !== undefined ? { attemptsAllowed: terms.attempts } : {}),
    ...(due !== undefined ? { due } : {}),
    overLimit,
    late,
    notes,
  };
}
