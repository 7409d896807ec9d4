import { toCsv } from '../lib/csv.ts';
import { editionKey } from '../record/edition.ts';
import type { KeySet } from '../record/signed.ts';
import { DEFAULT_PASS_MARK, type ScenarioDef } from '../sim/index.ts';
import { button, countingStatus, h } from '../ui/dom.ts';
import { checkedAgainstText, checkRoster } from './check-roster.ts';
import { cohort, cohortCsv, yesNo } from './cohort.ts';
import { download } from './download.ts';
import { type Graded, signatureText } from './grade.ts';
import { type Intake, readText, tooLarge } from './intake.ts';
import { marketCell } from './market-cell.ts';
import { stopWorkingAhead } from './markets-ahead.ts';
import { rememberedAssignments } from './remembered.ts';
import { parseRoster, type Roster, rosterKey } from './roster.ts';
import { keysInFile, serverKeys } from './server-keys.ts';
import { gradeInPage, type PageGrades } from './standings.ts';
import { genuineText, tally } from './tally.ts';

// HR's verifier: paste result codes or drop result files (and the links file), and every
// record is replayed; forged, broken and duplicate ones are listed with the reason and
// never graded; each trainee who sent nothing has a row; with a links file, results of
// another assignment are listed apart, under the table, and never graded or counted.
// Everything taken from a record reaches the page as text.

/** What the status line says about the markets this browser kept, if anything. */
function keptNote(r: PageGrades): string {
  const reused =
    r.reused > 0
      ? ` ${r.reused} of ${r.markets} ${r.markets === 1 ? 'market was' : 'markets were'} already worked out in this browser.`
      : '';
  const refused = r.notKept
    ? ' This browser would not keep the markets for the next check (storage full or refused): the next check works them out again; nothing else is affected.'
    : '';
  return reused + refused;
}

/** The results table's columns, which name each cell's line on a phone too. */
const HEAD = [
  'Trainee',
  'Assignment',
  'Scenario',
  'Market',
  'Attempt',
  'Score',
  'Fair score',
  'Result',
  'Genuine?',
  'Source and notes',
] as const;

/** A row whose cells carry their column's name (data-label), for the cards on a phone. */
function labelled(
  head: readonly string[],
  props: { class: string },
  ...cells: HTMLElement[]
): HTMLTableRowElement {
  for (const [i, c] of cells.entries()) c.setAttribute('data-label', head[i] ?? '');
  return h('tr', props, ...cells);
}

/** Pass or fail, and under it why an attempt over the limit or late does not count; practice is never graded. */
function resultCell(g: Graded): HTMLElement {
  if (g.practice) return h('td', null, h('span', { class: 'uncounted' }, 'practice: not counted'));
  if (g.passed === undefined) return h('td', null, '');
  const verdict = g.passed ? '✓ pass' : '✗ fail';
  const why = [g.overLimit ? 'over the limit' : '', g.late ? 'late' : ''].filter(Boolean);
  if (why.length === 0) return h('td', null, verdict);
  return h(
    'td',
    null,
    `${verdict} `,
    h('span', { class: 'uncounted' }, `does not count: ${why.join(', ')}`),
  );
}

const cell = (t: string | number | undefined) => h('td', null, t === undefined ? '' : String(t));

/** The trainee's cell: the row's head, with "the file's claim" when an unreadable file names them. */
function traineeCell(g: Graded): HTMLElement {
  return h(
    'th',
    { attrs: { scope: 'row' } },
    g.trainee || '—',
    // what an unreadable file says of itself is shown, never passed off as checked
    g.claimed ? h('span', { class: 'claimed' }, 'the file\u2019s claim') : '',
  );
}

/** The columns a refused or ungraded row leaves empty (score to "Genuine?"): its reason spans them. */
const SPANNED = 4;

/** A cell across score, fair score, result and "Genuine?", for a reason that needs the room. */
function spanning(...content: (string | HTMLElement)[]): HTMLElement {
  return h('td', { class: 'why', attrs: { colspan: String(SPANNED) } }, ...content);
}

