// The order in which a situation's replies are shown: shuffled per market, so that no
// position gives the answer away, and the same for everyone on one market (a workshop
// room sees one order). Pure: a hash of scenario, seed and situation drives the shuffle.

function hash(text: string): number {
  // FNV-1a, 32 bits
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Indexes 0..n-1 of the scenario's listing, in the order they are shown. */
export function shownOrder(scenarioId: string, seed: string, situationId: string, n: number) {
  const order = Array.from({ length: n }, (_, i) => i);
  let x = hash(`${scenarioId}|${seed}|${situationId}`) || 1;
  for (let i = n - 1; i > 0; i--) {
    // xorshift32
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    const j = x % (i + 1);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}
