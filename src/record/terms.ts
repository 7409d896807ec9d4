// An assessed game's terms travel in its record, so that a result graded without the
// links file is still graded on its own assignment's pass mark, attempt limit and due
// date, and a result graded with it can be checked against it. Dates are calendar days
// (YYYY-MM-DD); in a result code they are whole days since 2000-01-01, two bytes.

/** What an assignment link told the game: pass mark, attempts allowed, due date. */
export interface AssignmentTerms {
  passMark: number;
  attempts: number;
  /** the last day a result is on time, YYYY-MM-DD */
  due?: string;
}

const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(2000, 0, 1);
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 2000-01-01 of a calendar date, or null when it is no real date from 2000 on. */
export function dayNumber(date: string): number | null {
  const m = DATE.exec(date);
  if (!m) return null;
  const at = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const n = (at - EPOCH) / DAY_MS;
  // Date.UTC rolls 2026-02-30 over to March: only a date that reads back the same is real
  return n >= 0 && dayText(n) === date ? n : null;
}

export function dayText(day: number): string {
  return new Date(EPOCH + day * DAY_MS).toISOString().slice(0, 10);
}

/** The calendar day of a moment on the clock of the machine that runs this (the trainee's). */
export function localDay(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const isWhole = (x: unknown, max: number): x is number =>
  typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= max;

/** What is wrong with a record's terms or finishing day, or null when they are sound. */
export function termsProblem(terms: unknown, finished: unknown): string | null {
  if (terms !== undefined) {
    if (typeof terms !== 'object' || terms === null || Array.isArray(terms))
      return '"terms" must be an object';
    const t = terms as Record<string, unknown>;
    const extra = Object.keys(t).find((k) => !['passMark', 'attempts', 'due'].includes(k));
    if (extra !== undefined) return `unexpected field "terms.${extra}"`;
    if (!isWhole(t.passMark, 100)) return '"terms.passMark" must be a whole number from 0 to 100';
    if (!isWhole(t.attempts, 99) || t.attempts < 1)
      return '"terms.attempts" must be a whole number from 1 to 99';
    if (t.due !== undefined && (typeof t.due !== 'string' || dayNumber(t.due) === null))
      return '"terms.due" must be a date (YYYY-MM-DD) from 2000 on';
  }
  if (finished !== undefined && (typeof finished !== 'string' || dayNumber(finished) === null))
    return '"finished" must be a date (YYYY-MM-DD) from 2000 on';
  return null;
}
