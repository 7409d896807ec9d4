import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { traineeSeed } from '../../src/hr/binding.ts';
import { fromBase64Url, toBase64Url } from '../../src/links/links.ts';
import { ByteWriter } from '../../src/record/bytes.ts';
import { asRecord, decodeRecord, encodeRecord } from '../../src/record/code.ts';
import { makeRecord } from '../../src/record/record.ts';
import { dayNumber, dayText, localDay } from '../../src/record/terms.ts';
import { playPolicy } from '../../src/sim/index.ts';
import { eight, tutorial } from './scenarios.ts';

// An assessed result carries its assignment's terms and the day it was finished, so a
// verifier without the links file grades it on its own pass mark, and one with the
// links file can check them.

const HASH = 'd9cf4fd9c29d3985';
const scenarios = new Map([tutorial, eight].map((s) => [s.id, { scenario: s }]));
const who = {
  player: 'anna.schmidt@example.com',
  session: 'sales-academy-2026-03',
  attempt: 2,
};
const terms = { passMark: 70, attempts: 3, due: '2026-03-31' };

function assessed(scenario = eight) {
  const seed = traineeSeed(who.session, 'k3x9p2m7', who.player);
  const { state } = playPolicy(scenario, seed, 'random');
  return {
    plain: makeRecord(scenario, HASH, state, who),
    record: makeRecord(scenario, HASH, state, { ...who, terms, finished: '2026-03-28' }),
  };
}

describe('an assessed result code', () => {
  it('carries the pass mark, attempts allowed, due date and finishing day, 8 characters more', () => {
    const { plain, record } = assessed();
    const code = encodeRecord(record, eight);
    const decoded = decodeRecord(code, scenarios);
    expect(decoded).toEqual({ ok: true, record });
    if (!decoded.ok) return;
    expect(decoded.record.terms).toEqual(terms);
    expect(decoded.record.finished).toBe('2026-03-28');
    // measured: 153 characters without the terms, 161 with them (8 quarters, an e-mail
    // address as trainee id, a 21-character assignment id, the model version)
    expect(code.length - encodeRecord(plain, eight).length).toBeLessThanOrEqual(8);
    expect(code.length).toBeLessThanOrEqual(162);
  });

  it('keeps a due date that is not set out of the code, and reads it back as absent', () => {
    const { record } = assessed(tutorial);
    const open = { ...record, terms: { passMark: 50, attempts: 1 } };
    expect(decodeRecord(encodeRecord(open, tutorial), scenarios)).toEqual({
      ok: true,
      record: open,
    });
  });

  it('fails its checksum when a pass mark, attempt limit, due date or finishing day is edited', () => {
    const { record } = assessed(tutorial);
    const code = encodeRecord(record, tutorial);
    const check = code.slice(code.lastIndexOf('.'));
    const edits = [
      { terms: { ...terms, passMark: 10 } },
      { terms: { ...terms, attempts: 9 } },
      { terms: { ...terms, due: '2026-12-31' } },
      { finished: '2026-03-01' },
    ];
    for (const edit of edits) {
      const forged = encodeRecord({ ...record, ...edit }, tutorial);
      expect(forged).not.toBe(code);
      const spliced = forged.slice(0, forged.lastIndexOf('.')) + check;
      expect(decodeRecord(spliced, scenarios)).toMatchObject({ ok: false, error: /checksum/ });
    }
  });

  it('says "update the game" for a code with a field from a newer game', () => {
    // a format-2 code whose flags name a field this game does not know (bit 64)
    const fields = new ByteWriter()
      .uint(3)
      .uint(128)
      .text('0.9.0')
      .text('tutorial')
      .text('x')
      .text('s')
      .uint(0)
      .uint(0)
      .uint(0)
      .done();
    const body = toBase64Url(Uint8Array.from([0, ...fields]));
    const check = toBase64Url(sha256(utf8ToBytes(`tug-of-war|${body}`)).slice(0, 5));
    expect(fromBase64Url(body)[0]).toBe(0);
    expect(decodeRecord(`TOW1-${body}.${check}`, scenarios)).toEqual({
      ok: false,
      error: 'the code was made by a newer game: update the game',
    });
  });

  it('refuses terms that are not sound in a record read from a file, saying which field', () => {
    const { record } = assessed(tutorial);
    const cases: [object, RegExp][] = [
      [{ terms: { ...terms, passMark: 101 } }, /"terms\.passMark" must be a whole number from 0/],
      [{ terms: { ...terms, attempts: 0 } }, /"terms\.attempts"/],
      [{ terms: { ...terms, due: '2026-02-30' } }, /"terms\.due" must be a date/],
      [{ terms: { ...terms, by: 'hr' } }, /unexpected field "terms\.by"/],
      [{ terms: 'strict' }, /"terms" must be an object/],
      [{ finished: 'yesterday' }, /"finished" must be a date/],
    ];
    for (const [edit, why] of cases) {
      expect(asRecord({ ...record, ...edit })).toMatchObject({ ok: false, error: why });
    }
    expect(asRecord({ ...record, v: 9, signed: 'x' })).toMatchObject({
      ok: false,
      error: /made by a newer game \(format 9, field "signed"\): update the game/,
    });
  });
});

describe('calendar days', () => {
  it('counts days from 2000-01-01 and refuses dates that do not exist', () => {
    expect(dayNumber('2000-01-01')).toBe(0);
    expect(dayNumber('2026-03-31')).toBe(9586);
    expect(dayText(9586)).toBe('2026-03-31');
    expect(dayNumber('2024-02-29')).not.toBeNull();
    for (const bad of ['2026-02-29', '2026-13-01', '1999-12-31', '31.03.2026', ''])
      expect(dayNumber(bad), bad).toBeNull();
  });

  it('reads the day on the local clock, not in UTC', () => {
    const late = new Date(2026, 2, 31, 23, 30).getTime();
    expect(localDay(late)).toBe('2026-03-31');
  });
});
