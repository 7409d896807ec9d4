import { counted } from '../../lib/counted.ts';
import {
  type ScenarioDef,
  type SimState,
  shownOrder,
  situationById,
  situationShownIn,
} from '../../sim/index.ts';
import type { WhatIfView } from '../../store/debrief-types.ts';
import type { GameStore } from '../../store/game-store.ts';
import { button, columnHeads, h } from '../dom.ts';
import { styleMark, styleName, watchedFor } from '../explain.ts';
import { bind } from './bind.ts';

// What if: the player picks one of their past decisions and another option there; the
// store replays the rest of the market on the same seed (keeping the player's later calls
// where they still fit). Both lines then show side by side: a table of final outcomes,
// charts with two series, and the rope view with the what-if as a faint ghost.

const OUTCOME_KEYS = ['share', 'revenue', 'profit', 'trust', 'alignment', 'morale'] as const;

function outcomeTable(scenario: ScenarioDef, w: WhatIfView): HTMLElement {
  const a = w.result.actual;
  const b = w.result.alternative;
  const lastA = a.quarters.at(-1);
  const lastB = b.quarters.at(-1);
  const watched = watchedFor(scenario);
  const shown = watched.filter((w) => (OUTCOME_KEYS as readonly string[]).includes(w.key));
  const rows = shown.map((m) => {
    // side by side, so told apart where they differ ("€1.15M", "€1.22M")
    const [yours, whatIf] =
      lastA && lastB
        ? m.pair(lastA[m.key], lastB[m.key])
        : [lastA ? m.value(lastA[m.key]) : '–', lastB ? m.value(lastB[m.key]) : '–'];
    return h(
      'tr',
      null,
      h('th', { attrs: { scope: 'row' } }, m.label),
      h('td', null, yours),
      h('td', null, whatIf),
    );
  });
  return h(
    'table',
    { class: 'data compare-table' },
    h('caption', null, 'Where each line ended'),
    columnHeads('Outcome', 'Your game', 'What-if'),
    h(
      'tbody',
      null,
      h(
        'tr',
        { class: 'score-line' },
        h('th', { attrs: { scope: 'row' } }, 'Score'),
        h('td', { attrs: { 'data-line': 'actual' } }, String(a.score)),
        h('td', { attrs: { 'data-line': 'what-if' } }, String(b.score)),
      ),
      ...rows,
    ),
  );
}

function resultView(
  scenario: ScenarioDef,
  w: WhatIfView,
  store: GameStore,
  closed: () => void,
): HTMLElement {
  const d = store.getState().debrief!;
  // the reply as the player's card showed it that quarter
  const situation = situationShownIn(scenario, store.getState().sim!, w.quarter);
  const option = situation.choices.find((c) => c.id === w.optionId);
  const diff = w.result.alternative.score - w.result.actual.score;
  const charts = h('div', { class: 'charts compare-charts' });
  const actualM = d.actual.map((s) => s.history.at(-1)?.metrics ?? s.start);
  const altM = (d.alternative ?? []).map((s) => s.history.at(-1)?.metrics ?? s.start);
  void import('./compare-charts.ts').then((m) =>
    m.renderCompareCharts(charts, actualM, altM, w.quarter),
  );
  const kept = w.result.replaced.length
    ? `Your later calls were kept wherever the same situation came up; at ${w.result.replaced.map((q) => `Q${q}`).join(', ')} this line met a situation you never had, so the reply that did best there, with your other calls kept, was played.`
    : 'Every one of your later calls was kept as you made it.';
  return h(
    'div',
    { class: 'whatif-result', attrs: { 'data-whatif-quarter': String(w.quarter) } },
    h(
      'p',
      { class: 'lead' },
      `In quarter ${w.quarter}, “${option?.label ?? w.optionId}” (${styleName(option?.style ?? '')}) instead would have ended at `,
      ...(diff === 0
        ? ['the same score, ', h('strong', null, String(w.result.alternative.score)), '.']
        : [
            h('strong', null, String(w.result.alternative.score)),
            ` rather than ${w.result.actual.score}: ${counted(Math.abs(diff), 'point')} ${diff > 0 ? 'more' : 'fewer'}.`,
          ]),
    ),
    h('p', { class: 'muted' }, kept),
    outcomeTable(scenario, w),
    h(
      'p',
      { class: 'muted' },
      'The rope view draws the what-if market faintly (dashed ropes, labelled “what-if”) over yours; the timeline below moves both.',
    ),
    charts,
    button(
      'Close the what-if',
      () => {
        store.getState().closeWhatIf();
        closed();
      },
      { class: 'btn btn-quiet' },
    ),
  );
}

