import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeRecord, encodeRecord } from '../../src/record/code.ts';
import type { SessionRecord } from '../../src/record/record.ts';

// Result codes already handed out must stay readable: these golden codes pin the byte
// format. A change that breaks one needs a new prefix (TOW2-) and a reader for the old.

const DIR = new URL('../fixtures/records/', import.meta.url).pathname;
const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({
    file: f,
    ...(JSON.parse(readFileSync(DIR + f, 'utf8')) as { code: string; record: SessionRecord }),
  }));

describe('golden result codes', () => {
  it('has fixtures to check', () => expect(fixtures.length).toBeGreaterThanOrEqual(3));

  it.each(fixtures)('$file decodes to its record', ({ code, record }) => {
    expect(decodeRecord(code)).toEqual({ ok: true, record });
  });

  it.each(fixtures.filter((f) => !f.file.startsWith('legacy')))(
    '$file is still written byte for byte the same',
    ({ code, record }) => {
      expect(encodeRecord(record)).toBe(code);
    },
  );
});
