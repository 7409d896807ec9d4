import type { YAMLError } from 'yaml';

// The YAML parser's messages are written for programmers ("Nested mappings are not
// allowed in compact mappings"). These say what the author probably did and what to
// write instead. Unknown codes keep the parser's own first line.

function keyAt(source: string, offset: number): string {
  const rest = source.slice(offset, offset + 80);
  const m = /^\s*["']?([^"':\n]+)["']?\s*:/.exec(rest);
  return m ? m[1]!.trim() : rest.split('\n')[0]!.trim();
}

function lineAt(source: string, offset: number): string {
  const start = source.lastIndexOf('\n', offset - 1) + 1;
  const end = source.indexOf('\n', offset);
  return source.slice(start, end === -1 ? undefined : end);
}

/** The line of the last bracket before `offset` that is still open there. */
function openingLine(source: string, offset: number, open: string, close: string): number | null {
  let depth = 0;
  for (let i = Math.min(offset, source.length) - 1; i >= 0; i--) {
    const c = source[i];
    if (c === close) depth++;
    else if (c === open && depth-- === 0) return source.slice(0, i).split('\n').length;
  }
  return null;
}

export function duplicateKeyMessage(key: string): string {
  return `the key "${key}" appears twice in this mapping; keep only one`;
}

export function yamlMessage(error: YAMLError, source: string): string {
  const first = error.message.split('\n')[0] ?? '';
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return 'a tab is used to indent this line; YAML indents with spaces only: replace the tab with spaces';
    case 'DUPLICATE_KEY':
      return duplicateKeyMessage(keyAt(source, error.pos[0]));
    case 'BLOCK_AS_IMPLICIT_KEY': {
      const line = lineAt(source, error.pos[0]);
      const value = line.slice(line.indexOf(':') + 1);
      if (/:\s/.test(value)) {
        return 'a colon followed by a space inside unquoted text starts a new key: put the whole text in quotes';
      }
      return 'the next line is indented further than this one, so YAML reads both as one key: line the keys of one mapping up in the same column';
    }
    case 'MULTILINE_IMPLICIT_KEY':
      return 'this line reads as a key but has no colon after it, or a text value runs on without quotes: add "key: value", or put the text in quotes';
    case 'MISSING_CHAR':
      if (/quote/.test(first)) {
        const mark = first.includes('"') ? '"' : "'";
        return `a text opened with ${mark} is never closed: add the closing ${mark}`;
      }
      return `${first}; every key needs a colon and a value`;
    case 'BAD_INDENT':
      if (/Flow (sequence|map)/.test(first)) {
        const list = first.includes('sequence');
        const opened = openingLine(source, error.pos[0], list ? '[' : '{', list ? ']' : '}');
        return `the ${list ? '[ list ]' : '{ mapping }'}${opened ? ` opened on line ${opened}` : ''} is not closed: add ${list ? ']' : '}'} at its end`;
      }
      return 'this line is not lined up with the keys above it: keys of one mapping start in the same column';
    case 'BAD_SCALAR_START':
      return `${first}: put the text in quotes`;
    case 'BAD_DQ_ESCAPE':
      return `${first}: inside "double quotes" a backslash starts an escape; write \\\\ for a backslash, or use 'single quotes'`;
    case 'MULTIPLE_DOCS':
      return 'the file holds more than one YAML document (a second --- line); a scenario is one document';
    case 'UNEXPECTED_TOKEN':
      return `${first}: check the indentation and the dashes of this list`;
    case 'KEY_OVER_1024_CHARS':
      return 'a key longer than 1024 characters: a colon is probably missing after a key, or a long text needs quotes';
    case 'MULTIPLE_ANCHORS':
    case 'MULTIPLE_TAGS':
    case 'BAD_ALIAS':
    case 'ALIAS_PROPS':
      return `${first}; a scenario needs no anchors (&), aliases (*) or tags (!): remove them`;
    default:
      if (/call stack/i.test(first)) {
        return 'the lists or mappings in this file nest far too deeply to be a scenario';
      }
      return first;
  }
}