/** The other replies, in the order the player saw them: file order would show the best first. */
/** The other replies of quarter `quarter`, in the card's order and words. */
function optionsFor(scenario: ScenarioDef, sim: SimState, quarter: number, chosen: string) {
  const situation = situationShownIn(scenario, sim, quarter);
  return shownOrder(scenario.id, sim.seed, situation.id, situation.choices).filter(
    (c) => c.id !== chosen,
  );
}

export function whatIfSection(
  store: GameStore,
  scenario: ScenarioDef,
): { section: HTMLElement; pickQuarter(q: number): void } {
  const s0 = store.getState();
  const d0 = s0.debrief;
  const sim = s0.sim!;
  const quarterSelect = h('select', { id: 'whatif-quarter' });
  sim.history.forEach((r) => {
    const title = situationById(scenario, r.situationId).title;
    quarterSelect.append(
      h('option', { attrs: { value: String(r.quarter) } }, `Quarter ${r.quarter}: ${title}`),
    );
  });
  const optionsBox = h('fieldset', { class: 'whatif-options' });
  const fillOptions = () => {
    const q = Number(quarterSelect.value);
    const d = store.getState().debrief;
    const before = d?.actual[q - 1];
    const chosen = sim.choices[q - 1] ?? '';
    optionsBox.replaceChildren(
      h(
        'legend',
        null,
        `Instead of “${situationShownIn(scenario, sim, q).choices.find((c) => c.id === chosen)?.label ?? chosen}”, choose:`,
      ),
    );
    if (!before) return;
    optionsFor(scenario, sim, q, chosen).forEach((c, i) => {
      const id = `whatif-opt-${c.id}`;
      optionsBox.append(
        h(
          'div',
          { class: 'radio' },
          h('input', {
            id,
            attrs: {
              type: 'radio',
              name: 'whatif-option',
              value: c.id,
              ...(i === 0 ? { checked: '' } : {}),
            },
          }),
          h(
            'label',
            { attrs: { for: id } },
            `${c.label} (${styleMark(c.style)} ${styleName(c.style)})`,
          ),
        ),
      );
    });
  };
  quarterSelect.addEventListener('change', fillOptions);
  const defaultQuarter = d0?.whatIf?.quarter ?? Math.min(2, sim.history.length);
  quarterSelect.value = String(defaultQuarter);
  fillOptions();
  const form = h(
    'form',
    { class: 'whatif-form' },
    h('label', { attrs: { for: 'whatif-quarter' } }, 'Decision to change'),
    quarterSelect,
    optionsBox,
    h(
      'button',
      { class: 'btn btn-primary', attrs: { type: 'submit' } },
      'Replay the rest of the market',
    ),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const picked = form.querySelector<HTMLInputElement>('input[name="whatif-option"]:checked');
    if (!picked) return;
    store.getState().openWhatIf(Number(quarterSelect.value), picked.value);
  });
  const out = h('div', { class: 'whatif-out' });
  const live = h('p', { class: 'sr-only', attrs: { 'aria-live': 'polite' } });
  const section = h(
    'section',
    { class: 'block whatif', id: 'whatif', attrs: { 'aria-labelledby': 'whatif-h' } },
    h('h2', { id: 'whatif-h', attrs: { tabindex: '-1' } }, 'What if you had chosen differently?'),
    h(
      'p',
      null,
      'Pick one of your decisions and another option: the rest of the market is played again with the same luck, so only the call changes.',
    ),
    form,
    live,
    out,
  );
  bind(
    store,
    section,
    (s) => s.debrief?.whatIf ?? null,
    (w) => {
      const view = w
        ? resultView(scenario, w, store, () =>
            // the button that had focus is gone: keep the keyboard in the what-if
            quarterSelect.focus(),
          )
        : null;
      out.replaceChildren(...(view ? [view] : []));
      live.textContent = view?.querySelector('.lead')?.textContent ?? '';
    },
  );
  return {
    section,
    pickQuarter(q) {
      quarterSelect.value = String(q);
      fillOptions();
      section.scrollIntoView({ block: 'start' });
      quarterSelect.focus();
    },
  };
}
