import { toCsv } from '../lib/csv.ts';
import { marketShort } from '../lib/market-number.ts';
import type { Graded } from './grade.ts';
import { type Roster, rosterKey } from './roster.ts';
import type { MarkSource } from './rules.ts';

// One row per trainee and assignment: every trainee the links file assigned, those who
// sent nothing included, and every other trainee who sent a genuine result. A row's
// verdict comes from its best attempt among those that count (within the attempts
// allowed and on time); attempts that do not count are listed, and flagged, never graded
// as a pass. HR sees a pass on the third try as well as the pass.

export type RowStatus =
  | 'passed'
  | 'failed'
  | 'no result'
  | 'no genuine result'
  | 'over the limit or late only'
  | 'not signed only';

export interface CohortRow {
  trainee: string;
  session: string;
  scenario: string;
  status: RowStatus;
  /** the attempt the row is graded on: the best that counts, else the best sent */
  best?: Graded;
  /** genuine attempts, in order */
  attempts: Graded[];
  /** records for this trainee that were not genuine */
  rejected: number;
  passMark?: number;
  passMarkFrom?: MarkSource;
  attemptsAllowed?: number;
  /** the highest attempt number sent, or the number of games sent if that is more */
  attemptsUsed: number;
  due?: string;
}

const keyOf = (session: string, trainee: string) => rosterKey(session, trainee);
const better = (a: Graded, b: Graded | undefined) =>
  b === undefined || (a.grade ?? -1) > (b.grade ?? -1);

function statusOf(best: Graded | undefined, rejected: number): RowStatus {
  if (best === undefined) return rejected > 0 ? 'no genuine result' : 'no result';
  if (!best.counts) return best.notSigned ? 'not signed only' : 'over the limit or late only';
  return best.passed ? 'passed' : 'failed';
}

export function cohort(graded: readonly Graded[], roster?: Roster): CohortRow[] {
  const rows = new Map<string, CohortRow>();
  const blank = (trainee: string, session: string, scenario: string): CohortRow => ({
    trainee,
    session,
    scenario,
    status: 'no result',
    attempts: [],
    rejected: 0,
    attemptsUsed: 0,
  });
  for (const e of roster?.values() ?? []) {
    rows.set(keyOf(e.session, e.trainee), {
      ...blank(e.trainee, e.session, e.scenario),
      passMark: e.passMark,
      passMarkFrom: 'links file',
      attemptsAllowed: e.attempts,
      ...(e.due !== undefined ? { due: e.due } : {}),
    });
  }
  const rejected = new Map<string, number>();
  for (const g of graded) {
    // a result of an assignment the check is not of has no row; a duplicate counts once
    if (g.outside !== undefined) continue;
    const key = keyOf(g.session, g.trainee);
    if (!g.genuine) {
      if (g.duplicate) continue;
      if (g.trainee !== '') rejected.set(key, (rejected.get(key) ?? 0) + 1);
      continue;
    }
    // practice names no assignment: it is listed by the check, never a cohort row
    if (g.duplicate || g.practice) continue;
    let row = rows.get(key);
    if (!row) {
      row = blank(g.trainee, g.session, g.scenario);
      rows.set(key, row);
    }
    row.attempts.push(g);
  }
  for (const [key, n] of rejected) {
    const row = rows.get(key);
    if (row) row.rejected = n;
  }
  const out = [...rows.values()];
  for (const row of out) {
    row.attempts.sort((a, b) => (a.attempt ?? 0) - (b.attempt ?? 0));
    let best: Graded | undefined;
    for (const g of row.attempts) if (g.counts && better(g, best)) best = g;
    if (!best) for (const g of row.attempts) if (better(g, best)) best = g;
    if (best) {
      row.best = best;
      if (row.passMark === undefined && best.passMark !== undefined) row.passMark = best.passMark;
      if (row.passMarkFrom === undefined && best.passMarkFrom !== undefined)
        row.passMarkFrom = best.passMarkFrom;
      if (row.attemptsAllowed === undefined && best.attemptsAllowed !== undefined)
        row.attemptsAllowed = best.attemptsAllowed;
      if (row.due === undefined && best.due !== undefined) row.due = best.due;
    }
    // a browser cleared between attempts numbers them from 1 again: each game sent is one
    const highest = Math.max(0, ...row.attempts.map((g) => g.attempt ?? 0));
    row.attemptsUsed = Math.max(highest, row.attempts.length);
    row.status = statusOf(best, row.rejected);
  }
  return out.sort(
    (a, b) => a.session.localeCompare(b.session) || a.trainee.localeCompare(b.trainee),
  );
}

/** A flag as a spreadsheet cell; empty when it does not apply. */
export const yesNo = (b: boolean | undefined) => (b === undefined ? '' : b ? 'yes' : 'no');

function attemptText(g: Graded): string {
  const flags = [
    g.overLimit ? 'over the limit' : '',
    g.late ? 'late' : '',
    g.notSigned ? 'not signed' : '',
  ].filter(Boolean);
  const day = g.finished !== undefined ? `, finished ${g.finished}` : '';
  const counts = flags.length > 0 ? `; ${flags.join(', ')}: does not count` : '';
  return `#${g.attempt ?? '?'}: ${g.grade}% (score ${g.score}, ${g.passed ? 'pass' : 'fail'}${day}${counts})`;
}

export const COHORT_HEADER = [
  'trainee',
  'assignment',
  'scenario',
  'status',
  'passed',
  'best_fair_score',
  'best_score',
  'best_attempt',
  'pass_mark',
  'pass_mark_from',
  'attempts_allowed',
  'attempts_used',
  'over_limit',
  'due',
  'finished_on',
  'late',
  'attempts_submitted',
  'all_attempts',
  'not_genuine_submitted',
  'best_market',
  'best_seed',
] as const;

export function cohortCsv(rows: readonly CohortRow[]): string {
  return toCsv(
    COHORT_HEADER,
    rows.map((r) => {
      const b = r.best;
      const over = r.attemptsAllowed === undefined ? undefined : r.attemptsUsed > r.attemptsAllowed;
      return [
        r.trainee,
        r.session,
        r.scenario,
        r.status,
        r.status === 'passed' ? 'yes' : 'no',
        b?.grade ?? '',
        b?.score ?? '',
        b?.attempt ?? '',
        r.passMark ?? '',
        r.passMarkFrom ?? '',
        r.attemptsAllowed ?? '',
        r.attemptsUsed,
        yesNo(over),
        r.due ?? '',
        b?.finished ?? '',
        b === undefined || r.due === undefined || b.finished === undefined ? '' : yesNo(b.late),
        r.attempts.length,
        r.attempts.map(attemptText).join('; '),
        r.rejected,
        b === undefined || b.seed === '' ? '' : marketShort(b.seed),
        b?.seed ?? '',
      ];
    }),
  );
}
