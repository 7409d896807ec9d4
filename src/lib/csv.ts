// CSV that a spreadsheet opens safely, for HR's cohort and links files and the class
// dashboard alike: cells are quoted when they hold a separator, a quote or a line break,
// and text that a spreadsheet would run as a formula (starting with = + - @, a tab or a
// carriage return) is prefixed with an apostrophe (OWASP's advice). Trainee ids and
// names come from outside.

export type Cell = string | number | boolean | null | undefined;

// Text that already starts with apostrophes before a formula's first character gets one
// more as well, so that taking exactly one off (unguard) gives back every text whole: an
// id "'=x" is written "''=x" and read "'=x", where it used to come back as "=x".
const GUARDED = /^'*(\s*[=+\-@]|[\t\r])/;
const GUARD_ADDED = /^'+(\s*[=+\-@]|[\t\r])/;

/** A cell's text as it was before csvCell guarded it against formulas. */
export function unguard(cell: string): string {
  return GUARD_ADDED.test(cell) ? cell.slice(1) : cell;
}

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  // numbers and flags are ours, never a trainee's text: a negative number stays a number
  let text = String(value);
  if (typeof value === 'string' && GUARDED.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return `${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Reads CSV written by toCsv (and by spreadsheets): quoted cells, doubled quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
