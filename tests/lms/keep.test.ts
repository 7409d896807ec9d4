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
    expect(heldNotice('first', held, 'percentile')).toContain(
      'already has your result (not passed, fair score 0)',
    );
    expect(heldNotice('best', { score: 72, passed: true }, 'raw')).toContain(
      'your best result so far (passed, score 72)',
    );
    expect(heldNotice('first', held, 'both')).toContain(
      '0, the lower of your score and your fair score',
    );
    expect(heldNotice('first', { score: null, passed: true }, 'percentile')).toContain(
      'already has your result (passed)',
    );
  });
});
