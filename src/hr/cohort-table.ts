import { marketShort } from '../lib/market-number.ts';
import { shownDateTime } from '../lib/when.ts';
import type { CohortRow, CohortStatus, CohortView } from '../room/assignments.ts';
import { attemptOutcome, rowMarket } from '../room/cohort-attempts.ts';
import { statusWithCourse } from '../room/lti.ts';
import { button, h } from '../ui/dom.ts';
import { marketCell } from './market-cell.ts';

// HR's cohort table on the server, kept up to date in place: each trainee's row is made
// once and only the cells whose text changed are written again, so HR's scroll position,
// chosen sort and focus (a download button, a column head) survive every update. Rows move
// only when the chosen sort says so, and the focused element is given its focus back when
// they do. Above it, how many trainees are in each status. A row's market, fair score,
// score and passed are its best attempt's, which the cell before them names with its
// signed result; every attempt, with its own market, result and signed file, is listed in
// the row's last cell.

export const STATUSES: readonly CohortStatus[] = [
  'not started',
  'in progress',
  'submitted',
  'late',
  'over attempts',
];

interface Column {
  label: string;
  /** what the cell says; the trainee's cell is the row's heading */
  text(r: CohortRow, v: CohortView): string;
  /** the sort key; none: the column does not sort */
  key?(r: CohortRow): string | number;
  /** what hovering the cell tells besides its text (the whole seed behind a market number) */
  title?(r: CohortRow): string;
  /** the cell's class: a market number's face (styles.css) */
  cellClass?: string;
}

const numberOrNone = (n: number | null) => (n === null ? -1 : n);

function progressText(r: CohortRow, quarters: number): string {
  if (r.quartersDecided === null) return r.status;
  if (r.status === 'in progress')
    return `in progress, ${r.quartersDecided} of ${quarters} quarters decided`;
  if (r.status === 'late') return `late, stopped at ${r.quartersDecided} of ${quarters} quarters`;
  return r.status;
}

/** The status as HR reads it, with the learner's standing in the course when the LMS says it. */
export const statusText = (r: CohortRow, quarters: number): string =>
  statusWithCourse(progressText(r, quarters), r.inCourse);

const COLUMNS: readonly Column[] = [
  { label: 'Trainee', text: (r) => r.trainee, key: (r) => r.trainee.toLowerCase() },
  {
    label: 'Status',
    text: (r, v) => statusText(r, v.assignment.scenario.quarters),
    key: (r) => STATUSES.indexOf(r.status) * 1000 + (r.quartersDecided ?? 0),
  },
  {
    label: 'Attempts',
    text: (r, v) => `${r.attemptsUsed} of ${v.assignment.attempts}`,
    key: (r) => r.attemptsUsed,
  },
  // the attempt the row's market and figures are from, with its signed result
  { label: 'Best attempt', text: () => '', key: (r) => numberOrNone(r.bestAttempt) },
  {
    label: 'Market',
    cellClass: 'market-number',
    text: (r) => {
      const m = rowMarket(r);
      return m === null ? '' : marketShort(m.seed);
    },
    key: (r) => rowMarket(r)?.seed ?? '',
    title: (r) => {
      const m = rowMarket(r);
      return m === null ? '' : `market ${m.seed}, of ${m.of}`;
    },
  },
  {
    label: 'Fair score',
    text: (r) => (r.fairScore === null ? '' : String(r.fairScore)),
    key: (r) => numberOrNone(r.fairScore),
  },
  {
    label: 'Score',
    text: (r) => (r.score === null ? '' : String(r.score)),
    key: (r) => numberOrNone(r.score),
  },
  {
    label: 'Passed',
    text: (r) => (r.bestAttempt === null ? '' : r.passed ? 'yes' : 'no'),
    key: (r) => (r.bestAttempt === null ? 0 : r.passed ? 2 : 1),
  },
  {
    label: 'Last move',
    text: (r) => (r.lastActivity ? shownDateTime(r.lastActivity) : ''),
    key: (r) => r.lastActivity ?? '',
  },
  { label: 'Each attempt', text: () => '' },
];
const DOWNLOAD = COLUMNS.findIndex((c) => c.label === 'Best attempt');
const EACH = COLUMNS.length - 1;

