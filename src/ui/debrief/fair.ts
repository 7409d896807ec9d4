import { fairGrade, type ScenarioDef } from '../../sim/index.ts';
import type { FairProgress } from '../../store/debrief-types.ts';
import type { GameStore } from '../../store/game-store.ts';
import { feedbackOnly, stakesOf } from '../../store/stakes.ts';
import type { FairScore } from '../../workers/fair-score.ts';
import { columnHeads, h } from '../dom.ts';
import { term, withTerms } from '../terms.ts';
import { bind } from './bind.ts';
import { bandFor, verdict } from './grading.ts';
import { parClosedNote } from './key-closed.ts';

// The fair score: where the player's score stands among every strategy of the same
// market, from the census worker (usually done during play; otherwise this shows a
// progress bar meanwhile), with the raw score beside it, the par lines on the same seed,
// and pass or fail by the rubric.

const POLICY: Record<FairScore['par'][number]['policy'], string> = {
  directive: 'Always directive',
  collaborative: 'Always collaborative',
  best: 'The best path',
};

function parTable(fair: FairScore): HTMLElement {
  return h(
    'table',
    { class: 'data par-table' },
    h('caption', null, term('par'), ': fixed ways to play the same market, with the same luck'),
    columnHeads('Line', 'Score', 'Against yours'),
    h(
      'tbody',
      null,
      ...fair.par.map((p) => {
        const d = p.score - fair.score;
        return h(
          'tr',
          { attrs: { 'data-par': p.policy } },
          h('th', { attrs: { scope: 'row' } }, POLICY[p.policy]),
          h('td', null, String(p.score)),
          h(
            'td',
            null,
            d === 0 ? 'the same' : d > 0 ? `${d} more than yours` : `${-d} fewer than yours`,
          ),
        );
      }),
    ),
  );
}

/** The progress bar while the census runs; moved in place, so the long page is not laid out again. */
function progressBar(): { el: HTMLElement; set(done: number): void } {
  const bar = h('progress', { id: 'fair-progress', attrs: { max: '100', value: '0' } });
  const figure = h('span', { class: 'muted' }, ' 0%');
  const el = h(
    'p',
    { class: 'fair-wait' },
    h('label', { attrs: { for: 'fair-progress' } }, 'Playing every strategy of this market… '),
    bar,
    figure,
  );
  return {
    el,
    set(done) {
      const pct = String(Math.round(done * 100));
      if (bar.getAttribute('value') === pct) return;
      bar.setAttribute('value', pct);
      bar.setAttribute('aria-valuetext', `${pct}% done`);
      figure.textContent = ` ${pct}%`;
    },
  };
}

/** A percentile as the debrief says it: never 100, since the player's own way is one of them. */
export function shownPercentile(p: number): string {
  const capped = Math.min(99.9, Math.max(0, p));
  return Number.isInteger(capped) ? String(capped) : capped.toFixed(1);
}

/**
 * The fair score in one sentence, as the same whole number the verdict gives (the nearest
 * per cent; never 100, since the player's own way is one of them); a sampled census says
 * so, with its bound.
 */
export function fairSentence(r: Pick<FairScore, 'percentile' | 'exhaustive' | 'margin'>): string {
  const whole = fairGrade(r.percentile);
  const pct = whole >= 100 ? shownPercentile(r.percentile) : String(whole);
  return `You did better than ${pct}% of the ways this market could be played, with the same luck${r.exhaustive ? '' : ` (from a sample, give or take ${r.margin} point${r.margin === 1 ? '' : 's'})`}: that is your fair score.`;
}

function body(fair: FairProgress): HTMLElement[] {
  if (fair.status === 'failed' || !fair.result) {
    return [
      h(
        'p',
        { class: 'notice-inline' },
        `The fair score could not be worked out in this browser (${fair.error ?? 'no result'}). Your score above still stands.`,
      ),
    ];
  }
  const r = fair.result;
  return [
    h(
      'p',
      { class: 'muted' },
      r.exhaustive
        ? `All ${r.strategies.toLocaleString('en')} ways to play this market were played with your market's luck.`
        : `${r.played.toLocaleString('en')} of the ${r.strategies.toLocaleString('en')} ways to play this market were sampled with your market's luck.`,
    ),
  ];
}

export function fairSection(
  store: GameStore,
  scenario: ScenarioDef,
  passMark: number,
  raw: number,
): {
  section: HTMLElement;
  verdictEl: HTMLElement;
  statementEl: HTMLElement;
  bandEl: HTMLElement;
} {
  const rubric = scenario.rubric;
  const status = h('div', { class: 'fair-body' });
  // the par lines, or why they are closed: they hold the best path's score (answer-key.ts)
  const par = h('div', { class: 'par-box' });
  const drawPar = () => {
    const s = store.getState();
    const r = s.debrief?.fair.status === 'done' ? s.debrief.fair.result : null;
    const closed = parClosedNote(s, Date.now());
    par.replaceChildren(
      ...(r === null ? [] : [closed ? h('p', { class: 'par-closed muted' }, closed) : parTable(r)]),
    );
  };
  const progress = progressBar();
  const live = h('p', { class: 'sr-only', attrs: { 'aria-live': 'polite' } });
  const verdictEl = h('p', { class: 'verdict' });
  // the fair score in one sentence, beside the grade at the head of the debrief
  const statementEl = h('p', { class: 'fair-statement lead' });
  // the scenario's words for the result, once the figure that decides the pass is known
  const bandEl = h('p', { class: 'lead band', attrs: { hidden: '' } });
  const section = h(
    'section',
    { class: 'block fair', attrs: { 'aria-labelledby': 'fair-h' } },
    h('h2', { id: 'fair-h' }, 'How your ', term('fair', 'fair score'), ' was worked out'),
    h(
      'p',
      null,
      'Luck of the market should not decide your grade: your result is set against every other way this same market could have been played.',
    ),
    status,
    live,
  );
  bind(
    store,
    section,
    (s) => s.debrief?.fair ?? null,
    (fair) => {
      section.setAttribute('aria-busy', String(fair?.status === 'computing'));
      if (fair?.status === 'computing') {
        if (progress.el.parentNode !== status) status.replaceChildren(progress.el);
        progress.set(fair.progress);
        if (verdictEl.textContent) return;
      } else {
        status.replaceChildren(...(fair ? body(fair) : []), par);
        drawPar();
      }
      const pct = fair?.status === 'done' && fair.result ? fair.result.percentile : null;
      const stakes = stakesOf(store.getState(), Date.now());
      const v = verdict(rubric, passMark, raw, pct, stakes);
      // a game nobody grades (practice, a workshop link) below the mark is told where it
      // stands, not marked as failed
      const look =
        v.passed === null ? 'pending' : v.passed ? 'pass' : feedbackOnly(stakes) ? 'below' : 'fail';
      verdictEl.className = `verdict ${look}`;
      verdictEl.textContent = v.text;
      const band = bandFor(scenario, passMark, raw, pct);
      bandEl.hidden = band === null;
      bandEl.replaceChildren(...(band ? withTerms(band, new Set()) : []));
      if (fair?.status === 'done' && fair.result) {
        live.textContent = `Fair score: ${fairSentence(fair.result)}`;
        statementEl.textContent = fairSentence(fair.result);
        statementEl.setAttribute('data-percentile', String(fair.result.percentile));
      }
    },
  );
  bind(store, par, (s) => parClosedNote(s, Date.now()), drawPar);
  return { section, verdictEl, statementEl, bandEl };
}
