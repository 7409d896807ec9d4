// A count and its noun, agreeing: "1 error", "2 errors", "1,204 seeds". The pages and the
// command-line tools say this rather than "error(s)".

/** `n` and `one` (or `many` when n is not 1), the count written as English writes it. */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
