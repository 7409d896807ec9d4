import {
  type Document,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  type LineCounter,
  type Pair,
  type YAMLMap,
} from 'yaml';
import { knownKeysAt, schemaAt } from './expected.ts';

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

// each mapping's keys, looked up by name: finding every one of 40,000 unknown keys by
// reading the mapping from its start each time took minutes
const keyIndex = new WeakMap<YAMLMap, Map<string, Pair>>();

function pairsOf(node: YAMLMap): Map<string, Pair> {
  let index = keyIndex.get(node);
  if (!index) {
    index = new Map();
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const name = String(pair.key.value);
      if (!index.has(name)) index.set(name, pair);
    }
    keyIndex.set(node, index);
  }
  return index;
}

function child(node: unknown, key: PropertyKey): { value: unknown; keyNode?: unknown } | undefined {
  if (isMap(node)) {
    const pair = pairsOf(node).get(String(key));
    return pair ? { value: pair.value, keyNode: pair.key } : undefined;
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

function plausibleKey(path: readonly PropertyKey[], key: string): boolean {
  const known = knownKeysAt(path);
  if (known.length > 0) return known.includes(key);
  return /^[a-z0-9][a-z0-9-]*$/.test(key) && schemaAt(path) !== undefined;
}

function spans(node: unknown, offset: number): boolean {
  return isNode(node) && node.range ? node.range[0] <= offset && offset <= node.range[2] : false;
}

/**
 * The data path of the deepest key or item whose text holds `offset`: where a YAML
 * syntax error sits inside the scenario, as far as the half-read document tells.
 */
export function pathAtOffset(doc: Document, source: string, offset: number): (string | number)[] {
  const path: (string | number)[] = [];
  const starts: number[] = [];
  // an element of the path counts only when it starts on the error's own line or the error
  // lies within its text: the parser's idea of where a broken value ends is not the author's
  const trimmed = () => {
    while (starts.length > 0 && source.slice(starts.at(-1)!, offset).includes('\n')) {
      const last = starts.length - 1;
      const n = nodes[last];
      if (isScalar(n) && spans(n, offset)) break;
      starts.pop();
      nodes.pop();
      path.pop();
    }
    return path;
  };
  const nodes: unknown[] = [];
  let node: unknown = doc.contents;
  while (isMap(node) || isSeq(node)) {
    let next: unknown;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) continue;
        const start = pair.key.range[0];
        const end =
          isNode(pair.value) && pair.value.range ? pair.value.range[2] : pair.key.range[2];
        if (start <= offset && offset <= end) {
          // a half-read document can hold keys made of broken lines: stop at the first
          // key the format does not know, so the path names only real places
          if (!plausibleKey(path, String(pair.key.value))) return trimmed();
          path.push(String(pair.key.value));
          starts.push(start);
          next = pair.value ?? null;
          nodes.push(next);
          break;
        }
      }
    } else {
      const i = node.items.findIndex((item) => spans(item, offset));
      if (i >= 0) {
        path.push(i);
        next = node.items[i];
        starts.push((next as { range?: number[] }).range?.[0] ?? offset);
        nodes.push(next);
      }
    }
    if (next === undefined || path.length > 64) break;
    node = next;
  }
  return trimmed();
}
