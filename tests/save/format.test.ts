import { describe, expect, it } from 'vitest';
import { keyOf, parseSave, type SaveData, saveKey, serialiseSave } from '../../src/save/format.ts';

const save: SaveData = {
  format: 'tow.save',
  v: 1,
  scenario: 'tutorial',
  hash: 'abc123',
  seed: '42',
  choices: ['a', 'b'],
  updated: 1_700_000_000_000,
  context: { kind: 'workshop', name: 'Berlin <b>academy</b>', session: 'ws-1' },
};

describe('save format 1', () => {
  it('reads back exactly what it wrote', () => {
    const parsed = parseSave(serialiseSave(save));
    expect(parsed).toEqual({ ok: true, save });
  });

  it('keys a save by scenario, seed and session, each encoded', () => {
    expect(saveKey('tutorial', '42')).toBe('tow.save.v1.tutorial.42');
    expect(keyOf(save)).toBe('tow.save.v1.tutorial.42.ws-1');
    expect(saveKey('a.b', 'x y')).toBe('tow.save.v1.a.b.x%20y');
  });

  it.each([
    ['not JSON', '{"format":'],
    ['not a save', '{"hello":1}'],
    ['a list', '[1,2]'],
    ['no choices', JSON.stringify({ ...save, choices: 'a,b' })],
    ['a broken context', JSON.stringify({ ...save, context: { kind: 'boss' } })],
    ['an old format', JSON.stringify({ ...save, v: 0 })],
    ['no date', JSON.stringify({ ...save, updated: 'yesterday' })],
  ])('refuses %s as unreadable, with a reason', (_name, text) => {
    const parsed = parseSave(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.problem).toBe('unreadable');
      expect(parsed.message).toMatch(/damaged \(.+\)/);
    }
  });

  it('tells a save from a newer game apart, so it can be kept', () => {
    const parsed = parseSave(JSON.stringify({ ...save, v: 2 }));
    expect(parsed).toMatchObject({ ok: false, problem: 'newer' });
  });

  it('keeps an assignment context whole', () => {
    const a: SaveData = {
      ...save,
      context: {
        kind: 'assignment',
        session: 's',
        trainee: 't-9',
        passMark: 60,
        attempts: 2,
        attempt: 1,
        due: '2026-12-01',
      },
    };
    expect(parseSave(serialiseSave(a))).toEqual({ ok: true, save: a });
  });
});
