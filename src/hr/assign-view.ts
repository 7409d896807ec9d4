import { localOnlyNote } from '../links/public-url.ts';
import { DEFAULT_PASS_MARK, type ScenarioDef } from '../sim/index.ts';
import { button, columnHeads, countingStatus, h } from '../ui/dom.ts';
import type { MarketJob } from '../workers/census-batch.ts';
import { marketKey } from '../workers/fair-score.ts';
import { assessmentTermFields } from './assessment-terms.ts';
import {
  type AssignmentSettings,
  type IssuedLink,
  issueLinks,
  linksCsv,
  parseTrainees,
  randomToken,
  type SettingField,
  settingsProblemsAt,
} from './assignment.ts';
import { download } from './download.ts';
import { field } from './field.ts';
import { marketCell } from './market-cell.ts';
import { workOutAhead } from './markets-ahead.ts';
import { remember } from './remembered.ts';
import { scenarioField } from './scenario-field.ts';

// HR's assignment form: scenario, market, pass mark, attempts, due date and trainees in;
// one link per trainee and the links CSV out. Every trainee id goes to the page as text.

/** kept here for the forms that import it from this file */
export { field } from './field.ts';

/** a cell that names its column, for the cards on a phone */
function labelled(cell: HTMLElement, label: string): HTMLElement {
  cell.setAttribute('data-label', label);
  return cell;
}

