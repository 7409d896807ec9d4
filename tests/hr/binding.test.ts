import { describe, expect, it } from 'vitest';
import { baseSeed, checkBinding, traineeSeed } from '../../src/hr/binding.ts';
import { genuineRecord } from './helpers.ts';

describe('trainee binding', () => {
  it('deals each trainee their own market, the same one every time', () => {
    const a = traineeSeed('acme', 's1', 'alice');
    expect(a).toBe(traineeSeed('acme', 's1', 'alice'));
    expect(a).not.toBe(traineeSeed('acme', 's1', 'bob'));
    expect(a).not.toBe(traineeSeed('other', 's1', 'alice'));
    expect(baseSeed(a)).toBe('s1');
    expect(baseSeed('plain-seed')).toBeNull();
  });

  it('accepts a record played on the seed dealt to its trainee', () => {
    expect(checkBinding(genuineRecord('alice')).kind).toBe('bound');
  });

  it('rejects a colleague\u2019s record re-labelled with another trainee id', () => {
    const stolen = { ...genuineRecord('alice'), player: 'mallory' };
    const b = checkBinding(stolen);
    expect(b.kind).toBe('broken');
    expect(b.kind === 'broken' && b.reason).toMatch(/not dealt to trainee "mallory"/);
  });

  it('rejects a record moved to another assignment, or stripped of its trainee', () => {
    expect(checkBinding({ ...genuineRecord('alice'), session: 'other' }).kind).toBe('broken');
    const { player: _, ...anonymous } = genuineRecord('alice');
    expect(checkBinding(anonymous).kind).toBe('broken');
  });

  it('says plainly when a record is not bound (same market for everyone)', () => {
    const b = checkBinding(genuineRecord('alice', 1, { perTrainee: false }));
    expect(b.kind).toBe('unbound');
  });
});
