import { describe, expect, it } from 'vitest';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { census, censusProblem } from '../../src/sim/index.ts';

const silos = loadBundledScenarios().find((b) => b.scenario.id === 'silos')!.scenario;
const whole = census(silos, 'check-1');
const sampled = census(silos, 'check-1', { exhaustiveLimit: 10, sampleSize: 500 });

describe('censusProblem: a census read back from storage is used only when whole', () => {
  it('accepts censuses as the model makes them, exhaustive or sampled, and after JSON', () => {
    expect(censusProblem(whole)).toBeNull();
    expect(censusProblem(sampled)).toBeNull();
    expect(censusProblem(JSON.parse(JSON.stringify(whole)))).toBeNull();
  });

  it('names what is wrong with a damaged one', () => {
    const edit = (change: (c: ReturnType<typeof census>) => void) => {
      const c = structuredClone(whole);
      change(c);
      return censusProblem(c);
    };
    expect(censusProblem(null)).toBe('not a census');
    expect(censusProblem('{"count": 1}')).toBe('not a census');
    expect(edit((c) => (c.histogram[50]! += 1))).toBe('the histogram does not add up to the count');
    expect(edit((c) => c.histogram.pop())).toBe('no histogram');
    expect(edit((c) => (c.histogram[3] = -1))).toBe('a histogram bar is not a count');
    expect(edit((c) => (c.total = c.count + 1))).toBe('exhaustive but not every strategy');
    expect(edit((c) => (c.count = 0))).toBe('no count');
    expect(edit((c) => (c.margin = Number.NaN))).toBe('no margin');
    expect(edit((c) => (c.best.choices = [1 as unknown as string]))).toBe(
      'no best or worst strategy',
    );
    const empty = whole.histogram.indexOf(0);
    expect(edit((c) => (c.best.score = empty))).toBe(
      'the best or worst score is not in the histogram',
    );
  });
});