interface RowParts {
  tr: HTMLTableRowElement;
  cells: HTMLTableCellElement[];
  row: CohortRow;
  /** the server's order of the trainee, the order when no column is chosen */
  arrival: number;
}

export interface LiveCohortTable {
  element: HTMLElement;
  /** the whole cohort: rows added, updated or taken away */
  show(view: CohortView): void;
  /** some rows changed */
  apply(view: Pick<CohortView, 'assignment'>, rows: readonly CohortRow[]): void;
  /** the cohort as shown, in the server's order (for the CSV) */
  current(): CohortView | null;
}

export function liveCohortTable(
  download: (trainee: string, attempt: number) => void,
): LiveCohortTable {
  const parts = new Map<string, RowParts>();
  let view: CohortView | null = null;
  let sort: { column: number; dir: 1 | -1 } | null = null;

  const counts = new Map(STATUSES.map((s) => [s, h('strong', { class: 'count-n' }, '0')] as const));
  const countList = h(
    'ul',
    { class: 'cohort-counts', attrs: { 'aria-label': 'Trainees by status' } },
    ...STATUSES.map((s) =>
      h('li', { class: `count status-${s.replace(' ', '-')}` }, counts.get(s)!, ` ${s}`),
    ),
  );
  const heads = COLUMNS.map((c, i) =>
    h(
      'th',
      { attrs: { scope: 'col' } },
      c.key
        ? button(c.label, () => sortBy(i), {
            class: 'sort',
            attrs: { 'aria-label': `${c.label}: sort` },
          })
        : c.label,
    ),
  );
  const tbody = h('tbody');
  const table = h(
    'table',
    { class: 'table cohort-live cards-on-phone', attrs: { 'aria-describedby': 's-status' } },
    h('thead', null, h('tr', null, ...heads)),
    tbody,
  );

  function sortBy(column: number) {
    sort = sort?.column === column ? { column, dir: sort.dir === 1 ? -1 : 1 } : { column, dir: 1 };
    heads.forEach((th, i) => {
      th.setAttribute(
        'aria-sort',
        i !== sort!.column ? 'none' : sort!.dir === 1 ? 'ascending' : 'descending',
      );
    });
    placeRows();
  }

  function ordered(): RowParts[] {
    const all = [...parts.values()];
    const byArrival = (a: RowParts, b: RowParts) => a.arrival - b.arrival;
    if (!sort) return all.sort(byArrival);
    const { column, dir } = sort;
    const key = COLUMNS[column]!.key!;
    return all.sort((a, b) => {
      const x = key(a.row);
      const y = key(b.row);
      return x < y ? -dir : x > y ? dir : byArrival(a, b);
    });
  }

  /** puts the rows in order, moving only when the order changed, focus kept */
  function placeRows() {
    const want = ordered().map((p) => p.tr);
    const have = [...tbody.children];
    if (want.length === have.length && want.every((tr, i) => tr === have[i])) return;
    const focused = document.activeElement;
    const hadFocus = focused instanceof HTMLElement && tbody.contains(focused);
    tbody.append(...want);
    if (hadFocus) focused.focus({ preventScroll: true });
  }

  function downloadCell(cell: HTMLTableCellElement, r: CohortRow) {
    const hadFocus = cell.contains(document.activeElement);
    if (r.bestAttempt === null) return cell.replaceChildren();
    const n = r.bestAttempt;
    const b = button(`Download attempt ${n}`, () => download(r.trainee, n), {
      class: 'btn btn-quiet',
      attrs: { 'aria-label': `Download attempt ${n}: the signed result of ${r.trainee}` },
    });
    cell.replaceChildren(b);
    if (hadFocus) b.focus({ preventScroll: true });
  }

  /** every attempt, folded under its count, kept open (and focused) across updates */
  function attemptsCell(cell: HTMLTableCellElement, r: CohortRow) {
    const wasOpen = cell.querySelector('details')?.open ?? false;
    const focusedAttempt = cell.contains(document.activeElement)
      ? (document.activeElement as HTMLElement).dataset.attempt
      : undefined;
    if (r.attempts.length === 0) return cell.replaceChildren();
    const items = r.attempts.map((a) => {
      const signed = a.finished && a.voided === null && a.fairScore !== null;
      return h(
        'li',
        { attrs: { 'data-attempt': String(a.number) } },
        `Attempt ${a.number}${a.number === r.bestAttempt ? ' (best)' : ''} · `,
        marketCell(a.seed, 'span'),
        ` · ${attemptOutcome(a)}`,
        signed
          ? button('Download', () => download(r.trainee, a.number), {
              class: 'btn btn-quiet',
              attrs: {
                'aria-label': `Download attempt ${a.number}: the signed result of ${r.trainee}`,
                'data-attempt': String(a.number),
              },
            })
          : null,
      );
    });
    const n = r.attempts.length;
    const details = h(
      'details',
      { class: 'each-attempt' },
      h('summary', null, `${n} attempt${n === 1 ? '' : 's'}`),
      h('ol', null, ...items),
    );
    details.open = wasOpen;
    cell.replaceChildren(details);
    if (focusedAttempt !== undefined)
      cell
        .querySelector<HTMLElement>(`button[data-attempt="${focusedAttempt}"]`)
        ?.focus({ preventScroll: true });
  }

  function write(p: RowParts, r: CohortRow, v: CohortView, fresh: boolean) {
    const before = p.row;
    p.row = r;
    COLUMNS.forEach((c, i) => {
      const cell = p.cells[i]!;
      if (i === DOWNLOAD) {
        if (fresh || before.bestAttempt !== r.bestAttempt) downloadCell(cell, r);
        return;
      }
      if (i === EACH) {
        if (fresh || JSON.stringify(before.attempts) !== JSON.stringify(r.attempts))
          attemptsCell(cell, r);
        return;
      }
      const text = c.text(r, v);
      if (cell.textContent !== text) cell.textContent = text;
      const title = c.title?.(r) ?? '';
      if (cell.title !== title) cell.title = title;
    });
    p.tr.dataset.status = r.status;
    if (!fresh && JSON.stringify(before) !== JSON.stringify(r)) flash(p.tr);
  }

  function upsert(r: CohortRow, v: CohortView) {
    const known = parts.get(r.trainee);
    if (known) return write(known, r, v, false);
    const cells = COLUMNS.map((c, i) =>
      h(i === 0 ? 'th' : 'td', {
        ...(c.cellClass ? { class: c.cellClass } : {}),
        attrs: { ...(i === 0 ? { scope: 'row' } : {}), 'data-label': c.label },
      }),
    );
    const p: RowParts = {
      tr: h('tr', { attrs: { 'data-trainee': r.trainee } }, ...cells),
      cells,
      row: r,
      arrival: parts.size,
    };
    parts.set(r.trainee, p);
    write(p, r, v, true);
  }

  function recount() {
    for (const s of STATUSES) counts.get(s)!.textContent = '0';
    const n = new Map<CohortStatus, number>();
    for (const p of parts.values()) n.set(p.row.status, (n.get(p.row.status) ?? 0) + 1);
    for (const [s, k] of n) counts.get(s)!.textContent = String(k);
  }

  return {
    element: h('div', { class: 'cohort' }, countList, h('div', { class: 'table-wrap' }, table)),
    show(next) {
      view = next;
      const names = new Set(next.trainees.map((t) => t.trainee));
      for (const [name, p] of parts)
        if (!names.has(name)) {
          p.tr.remove();
          parts.delete(name);
        }
      next.trainees.forEach((t, i) => {
        upsert(t, next);
        parts.get(t.trainee)!.arrival = i;
      });
      placeRows();
      recount();
    },
    apply(changed, rows) {
      if (!view) return;
      view = { assignment: changed.assignment, trainees: view.trainees };
      for (const r of rows) upsert(r, view);
      view.trainees = [...parts.values()].sort((a, b) => a.arrival - b.arrival).map((p) => p.row);
      placeRows();
      recount();
    },
    current: () => view,
  };
}

/** a changed row is marked for a moment, so HR sees where the cohort moved */
function flash(tr: HTMLTableRowElement) {
  if (window.matchMedia('(prefers-reduced-motion: reduce)').matches) return;
  tr.animate([{ backgroundColor: '#fff1b8' }, { backgroundColor: 'transparent' }], {
    duration: 1600,
    easing: 'ease-out',
  });
}
