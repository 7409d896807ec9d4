import { describe, expect, it } from 'vitest';
import { anotherTryCounts } from '../../src/store/attempts-left.ts';
import { assignment, NOW, onServer } from './assessed-fixtures.ts';

// "Not passed yet" promises a try that counts: the debrief asks this before it says "yet".

describe('anotherTryCounts', () => {
  it('practice, a workshop link and a live room can always be played again', () => {
    expect(anotherTryCounts({ context: { kind: 'practice' }, room: null }, NOW)).toBe(true);
    expect(
      anotherTryCounts({ context: { kind: 'workshop', name: 'a', session: 's' }, room: null }, NOW),
    ).toBe(true);
  });

  it('a link or LMS package counts its attempts on this device', () => {
    // SCORM with 1 attempt of 1: the first game is the last that counts
    expect(anotherTryCounts({ context: assignment(1, 1), room: null }, NOW)).toBe(false);
    // an attempt not yet numbered counts as the first
    expect(anotherTryCounts({ context: assignment(1, 0), room: null }, NOW)).toBe(false);
    expect(anotherTryCounts({ context: assignment(2, 1), room: null }, NOW)).toBe(true);
    expect(anotherTryCounts({ context: assignment(2, 2), room: null }, NOW)).toBe(false);
  });

  it("a link's due date closes it after that day, by the day the attempt ended", () => {
    const late = assignment(3, 1, { due: '2026-12-05', finished: '2026-12-06' });
    expect(anotherTryCounts({ context: late, room: null }, NOW)).toBe(false);
    const onTheDay = assignment(3, 1, { due: '2026-12-06', finished: '2026-12-06' });
    expect(anotherTryCounts({ context: onTheDay, room: null }, NOW)).toBe(true);
    // no finishing day noted: today by this device's clock
    expect(
      anotherTryCounts({ context: assignment(3, 1, { due: '2026-12-01' }), room: null }, NOW),
    ).toBe(false);
  });

  it("the server's assessment: its attempts, and its due moment by the server's clock", () => {
    const practice = { kind: 'practice' } as const;
    expect(anotherTryCounts({ context: practice, room: onServer(1, 1) }, NOW)).toBe(false);
    expect(anotherTryCounts({ context: practice, room: onServer(1, 2) }, NOW)).toBe(true);
    const due = '2026-12-06T12:30:00Z';
    expect(anotherTryCounts({ context: practice, room: onServer(1, 2, due) }, NOW)).toBe(true);
    // the server's clock is an hour ahead of this device: its due moment has passed
    expect(anotherTryCounts({ context: practice, room: onServer(1, 2, due, 3_600_000) }, NOW)).toBe(
      false,
    );
  });
});