/** One record checked, of the assignments the check is of. */
function recordRow(g: Graded): HTMLTableRowElement {
  const lead = [
    traineeCell(g),
    cell(g.session),
    cell(g.scenario),
    marketCell(g.seed),
    cell(g.attempt ?? ''),
  ];
  const notes = cell([g.source, ...g.notes].join(' · '));
  if (!g.genuine) {
    // the reason across the columns a refused record has nothing for, to read in a line or two
    return labelledSpan(
      { class: 'bad' },
      lead,
      spanning(h('strong', null, '✗ not genuine: '), g.reason ?? ''),
      notes,
    );
  }
  return labelled(
    HEAD,
    { class: g.duplicate ? 'dup' : 'ok' },
    ...lead,
    cell(g.score),
    cell(g.grade === undefined ? undefined : `${g.grade} (${g.percentile}%)`),
    resultCell(g),
    h(
      'td',
      null,
      g.duplicate ? 'duplicate' : 'genuine',
      g.signature ? ` · ${signatureText(g.signature)}` : '',
    ),
    notes,
  );
}

/** A trainee on the list checked against who sent nothing: a row of their own. */
function silentRow(
  trainee: string,
  session: string,
  scenario: string,
  seed: string,
  from: string,
): HTMLTableRowElement {
  return labelledSpan(
    { class: 'none' },
    [
      h('th', { attrs: { scope: 'row' } }, trainee),
      cell(session),
      cell(scenario),
      marketCell(seed),
      cell(''),
    ],
    spanning(h('strong', null, 'sent nothing: '), 'no result of theirs was among those checked'),
    cell(`assigned ${from}`),
  );
}

/** A result of an assignment the check is not of: why, and what its replay found. */
function outsideRow(g: Graded): HTMLTableRowElement {
  const verdict = g.genuine
    ? `${g.duplicate ? 'A duplicate, ' : 'Genuine '}by its replay (score ${g.score}); not graded.`
    : `✗ Not genuine: ${g.reason ?? ''}.`;
  return labelledSpan(
    { class: g.genuine ? 'apart' : 'bad' },
    [traineeCell(g), cell(g.session), cell(g.scenario), marketCell(g.seed), cell(g.attempt ?? '')],
    spanning(h('strong', null, 'not part of this check: '), g.outside ?? '', '. ', verdict),
    cell([g.source, ...g.notes].join(' \u00b7 ')),
  );
}

/** A row whose cell `span` stands for the four columns from score to "Genuine?". */
function labelledSpan(
  props: { class: string },
  lead: HTMLElement[],
  span: HTMLElement,
  notes: HTMLElement,
): HTMLTableRowElement {
  const heads = [...HEAD.slice(0, lead.length), 'Verdict', HEAD[HEAD.length - 1]!];
  // the notes are the row's 7th cell, not the 10th: hr.css keeps them wrapping by this class
  notes.classList.add('notes');
  return labelled(heads, props, ...lead, span, notes);
}

function resultsTable(rows: HTMLTableRowElement[], labelledBy?: string): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      // on a phone each record is a card of labelled lines (hr.css), not a table
      // that scrolls sideways past the verdict
      {
        class: 'table cards-on-phone',
        attrs: labelledBy ? { 'aria-labelledby': labelledBy } : { 'aria-describedby': 'v-status' },
      },
      h('thead', null, h('tr', null, ...HEAD.map((t) => h('th', { attrs: { scope: 'col' } }, t)))),
      h('tbody', null, ...rows),
    ),
  );
}

