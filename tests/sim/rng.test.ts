import { describe, expect, it } from 'vitest';
import { draw, seedRng } from '../../src/sim/rng.ts';

describe('the seeded generator kept in the sim state', () => {
  it('draws exactly these numbers for this seed (a change here changes every game)', () => {
    const { values, next } = draw(seedRng('tug-of-war'), 4);
    expect(values).toEqual([
      0.6749168706592172, 0.3929998851381242, 0.0016741636209189892, 0.44885385502129793,
    ]);
    expect(next.c).toBe(1411682);
  });

  it('continues from a copied state exactly as the original would', () => {
    const start = seedRng('abc');
    const once = draw(start, 6).values;
    const first = draw(start, 3);
    const second = draw(JSON.parse(JSON.stringify(first.next)), 3);
    expect([...first.values, ...second.values]).toEqual(once);
  });

  it('does not change the state it was given', () => {
    const start = seedRng('abc');
    const copy = { ...start };
    draw(start, 5);
    expect(start).toEqual(copy);
  });
});

describe('our Alea steps', () => {
  it('match seedrandom.alea number for number, over many seeds and draws', async () => {
    const seedrandom = (await import('seedrandom')).default;
    for (const seed of ['1', '42', 'workshop-berlin', 'x'.repeat(40)]) {
      const reference = seedrandom.alea(seed, { state: true });
      const ours = draw(seedRng(seed), 2000);
      const theirs = Array.from({ length: 2000 }, () => reference());
      expect(ours.values).toEqual(theirs);
      expect(ours.next).toEqual(reference.state());
    }
  });
});
