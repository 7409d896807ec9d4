import { describe, expect, it } from 'vitest';
import { batchesEvery } from '../../src/lib/batches.ts';

describe('batchesEvery', () => {
  it('hands pieces on once the time has passed, the rest when flushed, never an empty batch', () => {
    let clock = 0;
    const kept: number[][] = [];
    const batches = batchesEvery<number>(
      (b) => kept.push(b),
      1000,
      () => clock,
    );
    for (const piece of [1, 2, 3, 4, 5]) {
      clock += 400; // 400, 800, 1200 (kept), 1600, 2000
      batches.add(piece);
    }
    expect(kept).toEqual([[1, 2, 3]]);
    batches.flush();
    batches.flush();
    expect(kept).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });
});
