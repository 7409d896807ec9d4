// "Did you mean …?" for keys, ids and enum values that are one slip of the keyboard away.

/** Edits (insert, delete, change, swap two neighbours) that turn a into b. */
export function editDistance(a: string, b: string): number {
  // three rows of the table suffice (a swap looks two rows back)
  let before: number[] = [];
  let above = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, before[j - 2]! + 1);
      }
      row.push(d);
    }
    before = above;
    above = row;
  }
  return above[b.length]!;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** The closest candidate, if it is close enough to be a likely typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  const lower = word.toLowerCase().slice(0, 64);
  const allowed = Math.max(1, Math.floor(word.length / 3));
  for (const c of candidates) {
    const cl = c.toLowerCase();
    // another ending on the same stem ("purchase" for "purchasing") counts as one slip
    const stem = commonPrefix(lower, cl);
    const sameStem = stem >= 4 && stem >= 0.75 * Math.min(lower.length, cl.length);
    // words whose lengths differ by more than the slips allowed cannot be close: skipping
    // them keeps a file of thousands of stray keys from costing seconds
    const far = Math.abs(lower.length - cl.length) > allowed;
    const d =
      cl === lower ? 0 : sameStem ? 1 : far ? Number.POSITIVE_INFINITY : editDistance(lower, cl);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return bestDistance <= allowed ? best : undefined;
}

export function didYouMean(word: string, candidates: Iterable<string>): string {
  const c = closest(word, candidates);
  return c ? `; did you mean ${c}?` : '';
}
