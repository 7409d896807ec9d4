import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../../src/scenario/suggest.ts';

describe('did you mean', () => {
  it('counts a swap of two neighbouring letters as one slip', () => {
    expect(editDistance('titel', 'title')).toBe(1);
    expect(editDistance('alignmnt', 'alignment')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('suggests a close key, another ending of the same word, or nothing', () => {
    expect(closest('alignmnt', ['alignment', 'trust'])).toBe('alignment');
    expect(closest('Trust', ['alignment', 'trust'])).toBe('trust');
    expect(closest('purchase', ['purchasing', 'finance'])).toBe('purchasing');
    expect(closest('colour', ['id', 'name', 'kind', 'skill'])).toBeUndefined();
    expect(closest('', ['id'])).toBeUndefined();
  });
});
