import { describe, expect, it } from 'vitest';
import { saveKey } from '../../src/save/format.ts';
import {
  NOTE_MAX,
  parseReflection,
  reflectionKey,
  serialiseReflection,
} from '../../src/save/reflection.ts';

describe('reflection notes format', () => {
  it('names a market by the same parts as its save', () => {
    const key = reflectionKey('silos', 'abc', '12', 'hr 1', 2);
    expect(key).toBe('tow.reflection.v1.m2.silos.abc.12.hr%201');
    expect(
      saveKey('silos', 'abc', '12', 'hr 1', 2).endsWith(key.slice('tow.reflection.v1.'.length)),
    ).toBe(true);
  });

  it('reads back what it writes, and nothing as no notes', () => {
    const notes = { plan: 'Monday: one account plan', 'q2.joint-plan': 'I expected buy-in' };
    expect(parseReflection(serialiseReflection(notes, 5))).toEqual({ ok: true, notes });
    expect(parseReflection(null)).toEqual({ ok: true, notes: {} });
  });

  it('refuses what it did not write, with a reason', () => {
    for (const text of [
      'nope',
      '[]',
      JSON.stringify({ format: 'tow.save', v: 1, notes: {} }),
      JSON.stringify({ format: 'tow.reflection', v: 9, notes: {} }),
      JSON.stringify({ format: 'tow.reflection', v: 1, notes: { '<script>': 'x' } }),
      JSON.stringify({ format: 'tow.reflection', v: 1, notes: { plan: 3 } }),
    ]) {
      const parsed = parseReflection(text);
      expect(parsed.ok, text).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(/could not be read \(.+\)/);
    }
  });

  it('cuts an overlong answer to the longest kept', () => {
    const parsed = parseReflection(serialiseReflection({ plan: 'x'.repeat(NOTE_MAX + 10) }, 1));
    expect(parsed.ok && parsed.notes.plan?.length).toBe(NOTE_MAX);
  });
});
