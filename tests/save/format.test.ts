import { describe, expect, it } from 'vitest';
import {
  keyFormat,
  keyOf,
  parseSave,
  SAVE_VERSION,
  type SaveData,
  saveKey,
  serialiseSave,
} from '../../src/save/format.ts';
import { MODEL_VERSION } from '../../src/sim/index.ts';

const save: SaveData = {
  format: 'tow.save',
  v: 2,
  model: MODEL_VERSION,
  scenario: 'tutorial',
  hash: 'abc123',
  seed: '42',
  choices: ['a', 'b'],
  updated: 1_700_000_000_000,
  context: { kind: 'workshop', name: 'Berlin <b>academy</b>', session: 'ws-1' },
};

describe('save format 2', () => {
  it('reads back exactly what it wrote', () => {
    const parsed = parseSave(serialiseSave(save));
    expect(parsed).toEqual({ ok: true, save });
  });

  it('keys a save by model, scenario, content hash, seed and session, each encoded', () => {
    expect(saveKey('tutorial', 'abc123', '42')).toBe(
      `tow.save.v2.m${MODEL_VERSION}.tutorial.abc123.42`,
    );
    expect(keyOf(save)).toBe(`tow.save.v2.m${MODEL_VERSION}.tutorial.abc123.42.ws-1`);
    expect(keyOf({ ...save, model: 7 })).toBe('tow.save.v2.m7.tutorial.abc123.42.ws-1');
    expect(saveKey('a.b', 'h', 'x y', undefined, 1)).toBe('tow.save.v2.m1.a.b.h.x%20y');
  });

  it('tells its own keys from format 1 and from any other', () => {
    expect(keyFormat('tow.save.v2.m1.tutorial.abc.42')).toBe('mine');
    expect(keyFormat('tow.save.v1.tutorial.42')).toBe('legacy');
    expect(keyFormat('tow.save.v3.tutorial.42')).toBe('foreign');
    expect(keyFormat('tow.save.v20.tutorial.42')).toBe('foreign');
    expect(keyFormat('tow.save.index')).toBe('foreign');
  });

  it('reads a format-1 save as a game of model 1, the only model then', () => {
    const { v: _v, model: _m, ...rest } = save;
    const parsed = parseSave(JSON.stringify({ ...rest, v: 1 }));
    expect(parsed).toEqual({ ok: true, save: { ...save, model: 1 } });
  });

  it('reads the model a save names, whichever it is (replaying it is what may fail)', () => {
    expect(parseSave(serialiseSave({ ...save, model: 2 }))).toEqual({
      ok: true,
      save: { ...save, model: 2 },
    });
    const { model: _m, ...unstamped } = save;
    expect(parseSave(JSON.stringify(unstamped))).toMatchObject({
      ok: false,
      message: 'the saved game is damaged (it does not say which model played it)',
    });
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
    const parsed = parseSave(JSON.stringify({ ...save, v: SAVE_VERSION + 1 }));
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

  it('keeps the pass mark a practice replay of an assessed market is read against', () => {
    const p: SaveData = { ...save, context: { kind: 'practice', passMark: 40 } };
    expect(parseSave(serialiseSave(p))).toEqual({ ok: true, save: p });
    // a mark no pass could be read against is dropped, not trusted
    const wild = JSON.stringify({ ...save, context: { kind: 'practice', passMark: 400 } });
    expect(parseSave(wild)).toEqual({ ok: true, save: { ...save, context: { kind: 'practice' } } });
  });

  it('keeps a practice game between assessed attempts closed across a reload', () => {
    const p: SaveData = {
      ...save,
      context: { kind: 'practice', passMark: 60, answersClosed: true },
    };
    expect(parseSave(serialiseSave(p))).toEqual({ ok: true, save: p });
  });
});
