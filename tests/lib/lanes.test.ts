import { describe, expect, it } from 'vitest';
import { inLanes } from '../../src/lib/lanes.ts';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('inLanes', () => {
  it('answers in the jobs’ order, however the lanes finish, never more than `lanes` at once', async () => {
    let running = 0;
    let most = 0;
    const lanesUsed = new Set<number>();
    const jobs = [30, 1, 20, 2, 2, 15, 1, 8, 3];
    const answers = await inLanes(jobs, 3, async (ms, lane, index) => {
      expect(jobs[index]).toBe(ms);
      lanesUsed.add(lane);
      most = Math.max(most, ++running);
      await wait(ms);
      running--;
      return `job ${ms}`;
    });
    expect(answers).toEqual(jobs.map((ms) => `job ${ms}`));
    expect(most).toBe(3);
    expect([...lanesUsed].sort()).toEqual([0, 1, 2]);
  });

  it('gives a free lane the next job: a slow lane takes fewer', async () => {
    const byLane = [0, 0];
    await inLanes(Array.from({ length: 12 }), 2, async (_job, lane) => {
      byLane[lane]!++;
      await wait(lane === 0 ? 40 : 2);
    });
    expect(byLane[0]).toBeLessThan(byLane[1]!);
    expect(byLane[0]! + byLane[1]!).toBe(12);
  });

  it('rejects with the first failure and starts no job after it', async () => {
    const started: number[] = [];
    const run = inLanes([0, 1, 2, 3, 4, 5, 6, 7], 2, async (job) => {
      started.push(job);
      await wait(5);
      if (job === 2) throw new Error('job 2 failed');
      return job;
    });
    await expect(run).rejects.toThrow('job 2 failed');
    await wait(30);
    expect(started.length).toBeLessThanOrEqual(4);
  });

  it('answers no jobs with no answers, and refuses to run on no lanes', async () => {
    expect(await inLanes([], 4, async () => 1)).toEqual([]);
    await expect(inLanes([1], 0, async () => 1)).rejects.toThrow(RangeError);
    await expect(inLanes([1], Number.NaN, async () => 1)).rejects.toThrow('not NaN');
  });
});
