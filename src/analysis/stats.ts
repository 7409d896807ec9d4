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

// (a typed array too: a seed's scores, 49,152 of them for who-owns, need no copy into a list)
export function mean(values: ArrayLike<number>): number {
  if (values.length === 0) return 0;
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total / values.length;
}

/** Population variance (divides by n). */
export function variance(values: ArrayLike<number>): number {
  if (values.length === 0) return 0;
  const m = mean(values);
  let total = 0;
  for (let i = 0; i < values.length; i++) total += (values[i]! - m) ** 2;
  return total / values.length;
}

/**
 * The value at `k` (0-based) in `values` sorted ascending, without sorting them all: a
 * selection on a copy, O(n) on average where a sort is O(n log n). Finite values only.
 */
export function kthSmallest(values: ArrayLike<number>, k: number): number {
  const a = Float64Array.from(values);
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    // Hoare's partition around the middle element
    const pivot = a[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
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
