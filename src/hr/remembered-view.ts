import { shownDateTime } from '../lib/when.ts';
import type { ScenarioDef } from '../sim/index.ts';
import { askToConfirm } from '../ui/confirm-dialog.ts';
import { button, columnHeads, h } from '../ui/dom.ts';
import { linksCsv } from './assignment.ts';
import { download } from './download.ts';
import {
  forget,
  type RememberedAssignment,
  rebuiltLinks,
  rememberedAssignments,
} from './remembered.ts';

// The assignments this browser remembers (remembered.ts): scenario, trainees and when the
// links were made, each with its links to download again (rebuilt exactly, or a sentence
// saying why they cannot be) and a way to forget it, asked twice. Ids reach the page as text.

/** a cell that names its column, for the narrow layout where each row is a card */
const cell = (label: string, ...content: (string | HTMLElement)[]) =>
  h('td', { attrs: { 'data-label': label } }, ...content);

export function rememberedView(scenarios: readonly { scenario: ScenarioDef }[]): {
  element: HTMLElement;
  refresh(): void;
} {
  const titles = new Map(scenarios.map((s) => [s.scenario.id, s.scenario.title]));
  const body = h('div', { class: 'remembered' });
  const said = h('p', { class: 'hint', attrs: { role: 'status', 'aria-live': 'polite' } });

  const actions = (a: RememberedAssignment, row: HTMLTableRowElement): HTMLElement => {
    const td = cell('Links');
    const links = rebuiltLinks(a);
    const again = links
      ? button(
          'Download the links again',
          () => download(linksCsv(links), `${a.session}-links.csv`),
          { class: 'btn', attrs: { 'aria-label': `Download the links again (${a.session})` } },
        )
      : h(
          'span',
          { class: 'hint' },
          'Remembered by an earlier version of this page, without the address its links pointed to: they cannot be made again here. Use the links file you downloaded then; results are still checked against this assignment.',
        );
    const ask = button(
      'Forget',
      async () => {
        const yes = await askToConfirm(
          {
            title: `Forget the assignment ${a.session}?`,
            consequences: [
              h(
                'p',
                null,
                'This browser will no longer check results against it, nor offer its links again. Its results are then checked against its links file, when you give it.',
              ),
              h(
                'p',
                null,
                'The links you sent keep working: trainees can still play and send their results.',
              ),
            ],
            yes: 'Forget it',
          },
          () => ask,
        );
        if (!yes) return;
        forget(a.session);
        refresh();
        said.textContent = `This browser no longer remembers ${a.session}.`;
        said.focus();
      },
      { class: 'btn', attrs: { 'aria-label': `Forget ${a.session}` } },
    );
    td.append(h('div', { class: 'remembered-actions' }, again, ask));
    row.append(td);
    return td;
  };

  const refresh = () => {
    const list = rememberedAssignments();
    if (list.length === 0) {
      body.replaceChildren(
        h('p', { class: 'hint' }, 'None yet: the links you make on this page are listed here.'),
      );
      return;
    }
    const rows = list.map((a) => {
      const row = h(
        'tr',
        null,
        h('th', { attrs: { scope: 'row' } }, a.session),
        cell('Scenario', titles.get(a.scenario) ?? a.scenario),
        cell('Trainees', String(a.entries.length)),
        cell('Made', a.made ? shownDateTime(a.made) : 'before this page kept the date'),
      );
      actions(a, row);
      return row;
    });
    body.replaceChildren(
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          {
            class: 'table cards-on-phone',
            attrs: { 'aria-label': 'Assignments this browser remembers' },
          },
          columnHeads('Assignment', 'Scenario', 'Trainees', 'Made', 'Links'),
          h('tbody', null, ...rows),
        ),
      ),
    );
  };
  said.tabIndex = -1;
  refresh();

  const element = h(
    'section',
    { class: 'panel hr-section', attrs: { 'aria-labelledby': 'remembered-title' } },
    h('h2', { id: 'remembered-title' }, 'Assignments this browser remembers'),
    h(
      'p',
      { class: 'hint' },
      "The links made on this page are remembered in this browser, so the check below can hold results against them without their links file: a result's assignment picks the one it is checked against. Download an assignment's links again here, the very links you sent, or forget one you no longer check.",
    ),
    said,
    body,
  );
  return { element, refresh };
}
