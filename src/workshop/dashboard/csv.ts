// CSV that a spreadsheet opens safely: cells are quoted when they hold a separator, a
// quote or a line break, and text that a spreadsheet would run as a formula (starting
// with = + - @, a tab or a carriage return) is prefixed with an apostrophe (OWASP's advice).

export type Cell = string | number | null | undefined;

const FORMULA = /^(\s*[=+\-@]|[\t\r])/;

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  // numbers are ours, never a trainee's text: a negative number stays a number
  let text = typeof value === 'number' ? String(value) : value;
  if (typeof value === 'string' && FORMULA.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return `${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Reads back what toCsv wrote (the tests use it to check that nothing is lost). */
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
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}
