import type { StrategyCensus } from './strategies.ts';

// A census read back from a store (the verifier's folder, the HR page's browser storage)
// is only used when it is whole: the right shape, and figures that agree with each other.
// A damaged one is worked out again; one edited with care cannot be told apart, which is
// why such stores are trusted only as far as the machine they are on (docs/hr.md).

const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const isScore = (v: unknown): v is number => isCount(v) && (v as number) <= 100;

function isStrategy(v: unknown): v is { score: number; choices: string[] } {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as { score?: unknown; choices?: unknown };
  return (
    isScore(s.score) &&
    Array.isArray(s.choices) &&
    s.choices.every((c: unknown) => typeof c === 'string')
  );
}

/** Whether `v` is a whole census: null when it is, or what is wrong with it. */
export function censusProblem(v: unknown): string | null {
  if (typeof v !== 'object' || v === null) return 'not a census';
  const c = v as Partial<Record<keyof StrategyCensus, unknown>>;
  if (!isCount(c.count) || c.count === 0 || !isCount(c.total)) return 'no count';
  if (!Array.isArray(c.histogram) || c.histogram.length !== 101) return 'no histogram';
  if (!c.histogram.every(isCount)) return 'a histogram bar is not a count';
  if (c.histogram.reduce((a: number, b: number) => a + b, 0) !== c.count) {
    return 'the histogram does not add up to the count';
  }
  if (typeof c.exhaustive !== 'boolean' || c.count > c.total) return 'count above total';
  if (c.exhaustive && c.count !== c.total) return 'exhaustive but not every strategy';
  if (typeof c.margin !== 'number' || !(c.margin >= 0 && c.margin <= 100)) return 'no margin';
  if (!isStrategy(c.best) || !isStrategy(c.worst)) return 'no best or worst strategy';
  if (!c.histogram[c.best.score] || !c.histogram[c.worst.score]) {
    return 'the best or worst score is not in the histogram';
  }
  return null;
}