/** A problem shown at its field, under the control, and read with it by a screen reader. */
function markField(control: HTMLElement, text: string, kind: 'error' | 'warning'): void {
  const id = `${control.id}-problem`;
  const at = document.getElementById(id) ?? h('p', { class: `field-problem ${kind}`, id });
  at.textContent = at.textContent ? `${at.textContent} ${text}` : text;
  if (!at.isConnected) control.insertAdjacentElement('afterend', at);
  if (kind === 'error') control.setAttribute('aria-invalid', 'true');
  const described = (control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  if (!described.includes(id))
    control.setAttribute('aria-describedby', [id, ...described].join(' '));
}

/** Every problem shown at a field taken away, before the form is read again. */
function clearFields(controls: readonly HTMLElement[]): void {
  for (const control of controls) {
    const id = `${control.id}-problem`;
    document.getElementById(id)?.remove();
    control.removeAttribute('aria-invalid');
    const rest = (control.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter((d) => d !== '' && d !== id);
    if (rest.length > 0) control.setAttribute('aria-describedby', rest.join(' '));
    else control.removeAttribute('aria-describedby');
  }
}

function today(): string {
  return new Date().toISOString().slice(0, 10).replace(/-/g, '');
}

export function assignView(
  scenarios: readonly { scenario: ScenarioDef; hash: string }[],
  gameUrl: string,
  /** called once links made are remembered, for the list of remembered assignments */
  onRemembered?: () => void,
): HTMLElement {
  const { select: scenario, field: scenarioRow } = scenarioField('a-scenario', scenarios);
  const session = h('input', {
    id: 'a-session',
    attrs: { type: 'text', autocomplete: 'off', spellcheck: 'false' },
  });
  session.value = `assess-${today()}-${randomToken(4)}`;
  const seed = h('input', {
    id: 'a-seed',
    attrs: { type: 'text', autocomplete: 'off', spellcheck: 'false' },
  });
  seed.value = randomToken(8);
  const perTrainee = h('input', {
    id: 'a-per',
    attrs: { type: 'radio', name: 'market', value: 'per' },
  });
  perTrainee.checked = true;
  const same = h('input', {
    id: 'a-same',
    attrs: { type: 'radio', name: 'market', value: 'same' },
  });
  const pass = h('input', {
    id: 'a-pass',
    attrs: { type: 'number', min: '0', max: '100', step: '1', value: String(DEFAULT_PASS_MARK) },
  });
  const attempts = h('input', {
    id: 'a-attempts',
    attrs: { type: 'number', min: '1', max: '99', step: '1', value: '2' },
  });
  const due = h('input', { id: 'a-due', attrs: { type: 'date' } });
  const trainees = h('textarea', {
    id: 'a-trainees',
    attrs: {
      rows: '6',
      spellcheck: 'false',
      placeholder:
        'one trainee id a line (or separated by commas), e.g. employee numbers or e-mail addresses',
    },
  });
  const messages = h('div', {
    class: 'messages',
    attrs: { role: 'status', 'aria-live': 'polite' },
  });
  const output = h('div', { class: 'links' });
  // what the page says about working out the trainees' markets ahead (markets-ahead.ts)
  const ahead = h('p', {
    class: 'hint',
    attrs: { id: 'a-markets', role: 'status', 'aria-live': 'polite' },
  });
  const aheadStatus = countingStatus(ahead);
  let issued: IssuedLink[] = [];
  let working: AbortController | null = null;

  const controls: Record<SettingField | 'trainees', HTMLElement> = {
    session,
    seed,
    passMark: pass,
    attempts,
    due,
    trainees,
  };
  const labels: Record<SettingField | 'trainees', string> = {
    session: 'Assignment id',
    seed: 'Seed',
    passMark: 'Pass mark',
    attempts: 'Attempts allowed',
    due: 'Due date',
    trainees: 'Trainee ids',
  };

  const make = () => {
    messages.replaceChildren();
    output.replaceChildren();
    clearFields(Object.values(controls));
    working?.abort();
    working = null;
    aheadStatus.message('');
    // one spelling of an accented id (é as one character), as the results will carry it
    session.value = session.value.trim().normalize('NFC');
    const settings: AssignmentSettings = {
      session: session.value,
      scenario: scenario.value,
      seed: seed.value.trim(),
      perTrainee: perTrainee.checked,
      passMark: Number(pass.value),
      attempts: Number(attempts.value),
      ...(due.value ? { due: due.value } : {}),
    };
    const { ids, problems } = parseTrainees(trainees.value);
    const errors: { field: SettingField | 'trainees'; problem: string }[] =
      settingsProblemsAt(settings);
    if (ids.length === 0)
      errors.push({ field: 'trainees', problem: 'enter at least one trainee id' });
    // each problem at its field, where the eye and the screen reader find it
    for (const e of errors) markField(controls[e.field], e.problem, 'error');
    for (const p of problems) markField(trainees, p, 'warning');
    if (errors.length > 0) {
      const fields = [...new Set(errors.map((e) => labels[e.field]))];
      messages.append(
        h(
          'p',
          { class: 'error' },
          `No links made: ${fields.length === 1 ? 'a field needs' : `${fields.length} fields need`} correcting (${fields.join(', ')}), each marked where it is.`,
        ),
      );
      controls[errors[0]!.field].focus();
      return;
    }
    issued = issueLinks(settings, ids, gameUrl);
    const kept = remember(issued, gameUrl, new Date());
    onRemembered?.();
    messages.append(
      h(
        'p',
        { class: 'ok' },
        `${issued.length} link${issued.length === 1 ? '' : 's'} made. Download the links file and keep it: the verifier checks results against it.`,
        kept ? ' This browser remembers the assignment too.' : '',
      ),
    );
    const localOnly = localOnlyNote(gameUrl);
    if (localOnly) messages.append(h('p', { class: 'warning' }, localOnly));
    const chosen = scenarios.find((s) => s.scenario.id === settings.scenario);
    if (chosen) {
      const needed = new Map<string, MarketJob>();
      for (const l of issued) {
        needed.set(marketKey(chosen.hash, l.gameSeed), {
          scenario: chosen.scenario,
          seed: l.gameSeed,
        });
      }
      working = new AbortController();
      void workOutAhead(needed, aheadStatus, working.signal);
    }
    const rows = issued.map((l) =>
      h(
        'tr',
        null,
        h('th', { attrs: { scope: 'row' } }, l.trainee),
        labelled(marketCell(l.gameSeed), 'Market'),
        h(
          'td',
          { attrs: { 'data-label': 'Link' } },
          h('a', { attrs: { href: l.url, target: '_blank', rel: 'noopener' } }, 'open'),
          ' ',
          h('input', {
            class: 'url',
            attrs: {
              type: 'text',
              readonly: '',
              value: l.url,
              'aria-label': `link for ${l.trainee}`,
            },
          }),
        ),
      ),
    );
    output.append(
      h(
        'div',
        { class: 'row' },
        button(
          'Download the links (CSV)',
          () => download(linksCsv(issued), `${settings.session}-links.csv`),
          { class: 'btn btn-primary' },
        ),
      ),
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          // on a phone each trainee is a card (hr.css), not a row that scrolls sideways
          { class: 'table cards-on-phone', attrs: { 'aria-label': 'The links made' } },
          columnHeads('Trainee', 'Market', 'Link'),
          h('tbody', null, ...rows),
        ),
      ),
    );
  };

  return h(
    'section',
    { class: 'panel hr-section', attrs: { 'aria-labelledby': 'assign-title' } },
    h('h2', { id: 'assign-title' }, 'Assign a scored session'),
    scenarioRow,
    field(
      'Assignment id',
      session,
      'Results carry it; use one id per cohort and date. Letters (accented ones too), digits and . : _ -, no spaces.',
    ),
    h(
      'fieldset',
      { class: 'field' },
      h('legend', null, 'Market'),
      h(
        'label',
        { class: 'choice-line' },
        perTrainee,
        ' A market of their own for each trainee (recommended)',
      ),
      h(
        'p',
        { class: 'hint' },
        "Each trainee's market is drawn from the seed and their id: a colleague's result or answers cannot be handed in under another id. Grades stay fair: each is the share of all strategies on the trainee's own market that did worse.",
      ),
      h('label', { class: 'choice-line' }, same, ' The same market for everyone'),
      h(
        'p',
        { class: 'hint' },
        'Raw scores compare directly, but a result can be re-labelled with another trainee id and still replay.',
      ),
    ),
    field(
      'Seed',
      seed,
      'Letters a–z, digits, _ and -; keep the one given unless you need to re-issue links.',
    ),
    ...assessmentTermFields(pass, attempts, 'link'),
    field('Due date (optional)', due),
    field('Trainee ids', trainees, 'Paste a column from a spreadsheet, or type one id a line.'),
    h(
      'div',
      { class: 'row' },
      button('Make the links', make, { class: 'btn btn-primary', attrs: { id: 'a-make' } }),
    ),
    messages,
    ahead,
    output,
  );
}
