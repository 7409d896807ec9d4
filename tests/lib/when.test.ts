import { describe, expect, it } from 'vitest';
import { shownDate, shownDateTime, shownTime, utcDateTime } from '../../src/lib/when.ts';

// One date format on every HR and workshop page and export, whatever the browser's locale
// or time zone: the room CSV's "2026-12-06 20:51:31", with "UTC" said on a page.

describe('dates and times', () => {
  const at = '2026-12-06T20:51:31.487Z';

  it('writes the export and the page alike, in UTC, to the second', () => {
    expect(utcDateTime(at)).toBe('2026-12-06 20:51:31');
    expect(shownDateTime(at)).toBe('2026-12-06 20:51:31 UTC');
    expect(shownDate(at)).toBe('2026-12-06');
    expect(shownTime(at)).toBe('20:51:31 UTC');
  });

  it('takes a Date, an ISO string or milliseconds to the same text', () => {
    const ms = Date.parse(at);
    expect(shownDateTime(new Date(ms))).toBe(shownDateTime(ms));
    expect(shownDateTime(ms)).toBe(shownDateTime(at));
  });

  it('says so instead of throwing on a value that is no date', () => {
    expect(utcDateTime('not a date')).toBe('');
    expect(shownDateTime('not a date')).toBe('unknown time');
    expect(shownDate(Number.NaN)).toBe('unknown date');
  });
});
