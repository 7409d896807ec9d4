import { h } from '../dom.ts';

// A chart's figures as a table a click (or a screen reader) away, under the chart: one
// row per trainee, named in full, then the figures right-aligned. The dashboard's share
// curves and its style scatter both show theirs this way.

export interface ChartTable {
  /** the region's name for a screen reader, as the chart is called */
  label: string;
  /** what the table holds, read out before it */
  caption: string;
  /** the figures' column headings, after "trainee" */
  columns: readonly string[];
  rows: readonly { player: string; cells: readonly string[] }[];
}

export function chartTable(t: ChartTable): HTMLElement {
  const col = (text: string, num = true) =>
    h('th', num ? { class: 'num', attrs: { scope: 'col' } } : { attrs: { scope: 'col' } }, text);
  return h(
    'details',
    { class: 'chart-table' },
    h('summary', null, 'Show as a table'),
    h(
      'div',
      // focusable, so a keyboard can scroll a long game's quarters sideways
      { class: 'table-scroll', attrs: { tabindex: '0', role: 'region', 'aria-label': t.label } },
      h(
        'table',
        null,
        h('caption', { class: 'visually-hidden' }, t.caption),
        h('thead', null, h('tr', null, col('trainee', false), ...t.columns.map((c) => col(c)))),
        h(
          'tbody',
          null,
          ...t.rows.map((r) =>
            h(
              'tr',
              null,
              h('th', { attrs: { scope: 'row' } }, r.player),
              ...r.cells.map((c) => h('td', { class: 'num' }, c)),
            ),
          ),
        ),
      ),
    ),
  );
}