export function verifyView(
  scenarios: readonly { scenario: ScenarioDef; hash: string }[],
): HTMLElement {
  const shelf = new Map(scenarios.map((s) => [s.scenario.id, s]));
  const pasted = h('textarea', {
    id: 'v-codes',
    attrs: {
      rows: '6',
      spellcheck: 'false',
      placeholder: 'Paste result codes (TOW1-…), as many as you have, with any text around them',
    },
  });
  const files = h('input', {
    id: 'v-files',
    attrs: { type: 'file', multiple: '', accept: '.json,.txt,.csv,text/plain,application/json' },
  });
  const pass = h('input', {
    id: 'v-pass',
    attrs: { type: 'number', min: '0', max: '100', step: '1', value: String(DEFAULT_PASS_MARK) },
  });
  const drop = h(
    'div',
    { class: 'drop', attrs: { 'aria-hidden': 'true' } },
    'or drop result files and the links file here',
  );
  const status = h('p', { class: 'status', attrs: { role: 'status', 'aria-live': 'polite' } });
  const counting = countingStatus(status);
  const results = h('div', { class: 'results' });
  let dropped: File[] = [];
  let running: AbortController | null = null;

  const show = (
    graded: Graded[],
    roster: Roster,
    against: string,
    note: string,
    rosterFrom: string,
  ) => {
    const rows = cohort(graded, roster);
    const t = tally(graded);
    const silentRows = rows.filter((r) => r.status === 'no result');
    const silent = silentRows.length;
    const unmarked = graded.filter(
      (g) => g.genuine && !g.duplicate && g.passMarkFrom === 'verifier',
    ).length;
    const apart =
      t.outside > 0 ? `, ${t.outside} of another assignment (listed apart, under the table)` : '';
    status.textContent = `${t.records} record${t.records === 1 ? '' : 's'}: ${genuineText(t)}, ${t.notGenuine} not genuine, ${t.duplicates} duplicate${apart}; ${rows.length} trainee${rows.length === 1 ? '' : 's'}${silent > 0 ? `, ${silent} of them sent nothing` : ''}.${against}${unmarked > 0 ? ` ${unmarked} result${unmarked === 1 ? ' carries' : 's carry'} no pass mark and ${unmarked === 1 ? 'is' : 'are'} graded on ${pass.value}, the mark given below.` : ''}${note}`;
    const ours = graded.filter((g) => g.outside === undefined);
    const others = graded.filter((g) => g.outside !== undefined);
    const body = [
      ...ours.map(recordRow),
      ...silentRows.map((r) =>
        silentRow(
          r.trainee,
          r.session,
          r.scenario,
          roster.get(rosterKey(r.session, r.trainee))?.seed ?? '',
          rosterFrom,
        ),
      ),
    ];
    const apartTable =
      others.length === 0
        ? []
        : [
            h(
              'h3',
              { id: 'v-apart-title' },
              'Not part of this check: results of another assignment',
            ),
            h(
              'p',
              { class: 'hint' },
              'These results name an assignment that the links file given does not hold. They were replayed but are not graded, not counted among its trainees and not in its cohort file. To grade them, check them with the links file of their own assignment.',
            ),
            resultsTable(others.map(outsideRow), 'v-apart-title'),
          ];
    results.replaceChildren(
      h(
        'div',
        { class: 'row' },
        button('Download the cohort (CSV)', () => download(cohortCsv(rows), 'cohort.csv'), {
          class: 'btn btn-primary',
        }),
        button(
          'Download every record checked (CSV)',
          () =>
            download(
              toCsv(
                [
                  'trainee',
                  'assignment',
                  'scenario',
                  'attempt',
                  'score',
                  'fair_score',
                  'percentile',
                  'passed',
                  'pass_mark',
                  'pass_mark_from',
                  'finished_on',
                  'over_limit',
                  'late',
                  'genuine',
                  'reason',
                  'duplicate',
                  'source',
                  'notes',
                ],
                graded.map((g) => [
                  g.trainee,
                  g.session,
                  g.scenario,
                  g.attempt ?? '',
                  g.score ?? '',
                  g.grade ?? '',
                  g.percentile ?? '',
                  yesNo(g.passed),
                  g.passMark ?? '',
                  g.passMarkFrom ?? '',
                  g.finished ?? '',
                  yesNo(g.overLimit),
                  yesNo(g.late),
                  g.genuine ? 'yes' : 'no',
                  g.reason ?? '',
                  g.duplicate ? 'yes' : 'no',
                  g.source,
                  [g.outside ? `not part of this check: ${g.outside}` : '', ...g.notes]
                    .filter(Boolean)
                    .join('; '),
                ]),
              ),
              'records-checked.csv',
            ),
          { class: 'btn' },
        ),
      ),
      resultsTable(body),
      ...apartTable,
    );
  };

  const run = async () => {
    running?.abort();
    const controller = new AbortController();
    running = controller;
    // results played before a scenario was updated name its earlier edition
    await shelveEditions(shelf);
    const items: Intake[] = [...readText(pasted.value, 'pasted text', shelf)];
    const linksFiles: { name: string; roster: Roster }[] = [];
    let keys: KeySet | null = null;
    const chosen = [...(files.files ? Array.from(files.files) : []), ...dropped];
    for (const f of chosen) {
      const large = tooLarge(f.name, f.size);
      if (large) {
        items.push(large);
        continue;
      }
      const text = await f.text();
      // the server's public keys, saved from its /.well-known/jwks.json
      const inFile = keysInFile(text);
      if (inFile) {
        if ('error' in inFile) items.push({ source: f.name, error: inFile.error });
        else keys = inFile;
        continue;
      }
      if (/^\uFEFF?trainee,/.test(text)) {
        const parsed = parseRoster(text);
        if (parsed.error) items.push({ source: f.name, error: parsed.error });
        linksFiles.push({ name: f.name, roster: parsed.roster });
        continue;
      }
      items.push(...readText(text, f.name, shelf));
    }
    if (items.length === 0) {
      status.textContent = 'Nothing to check yet: paste result codes or choose result files.';
      return;
    }
    const passMark = Number(pass.value);
    if (!Number.isInteger(passMark) || passMark < 0 || passMark > 100) {
      status.textContent = 'The pass mark is a whole number from 0 to 100.';
      return;
    }
    // a links file given: its trainees only; else the remembered assignments the results name
    const against = checkRoster(items, linksFiles, rememberedAssignments());
    const { roster } = against;
    const rosterFrom =
      against.from === 'links file'
        ? `in the links file ${against.files.join(', ')}`
        : 'in the assignment this browser remembers';
    try {
      // markets still being worked out ahead for new links stop, and what they finished is
      // read by this check rather than worked out twice at once
      await stopWorkingAhead();
      // no key file given: the keys of the server this page is served by, if any
      keys ??= await serverKeys();
      const result = await gradeInPage(
        items,
        {
          scenarios: shelf,
          passMark,
          ...(roster.size > 0 ? { roster } : {}),
          // a links file given: its assignments only, any other result listed apart
          ...(against.from === 'links file' ? { linksOnly: true } : {}),
          ...(keys ? { keys } : {}),
        },
        (done, total) => {
          // a screen reader hears the start and the result, and is spared the count
          if (done === 0) {
            counting.message(total > 0 ? 'Replaying and scoring the markets:' : 'Replaying…');
          }
          counting.count(total > 0 ? ` ${done} of ${total} done…` : '');
        },
        controller.signal,
      );
      const keyNote = keys
        ? ` Signed results were checked against ${keys.keys.length} of the server's keys.`
        : '';
      if (running === controller)
        show(
          result.graded,
          roster,
          checkedAgainstText(against),
          keptNote(result) + keyNote,
          rosterFrom,
        );
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') return;
      status.textContent = `The check stopped: ${err instanceof Error ? err.message : String(err)}. Nothing was lost; try again.`;
    }
  };

  const section = h(
    'section',
    { class: 'panel hr-section', attrs: { 'aria-labelledby': 'verify-title' } },
    h('h2', { id: 'verify-title' }, 'Verify results'),
    h(
      'p',
      { class: 'hint' },
      "Each result is replayed from its choices. Results whose choices, score, scenario, game version or trainee id were edited are listed as not genuine and not graded. Each result carries its assignment's pass mark, attempts allowed and due date. Load the links file of the assignment too, to check them and the market each trainee was dealt, and to list the trainees who sent nothing; without it, the assignments this browser remembers that the results name serve instead. Results signed by the game's server are checked against its keys: add its key file (jwks.json) to the files, or open this page from that server.",
    ),
    h('div', { class: 'field' }, h('label', { attrs: { for: 'v-codes' } }, 'Result codes'), pasted),
    h(
      'div',
      { class: 'field' },
      h('label', { attrs: { for: 'v-files' } }, 'Result files and the links file'),
      files,
      drop,
    ),
    h(
      'div',
      { class: 'field' },
      h(
        'label',
        { attrs: { for: 'v-pass' } },
        'Pass mark for results that carry none (made by an older game) and are not in a links file',
      ),
      pass,
    ),
    h(
      'div',
      { class: 'row' },
      button('Check the results', () => void run(), {
        class: 'btn btn-primary',
        attrs: { id: 'v-run' },
      }),
    ),
    status,
    results,
  );
  status.id = 'v-status';
  section.addEventListener('dragover', (e) => {
    e.preventDefault();
    section.classList.add('dragging');
  });
  section.addEventListener('dragleave', () => section.classList.remove('dragging'));
  section.addEventListener('drop', (e) => {
    e.preventDefault();
    section.classList.remove('dragging');
    dropped = [...dropped, ...Array.from(e.dataTransfer?.files ?? [])];
    drop.textContent = `${dropped.length} file${dropped.length === 1 ? '' : 's'} dropped`;
    void run();
  });
  return section;
}

const shelved = new WeakSet<object>();

/** Puts the earlier editions of the shipped scenarios on the shelf, under id@hash, once. */
async function shelveEditions(
  shelf: Map<string, { scenario: ScenarioDef; hash: string }>,
): Promise<void> {
  if (shelved.has(shelf)) return;
  const { default: editions } = await import('virtual:scenario-editions');
  for (const e of editions) shelf.set(editionKey(e.scenario.id, e.hash), e);
  shelved.add(shelf);
}
