// A line "..." ends a YAML document. What follows it is either quietly dropped (directive
// lines such as "%YAML 1.2") or read as a second document, and the parser then blames a
// "---" line the file does not have. Either way, text the author wrote would not reach the
// game, so anything after the end other than blank lines and comments is an error.

/** A "..." at the start of a line, followed by nothing, a space or a line end. */
const END = /^\.\.\.(?=[ \t\r\n]|$)/m;
/** A comment: a # at the start of a line or after a space, to the line's end. */
const COMMENT = /(^|[ \t])#.*$/;

export function afterDocumentEnd(source: string): { offset: number; message: string } | null {
  const end = END.exec(source);
  if (!end) return null;
  const line = source.slice(0, end.index).split('\n').length;
  let offset = end.index + 3;
  for (const text of source.slice(offset).split('\n')) {
    const junk = /\S/.exec(text.replace(COMMENT, ''));
    if (junk) {
      return {
        offset: offset + junk.index,
        message: `text after the end of the YAML document (the "..." on line ${line}); the game ignores it or misreads it as a second document: remove the "..." line, or what follows it`,
      };
    }
    offset += text.length + 1;
  }
  return null;
}
