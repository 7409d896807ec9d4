import type { DecisionExplanation, Explanation } from '../../sim/index.ts';
import type { GameStore } from '../../store/game-store.ts';
import { button, h } from '../dom.ts';
import { styleMark, styleName } from '../explain.ts';
import { bind } from './bind.ts';

// The causal debrief: for each call, what the player chose and in what style, what it did
// then and later (explainGame's sentences), what the best path did there on the same
// seed, whether it was the strongest reply in the game the player built (judged against
// the other replies with the player's other decisions kept, never by its label), and the
// coach's note. Turning points, where another option would have changed the final score
// most, are marked in words, not by colour alone.

const FIT_TEXT = {
  good: '✓ The strongest reply in your game',
  poor: '✗ Another reply would have done better',
} as const;

const KIND_TEXT = { crisis: 'A crisis', build: 'A slow build', routine: 'Routine' } as const;

function decisionCard(
  d: DecisionExplanation,
  turning: Explanation['turningPoints'][number] | undefined,
  rank: number,
  onWhatIf: (quarter: number) => void,
): HTMLElement {
  const [head, ...rest] = d.sentences;
  const bestSentence = rest.filter((t) => t.startsWith('The best path'));
  const other = rest.filter((t) => !t.startsWith('The best path') && t !== d.fitNote);
  return h(
    'li',
    {
      class: `decision-card${turning ? ' turning' : ''}`,
      attrs: { 'data-quarter': String(d.quarter) },
    },
    h(
      'div',
      { class: 'decision-head' },
      h('h3', null, `Quarter ${d.quarter}: ${d.situationTitle}`),
      turning ? h('span', { class: 'tag tag-turning' }, `★ Turning point ${rank}`) : null,
      d.kind ? h('span', { class: 'tag' }, KIND_TEXT[d.kind]) : null,
    ),
    h(
      'p',
      null,
      'You chose ',
      h('strong', null, `“${d.label}”`),
      ` (${styleMark(d.style)} ${styleName(d.style)})`,
      d.fit === 'neutral' ? '.' : ': ',
      d.fit === 'neutral' ? null : h('span', { class: `fit fit-${d.fit}` }, FIT_TEXT[d.fit]),
    ),
    head ? h('p', { class: 'lead-sentence' }, head) : null,
    other.length ? h('ul', { class: 'effects' }, ...other.map((t) => h('li', null, t))) : null,
    d.fitNote ? h('p', { class: 'fit-note' }, d.fitNote) : null,
    turning ? h('p', { class: 'turning-note' }, turning.sentence) : null,
    ...bestSentence.map((t) =>
      h('p', { class: 'best-note' }, h('span', { class: 'muted' }, 'Best path: '), t),
    ),
    d.coach ? h('p', { class: 'coach' }, h('strong', null, 'Coach: '), d.coach) : null,
    button(`What if I had chosen differently in quarter ${d.quarter}?`, () => onWhatIf(d.quarter), {
      class: 'btn btn-small',
    }),
  );
}

function fitSummary(e: Explanation): HTMLElement {
  const fitted = e.decisions.filter((d) => d.fit === 'good').map((d) => `Q${d.quarter}`);
  const missed = e.decisions.filter((d) => d.fit === 'poor').map((d) => `Q${d.quarter}`);
  return h(
    'div',
    { class: 'fit-summary' },
    h('p', { class: 'lead' }, e.styleFit.sentence),
    h(
      'p',
      { class: 'muted' },
      'No style is right in itself: each reply is judged against the others, in the market and with the team you had built by then.',
    ),
    fitted.length || missed.length
      ? h(
          'ul',
          null,
          fitted.length ? h('li', null, `The strongest replies: ${fitted.join(', ')}.`) : null,
          missed.length
            ? h('li', null, `Where another reply would have done better: ${missed.join(', ')}.`)
            : null,
        )
      : null,
  );
}

export function causalSection(store: GameStore, onWhatIf: (quarter: number) => void): HTMLElement {
  const body = h('div', { class: 'causal-body' });
  const section = h(
    'section',
    { class: 'block causal', attrs: { 'aria-labelledby': 'dec-h' } },
    h('h2', { id: 'dec-h' }, 'What each of your calls did'),
    body,
  );
  bind(
    store,
    section,
    (s) => s.debrief?.explanation ?? s.debrief?.explainError ?? null,
    () => {
      const d = store.getState().debrief;
      const e = d?.explanation ?? null;
      section.setAttribute('aria-busy', String(!e && !d?.explainError));
      if (d?.explainError) {
        body.replaceChildren(
          h('p', null, `The explanation could not be worked out: ${d.explainError}.`),
        );
        return;
      }
      if (!e) {
        body.replaceChildren(
          h('p', { class: 'muted' }, 'Working out what each call did, and where it mattered most…'),
        );
        return;
      }
      const turningBy = new Map(e.turningPoints.map((t, i) => [t.quarter, { t, rank: i + 1 }]));
      const parts: HTMLElement[] = [fitSummary(e)];
      if (e.turningPoints.length)
        parts.push(
          h(
            'div',
            { class: 'turning-list' },
            h('h3', null, 'Turning points'),
            h('ol', null, ...e.turningPoints.map((t) => h('li', null, t.sentence))),
          ),
        );
      parts.push(
        h(
          'ol',
          { class: 'decision-cards' },
          ...e.decisions.map((x) => {
            const tp = turningBy.get(x.quarter);
            return decisionCard(x, tp?.t, tp?.rank ?? 0, onWhatIf);
          }),
        ),
      );
      body.replaceChildren(...parts);
    },
  );
  return section;
}
