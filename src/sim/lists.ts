// Lists copied with one change, for the step's hot path: a new list sized once and filled
// by a plain loop was faster than a spread. The census's states share lists, so a list is
// replaced, never changed in place.

/** Two lists one after the other, in a new list sized once. */
export function joined<T>(a: readonly T[], b: readonly T[]): T[] {
  const out = new Array<T>(a.length + b.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]!;
  for (let i = 0; i < b.length; i++) out[a.length + i] = b[i]!;
  return out;
}

/** A copy of a list with one more item, sized once: faster than a spread on the hot path. */
export function appended<T>(list: readonly T[], item: T): T[] {
  const n = list.length;
  const out = new Array<T>(n + 1);
  for (let i = 0; i < n; i++) out[i] = list[i]!;
  out[n] = item;
  return out;
}
