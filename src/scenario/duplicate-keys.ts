import { type Document, isMap, isPair, isScalar, isSeq } from 'yaml';

// Keys written twice in one mapping. The YAML parser's own check (uniqueKeys) compares each
// key with every key before it, which takes minutes on a file of 40,000 keys; one set per
// mapping finds the same keys in one pass. Keys are compared as YAML reads them, so `1`
// and "1" differ, as they do for the parser.

export interface DuplicateKey {
  offset: number;
  key: string;
}

/** Every key that repeats an earlier one in its mapping, in the order of the document. */
export function duplicateKeys(doc: Document): DuplicateKey[] {
  const out: DuplicateKey[] = [];
  // an explicit stack: a file may nest thousands of levels deep before that is refused
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        if (isScalar(pair.key)) {
          const value = pair.key.value;
          if (seen.has(value)) out.push({ offset: pair.key.range?.[0] ?? 0, key: String(value) });
          seen.add(value);
        }
        stack.push(pair.key, pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}
