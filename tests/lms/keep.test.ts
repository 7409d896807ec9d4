import { describe, expect, it } from 'vitest';
import { heldNotice, shouldReport } from '../../src/lms/keep.ts';

const pass = { grade: 80, passed: true };
const fail = { grade: 20, passed: false };

describe('which finished game a package sends to the LMS', () => {
  it('sends the first result whatever the setting', () => {
    expect(shouldReport('first', null, fail)).toBe(true);
    expect(shouldReport('best', null, fail)).toBe(true);
  });

  it('keep=first sends nothing once the LMS holds a result', () => {
    expect(shouldReport('first', { score: 20, passed: false }, pass)).toBe(false);
  });

  it('keep=best sends only a higher score, and never turns a pass without a score into a fail', () => {
    expect(shouldReport('best', { score: 20, passed: false }, pass)).toBe(true);
    expect(shouldReport('best', { score: 80, passed: true }, pass)).toBe(false);
    expect(shouldReport('best', { score: 80, passed: true }, fail)).toBe(false);
    expect(shouldReport('best', { score: null, passed: true }, fail)).toBe(false);
    expect(shouldReport('best', { score: null, passed: true }, pass)).toBe(true);
    expect(shouldReport('best', { score: null, passed: false }, fail)).toBe(true);
  });
});

describe('what a relaunched package tells the learner about the result the LMS holds', () => {
  it('names the held grade as the debrief names it', () => {
    const held = { score: 0, passed: false };
    expect(heldNotice('first', held, 'percentile', 0)).toContain(
      'already has your result (not passed, fair score 0)',
    );
    expect(heldNotice('best', { score: 72, passed: true }, 'raw', 1)).toContain(
      'your best result so far (passed, score 72)',
    );
    expect(heldNotice('first', held, 'both', 0)).toContain(
      '0, the lower of your score and your fair score',
    );
    expect(heldNotice('first', { score: null, passed: true }, 'percentile', 0)).toContain(
      'already has your result (passed)',
    );
  });

  it('with "best", promises a better game counts only while an attempt that counts is left', () => {
    const held = { score: 47, passed: true };
    const last = heldNotice('best', held, 'percentile', 0);
    expect(last).toContain('your best result (passed, fair score 47)');
    expect(last).toContain('no attempts left');
    expect(last).toContain('practice and is not sent');
    expect(last).not.toContain('replaces');
    expect(heldNotice('best', held, 'percentile', 1)).toContain(
      'You have 1 attempt left: a better game replaces it',
    );
    expect(heldNotice('best', held, 'percentile', 2)).toContain('You have 2 attempts left');
  });
});
