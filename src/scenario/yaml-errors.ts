import type { YAMLError } from 'yaml';

// The YAML parser's messages are written for programmers ("Nested mappings are not
// allowed in compact mappings"). These say what the author probably did and what to
// write instead. Unknown codes keep the parser's own first line.

function keyAt(source: string, offset: number): string {
  const rest = source.slice(offset, offset + 80);
  const m = /^\s*["']?([^"':\n]+)["']?\s*:/.exec(rest);
  return m ? m[1]!.trim() : rest.split('\n')[0]!.trim();
}

export function yamlMessage(error: YAMLError, source: string): string {
  const first = error.message.split('\n')[0] ?? '';
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return 'a tab is used to indent this line; YAML indents with spaces only: replace the tab with spaces';
    case 'DUPLICATE_KEY':
      return `the key "${keyAt(source, error.pos[0])}" appears twice in this mapping; keep only one`;
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'a colon followed by a space inside unquoted text starts a new key, or this line is indented too far: put the text in quotes, or line it up with the keys above';
    case 'MULTILINE_IMPLICIT_KEY':
      return 'this line reads as a key but has no colon after it, or a text value runs on without quotes: add "key: value", or put the text in quotes';
    case 'MISSING_CHAR':
      if (/quote/.test(first))
        return `${first.replace(/"quote/, 'quote "').replace(/'quote/, "quote '")}: close the text with the same quote mark it opens with`;
      return `${first}; every key needs a colon and a value`;
    case 'BAD_INDENT':
      if (/Flow (sequence|map)/.test(first)) {
        return `a ${first.includes('sequence') ? '[ list ]' : '{ mapping }'} is not closed: add the missing ${first.includes('sequence') ? ']' : '}'} before the line ends`;
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
