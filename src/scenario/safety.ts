import {
  type Document,
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  type Node,
  type Scalar,
} from 'yaml';
import { afterDocumentEnd } from './document-end.ts';
import { invisibleIn } from './invisible.ts';
import { unknownKeyMessage } from './messages.ts';

// A scenario is text and numbers. These checks keep everything else out before the data
// reaches the schema: files too big or not text at all, YAML tags that would build
// objects (!!binary, !!set, !!timestamp, custom tags), nesting far deeper than the format
// goes, invisible control, direction and zero-width characters that would end up in the
// page's text, __proto__ keys (which a mapping of ids would silently drop) and text after
// the end of the YAML document.

export const MAX_CHARS = 512 * 1024;
/** The format itself nests 7 levels (situations[].choices[].later[].members.x.morale). */
export const MAX_DEPTH = 16;

/** Tags that only restate what YAML's core schema reads anyway. */
const PLAIN_TAGS = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`),
);

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const BINARY = /[\u0000-\u0008\u000e-\u001f]|\ufffd/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export interface Finding {
  offset: number;
  path: (string | number)[];
  message: string;
}

/** Problems with the file as a whole, found before parsing: a message, or null. */
export function sourceProblem(source: string): { offset: number; message: string } | null {
  if (source.length > MAX_CHARS) {
    return {
      offset: 0,
      message: `the file has ${source.length} characters, more than the ${MAX_CHARS} a scenario may have; a scenario is a few pages of text`,
    };
  }
  const binary = BINARY.exec(source);
  if (binary) {
    return {
      offset: binary.index,
      message:
        'this is not a text file: it holds binary bytes (or text that is not UTF-8); save the scenario as UTF-8 text',
    };
  }
  if (/^(\s*(#.*)?(\r?\n|$))*$/.test(source)) {
    return {
      offset: 0,
      message:
        'the file is empty; a scenario starts with schemaVersion: "1.2" and an id (see docs/authoring.md)',
    };
  }
  return afterDocumentEnd(source);
}

/** Tags, depth and control characters, found by walking the parsed document. */
export function documentProblems(doc: Document, source: string): Finding[] {
  const out: Finding[] = [];
  const stack: { node: unknown; path: (string | number)[] }[] = [{ node: doc.contents, path: [] }];
  while (stack.length > 0 && out.length < 20) {
    const { node, path } = stack.pop()!;
    if (!isNode(node)) continue;
    const offset = node.range?.[0] ?? 0;
    const tag = (node as Node).tag;
    if (tag !== undefined && !isAlias(node) && !PLAIN_TAGS.has(tag)) {
      // the node's range leaves out its tag: point at the tag itself, on the same line
      const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
      const before = source.slice(lineStart, offset);
      const tagAt = before.search(/!\S*\s*$/);
      out.push({
        offset: tagAt >= 0 ? lineStart + tagAt : offset,
        path,
        message: `the YAML tag ${tag.replace('tag:yaml.org,2002:', '!!')} is not allowed: a scenario holds only text, numbers, true/false, lists and mappings; remove the tag`,
      });
      continue;
    }
    if (path.length > MAX_DEPTH) {
      out.push({
        offset,
        path,
        message: `lists and mappings nest ${path.length} levels deep here; the format never goes beyond ${MAX_DEPTH}`,
      });
      continue;
    }
    if (isScalar(node)) {
      const finding = typeof node.value === 'string' ? textProblem(node, source, path) : null;
      if (finding) out.push(finding);
    } else if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : '?';
        if (key === '__proto__') {
          // zod builds a mapping of ids (members, params.styles) by assignment, and
          // assigning __proto__ sets the prototype: the entry would vanish without a word
          const at = isNode(pair.key) ? (pair.key.range?.[0] ?? offset) : offset;
          out.push({ offset: at, path: [...path, key], message: unknownKeyMessage(path, key) });
          continue;
        }
        stack.push({ node: pair.key, path: [...path, key] });
        stack.push({ node: pair.value, path: [...path, key] });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        stack.push({ node: item, path: [...path, i] });
      });
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/** A control, direction or zero-width character in a text (or a key). */
function textProblem(node: Scalar, source: string, path: (string | number)[]): Finding | null {
  const text = String(node.value);
  const offset = node.range?.[0] ?? 0;
  const control = CONTROL.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase();
    return {
      offset,
      path,
      message: `this text holds an invisible control character (U+${code}); remove it`,
    };
  }
  const invisible = invisibleIn(text);
  if (!invisible) return null;
  // the character cannot be seen, so point at it exactly when the file holds it as such
  // (rather than as a \u escape in double quotes)
  const raw = source.slice(offset, node.range?.[1] ?? offset);
  const at = raw.indexOf(text[invisible.index]!);
  return { offset: at >= 0 ? offset + at : offset, path, message: invisible.message };
}

const MARKUP = /<\/?[a-z][a-z0-9-]*(\s[^<>]*)?\/?>|&[a-z]+;|&#\d+;/i;

/**
 * Text that looks like HTML. It is harmless (the game puts every text on the page as
 * text), but the author should know the tags will show literally, not format anything.
 */
export function markupFindings(doc: Document): Finding[] {
  const out: Finding[] = [];
  const stack: { node: unknown; path: (string | number)[] }[] = [{ node: doc.contents, path: [] }];
  while (stack.length > 0 && out.length < 10) {
    const { node, path } = stack.pop()!;
    if (isScalar(node) && typeof node.value === 'string' && MARKUP.test(node.value)) {
      out.push({
        offset: node.range?.[0] ?? 0,
        path,
        message:
          'this text looks like HTML; the game shows it as plain text, tags and all, so write it without markup',
      });
    } else if (isMap(node)) {
      for (const pair of node.items) {
        if (isPair(pair)) {
          const key = isScalar(pair.key) ? String(pair.key.value) : '?';
          stack.push({ node: pair.value, path: [...path, key] });
        }
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        stack.push({ node: item, path: [...path, i] });
      });
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}
