// The order in which a situation's replies are put before the player. Authors tend to
// write the best reply first; shown in file order, "take the first one" would be a
// strategy. The order is shuffled per market, and is a pure function of scenario id,
// seed and situation id, so a workshop room on one seed sees one order, a reload shows
// the same order again, and the CLI can print it.
//
// It has its own hash rather than drawing from the game's generator: the generator's
// draws are fixed per quarter (every strategy on a seed meets the same luck), and showing
// a list must never move them.

/** FNV-1a over the UTF-16 code units: small, stable, and the same in Node and browsers. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a 32-bit generator, enough for shuffling a handful of replies. */
function generator(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The items (a situation's choices) in the order the player sees them: a permutation,
 * the same for the same scenario id, seed and situation id.
 */
export function shownOrder<T>(
  scenarioId: string,
  seed: string,
  situationId: string,
  items: readonly T[],
): T[] {
  // a separator no id or seed holds, so "a"+"bc" and "ab"+"c" hash apart
  const next = generator(fnv1a(`${scenarioId}\u0000${seed}\u0000${situationId}`));
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
