import { describe, expect, it } from 'vitest';
import { counted } from '../../src/lib/counted.ts';

describe('counted', () => {
  it('says one thing in the singular and any other count in the plural, never "(s)"', () => {
    expect(counted(1, 'error')).toBe('1 error');
    expect(counted(0, 'error')).toBe('0 errors');
    expect(counted(2, 'choice')).toBe('2 choices');
    expect(counted(1204, 'seed')).toBe('1,204 seeds');
    expect(counted(3, 'reply', 'replies')).toBe('3 replies');
  });
});
