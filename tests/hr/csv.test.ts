import { describe, expect, it } from 'vitest';
import { csvCell, parseCsv, toCsv } from '../../src/lib/csv.ts';

describe('CSV', () => {
  it('defuses cells a spreadsheet would run as a formula', () => {
    for (const evil of ['=HYPERLINK("http://x","y")', '+1+1', '-2', '@SUM(A1)', '\tx']) {
      const cell = csvCell(evil);
      expect(cell.replace(/^"/, '')).toMatch(/^'/);
    }
    expect(csvCell(-2)).toBe('-2'); // numbers we wrote ourselves stay numbers
  });

  it('quotes commas, quotes and line breaks, and reads back what it wrote', () => {
    const rows = [['a,b', 'say "hi"', 'two\nlines', '=1+2', 'plain']];
    const text = toCsv(['h1', 'h2', 'h3', 'h4', 'h5'], rows);
    const back = parseCsv(text);
    expect(back[0]).toEqual(['h1', 'h2', 'h3', 'h4', 'h5']);
    expect(back[1]).toEqual(['a,b', 'say "hi"', 'two\nlines', "'=1+2", 'plain']);
  });
});
