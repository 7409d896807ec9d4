import { describe, expect, it } from 'vitest';
import { decodeRecord, encodeRecord } from '../../src/record/code.ts';
import { recordFor } from '../../src/ui/result.ts';
import { FakeStorage } from '../save/fake-storage.ts';
import { makeStore, playOut, tutorial } from './helpers.ts';

// An assessed game's result carries its assignment's terms and the day it was finished,
// by the trainee's clock, and keeps that day when the finished game is opened again.

const shelf = new Map([[tutorial.scenario.id, tutorial]]);
const assignment = {
  kind: 'assignment',
  session: 'acme-q3',
  trainee: 'alice',
  passMark: 70,
  attempts: 2,
  attempt: 0,
  due: '2026-03-31',
} as const;
// 1 April 2026, noon on the trainee's clock: a day after the due date
const APRIL_FIRST = new Date(2026, 3, 1, 12).getTime();

function resultOf(store: ReturnType<typeof makeStore>) {
  const s = store.getState();
  const code = encodeRecord(recordFor(s.entry!, s.sim!, s.context), tutorial.scenario);
  const decoded = decodeRecord(code, shelf);
  if (!decoded.ok) throw new Error(decoded.error);
  return decoded.record;
}

describe('an assessed game', () => {
  it('hands in a code with the pass mark, attempts allowed, due date and the day it ended', () => {
    const store = makeStore(new FakeStorage(), ['1'], APRIL_FIRST);
    store.getState().startMarket(tutorial.scenario.id, 's1', assignment);
    store.getState().beginQuarters();
    playOut(store);
    expect(resultOf(store)).toMatchObject({
      player: 'alice',
      session: 'acme-q3',
      attempt: 1,
      terms: { passMark: 70, attempts: 2, due: '2026-03-31' },
      finished: '2026-04-01',
    });
  });

  it('keeps the day it ended when opened again later, and a new attempt gets its own', () => {
    const raw = new FakeStorage();
    const first = makeStore(raw, ['1'], APRIL_FIRST);
    first.getState().startMarket(tutorial.scenario.id, 's1', assignment);
    first.getState().beginQuarters();
    playOut(first);
    // a week later the link is opened again: the finished game comes back as it was
    const later = makeStore(raw, ['1'], APRIL_FIRST + 7 * 86_400_000);
    later.getState().startMarket(tutorial.scenario.id, 's1', assignment);
    expect(later.getState().screen).toBe('debrief');
    expect(resultOf(later).finished).toBe('2026-04-01');
    later.getState().replayMarket();
    expect(later.getState().context).not.toHaveProperty('finished');
    playOut(later);
    expect(resultOf(later)).toMatchObject({ attempt: 2, finished: '2026-04-08' });
  });

  it('says no day at all when the clock is before 2000, rather than failing to give a code', () => {
    const store = makeStore(new FakeStorage(), ['1'], 0);
    store.getState().startMarket(tutorial.scenario.id, 's1', assignment);
    store.getState().beginQuarters();
    playOut(store);
    const record = resultOf(store);
    expect(record.terms?.passMark).toBe(70);
    expect(record).not.toHaveProperty('finished');
  });
});
