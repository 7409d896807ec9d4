// Plain descriptive statistics for the balance report. Quartiles use linear interpolation
// between order statistics (the "type 7" rule of R and NumPy's default), so the figures
// can be checked by hand and against a spreadsheet.

export interface Summary {
  count: number;
  mean: number;
  /** population standard deviation: the spread of these seeds, not an estimate of more */
  sd: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return 0;
  let total = 0;
  for (const v of values) total += v;
  return total / values.length;
}

/** Population variance (divides by n). */
export function variance(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const m = mean(values);
  let total = 0;
  for (const v of values) total += (v - m) ** 2;
  return total / values.length;
}

/** Quantile of already sorted values, 0 ≤ p ≤ 1, by linear interpolation. */
export function quantileSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (h - lo) * (b - a);
}

export function summarise(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: values.length,
    mean: mean(values),
    sd: Math.sqrt(variance(values)),
    min: sorted[0] ?? 0,
    q1: quantileSorted(sorted, 0.25),
    median: quantileSorted(sorted, 0.5),
    q3: quantileSorted(sorted, 0.75),
    max: sorted.at(-1) ?? 0,
  };
}

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st, 93rd. */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  const suffix = ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}
