import { describe, expect, it } from 'vitest';
import {
  answerKeyState,
  answersClosedBecause,
  bestPathShown,
  practiceContext,
} from '../../src/store/answer-key.ts';
import type { DebriefState } from '../../src/store/debrief-types.ts';
import { assignment, NOW, onServer } from './assessed-fixtures.ts';

// The one rule every assessed debrief follows for its answer key (which reply would have
// scored more, the what-if, the par lines with the best path's score): closed while an
// attempt that counts remains, on the server as on a link or in an LMS package.

const practice = { kind: 'practice' } as const;
const handedIn = (yes: boolean) => ({ handedIn: yes }) as DebriefState;
const SIGNED = { signed: true };

describe('answersClosedBecause', () => {
  it('keeps the answers closed while an attempt that counts remains, kept or not', () => {
    for (const resultKept of [false, true])
      expect(answersClosedBecause({ resultKept, anotherAttemptCounts: true })).toBe(
        'attempts-left',
      );
  });

  it('opens them when no attempt that counts remains, once the result is kept', () => {
    expect(answersClosedBecause({ resultKept: false, anotherAttemptCounts: false })).toBe(
      'result-not-kept',
    );
    expect(answersClosedBecause({ resultKept: true, anotherAttemptCounts: false })).toBeNull();
  });
});

describe('answerKeyState on the server (assessments and LTI launches)', () => {
  it('stays closed after graded attempt 1 of 2, although attempt 2 is dealt another market', () => {
    const room = onServer(1, 2, undefined, 0, SIGNED);
    expect(answerKeyState({ context: practice, debrief: null, room }, NOW)).toBe('attempts-left');
  });

  it('opens after the last attempt once the server has graded it', () => {
    // nothing for the trainee to hand in: the server's grade is awaited, and said so
    const waiting = onServer(2, 2);
    expect(answerKeyState({ context: practice, debrief: null, room: waiting }, NOW)).toBe(
      'being-graded',
    );
    const graded = onServer(2, 2, undefined, 0, SIGNED);
    expect(answerKeyState({ context: practice, debrief: null, room: graded }, NOW)).toBeNull();
  });

  it('opens once the due date has passed by the server clock, attempts left or not', () => {
    const late = onServer(1, 3, '2026-12-06T11:00:00Z', 0, SIGNED);
    expect(answerKeyState({ context: practice, debrief: null, room: late }, NOW)).toBeNull();
    // this device runs two hours behind the server: the due moment has passed there
    const skewed = onServer(1, 3, '2026-12-06T13:00:00Z', 7_200_000, SIGNED);
    expect(answerKeyState({ context: practice, debrief: null, room: skewed }, NOW)).toBeNull();
  });
});

describe('answerKeyState on an assignment link or an LMS package', () => {
  it('stays closed while a later attempt remains, handed in or not', () => {
    for (const yes of [false, true])
      expect(
        answerKeyState({ context: assignment(2, 1), debrief: handedIn(yes), room: null }, NOW),
      ).toBe('attempts-left');
  });

  it('opens after the last attempt once its result is handed in', () => {
    const last = assignment(2, 2);
    expect(answerKeyState({ context: last, debrief: handedIn(false), room: null }, NOW)).toBe(
      'result-not-kept',
    );
    expect(answerKeyState({ context: last, debrief: handedIn(true), room: null }, NOW)).toBeNull();
  });

  it('opens on a link finished after its due date, since no later attempt can count', () => {
    const late = assignment(3, 1, { due: '2026-12-01', finished: '2026-12-02' });
    expect(answerKeyState({ context: late, debrief: handedIn(true), room: null }, NOW)).toBeNull();
  });

  it('is open for practice', () => {
    expect(answerKeyState({ context: practice, debrief: null, room: null }, NOW)).toBeNull();
  });
});

describe('bestPathShown', () => {
  it("names the server's best path only with the rest of its key", () => {
    const open = { context: practice, debrief: null, room: onServer(2, 2, undefined, 0, SIGNED) };
    expect(bestPathShown(open, NOW)).toBe(true);
    const left = { context: practice, debrief: null, room: onServer(1, 2, undefined, 0, SIGNED) };
    expect(bestPathShown(left, NOW)).toBe(false);
  });

  it('never names it on an assignment link or in an LMS package, whose market may be shared', () => {
    const last = { context: assignment(1, 1), debrief: handedIn(true), room: null };
    expect(answerKeyState(last, NOW)).toBeNull();
    expect(bestPathShown(last, NOW)).toBe(false);
  });

  it('names it in practice', () => {
    expect(bestPathShown({ context: practice, debrief: null, room: null }, NOW)).toBe(true);
  });
});

describe('practice started from an assessed debrief (practiceContext)', () => {
  const closedPractice = { kind: 'practice', answersClosed: true } as const;

  it('keeps the key closed while an attempt that counts remains, on the server and on a link', () => {
    const server = practiceContext({ context: practice, room: onServer(1, 2) }, NOW);
    expect(server).toEqual({ kind: 'practice', passMark: 50, answersClosed: true });
    const link = practiceContext({ context: assignment(2, 1), room: null }, NOW);
    expect(link).toEqual({ kind: 'practice', passMark: 50, answersClosed: true });
    for (const context of [server, link]) {
      const s = { context, debrief: null, room: null };
      expect(answerKeyState(s, NOW)).toBe('rehearsal');
      expect(bestPathShown(s, NOW)).toBe(false);
    }
  });

  it('keeps it closed for practice started from such practice (a replay, a new market)', () => {
    expect(practiceContext({ context: closedPractice, room: null }, NOW)).toEqual(closedPractice);
  });

  it('opens it once no attempt that counts remains (the last, or past the due date)', () => {
    const last = practiceContext({ context: practice, room: onServer(2, 2) }, NOW);
    expect(last).toEqual({ kind: 'practice', passMark: 50 });
    const late = practiceContext(
      { context: assignment(2, 1, { due: '2026-12-01' }), room: null },
      NOW,
    );
    expect(late).toEqual({ kind: 'practice', passMark: 50 });
    expect(answerKeyState({ context: last, debrief: null, room: null }, NOW)).toBeNull();
  });

  it('leaves plain practice open', () => {
    expect(practiceContext({ context: practice, room: null }, NOW)).toEqual(practice);
  });
});
