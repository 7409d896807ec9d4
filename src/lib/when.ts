// One way to write a date and time on every HR and workshop page and in every export:
// "2026-12-06 20:51:31" in UTC, which every spreadsheet reads and which does not change
// with the reader's browser or time zone (a cohort and its facilitator may sit apart).
// Pages add " UTC" so that nobody takes it for their local time; a CSV says it in its
// column's header.

/** The moment as "YYYY-MM-DD HH:MM:SS" in UTC; null for a value that is no date. */
function utcParts(at: Date | string | number): string | null {
  const d = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(d.getTime())) return null;
  return d.toISOString().slice(0, 19).replace('T', ' ');
}

/** For a CSV cell under a "(UTC)" header: "2026-12-06 20:51:31"; empty if no date. */
export function utcDateTime(at: Date | string | number): string {
  return utcParts(at) ?? '';
}

/** For a page: "2026-12-06 20:51:31 UTC"; "unknown time" if no date. */
export function shownDateTime(at: Date | string | number): string {
  const t = utcParts(at);
  return t === null ? 'unknown time' : `${t} UTC`;
}

/** For a page, the day alone: "2026-12-06"; "unknown date" if no date. */
export function shownDate(at: Date | string | number): string {
  return utcParts(at)?.slice(0, 10) ?? 'unknown date';
}

/** For a page, the time of day alone: "20:51:31 UTC"; "unknown time" if no date. */
export function shownTime(at: Date | string | number): string {
  const t = utcParts(at);
  return t === null ? 'unknown time' : `${t.slice(11)} UTC`;
}
