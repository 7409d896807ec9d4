import { type Document, isMap, isNode, isPair, isScalar, isSeq, type LineCounter } from 'yaml';

// Turns a path inside the data (from the schema or a semantic check) into a line and
// column in the file, so an error can point at the very key or value that is wrong.

export interface Position {
  line: number;
  col: number;
}

function offsetOf(node: unknown): number | undefined {
  if (isNode(node) && node.range) return node.range[0];
  return undefined;
}

function child(node: unknown, key: PropertyKey): { value: unknown; keyNode?: unknown } | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === String(key)) {
        return { value: pair.value, keyNode: pair.key };
      }
    }
    return undefined;
  }
  if (isSeq(node) && typeof key === 'number') {
    const item = node.items[key];
    return item === undefined ? undefined : { value: item };
  }
  return undefined;
}

/**
 * The position of `path` in the document. With `atKey`, the position of the key itself
 * (for unknown keys); a path that does not exist (a missing key) points at the nearest
 * ancestor that does.
 */
export function positionOf(
  doc: Document,
  lines: LineCounter,
  path: readonly PropertyKey[],
  atKey = false,
): Position {
  let node: unknown = doc.contents;
  let offset = offsetOf(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const next = child(node, path[i]!);
    if (!next) break;
    const last = i === path.length - 1;
    const here =
      last && atKey ? offsetOf(next.keyNode) : (offsetOf(next.value) ?? offsetOf(next.keyNode));
    if (here !== undefined) offset = here;
    node = next.value;
  }
  const { line, col } = lines.linePos(offset);
  return { line, col };
}
