import type { DecisionExplanation, Explanation } from '../../sim/index.ts';
import { answerKeyState, bestPathShown } from '../../store/answer-key.ts';
import type { GameStore } from '../../store/game-store.ts';
import { button, h } from '../dom.ts';
import { styleMark, styleName } from '../explain.ts';
import { fold } from '../fold.ts';
import { type TermKey, term, withTerms } from '../terms.ts';
import { bind } from './bind.ts';
import { VERDICTS_CLOSED } from './key-closed.ts';
import { TURNING_RULE, turningPointsThatMattered } from './turning.ts';

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
/** a reply no other would have beaten, but one would have matched: not "the strongest" */
const TIED_TEXT = '✓ As strong as any reply in your game';

const KIND_TEXT = { crisis: 'A crisis', build: 'A slow build', routine: 'Routine' } as const;

/** What the debrief may show of its answer key (src/store/answer-key.ts). */
interface Shown {
  /** the best path's choices (bestPathShown in the store) */
  best: boolean;
  /** which other reply would have scored more, and the what-if: once the answer key opens */
  alternatives: boolean;
  /** whether each reply was the strongest: hidden while an attempt that counts remains */
  verdicts: boolean;
}

/** Which cards are open: as the player left them, through the redraws when the answer key opens. */
interface CardFolds {
  byDefault: boolean;
  opened: Map<number, boolean>;
}

function decisionCard(
  d: DecisionExplanation,
  turning: Explanation['turningPoints'][number] | undefined,
  shown: Shown,
  onWhatIf: (quarter: number) => void,
  folds: CardFolds,
): HTMLElement {
  const [head, ...rest] = d.sentences;
  const bestSentence = shown.best ? rest.filter((t) => t.startsWith('The best path')) : [];
  // where an event moved share, the split of the change goes with the sentence that gives
  // it, so the change never reads as the reply's alone
  const split = d.shareSplit ?? null;
  // and where the ropes already pulling moved share much further the next quarter, why:
  // it explains the split's "ropes already pulling", so it follows it
  const balance = split ? (d.balanceNote ?? null) : null;
  const other = rest.filter(
    (t) => !t.startsWith('The best path') && t !== d.fitNote && t !== split && t !== balance,
  );
  // each model word is explained at its first mention in the card's sentences (the coach's
  // note, in the scenario's own words, explains its own)
  const seen = new Set<TermKey>();
  // folded, the card still says which quarter, whether it was a turning point and how the
  // reply fared, so the folded list reads as a summary of the game; its summary holds text
  // only (a term's definition is a button, and a summary is one already)
  const summary = [
    h(
      'span',
      { class: 'decision-head' },
      h('h3', null, `Quarter ${d.quarter}: ${d.situationTitle}`),
      turning ? h('span', { class: 'tag tag-turning' }, '★ Turning point') : null,
      d.kind ? h('span', { class: 'tag' }, KIND_TEXT[d.kind]) : null,
    ),
    d.fit === 'neutral' || !shown.verdicts
      ? null
      : h('span', { class: `fit fit-${d.fit}` }, d.tiedWith === null ? FIT_TEXT[d.fit] : TIED_TEXT),
  ];
  const body = h(
    'div',
    { class: 'decision-body' },
    h(
      'p',
      null,
      'You chose ',
      h('strong', null, `“${d.label}”`),
      ` (${styleMark(d.style)} ${styleName(d.style)}).`,
    ),
    head
      ? h(
          'p',
          { class: 'lead-sentence' },
          ...withTerms(head, seen),
          ...(split ? [' ', h('span', { class: 'share-split' }, ...withTerms(split, seen))] : []),
          ...(balance
            ? [' ', h('span', { class: 'balance-gap' }, ...withTerms(balance, seen))]
            : []),
        )
      : null,
    other.length
      ? h('ul', { class: 'effects' }, ...other.map((t) => h('li', null, ...withTerms(t, seen))))
      : null,
    d.fitNote && shown.alternatives ? h('p', { class: 'fit-note' }, d.fitNote) : null,
    turning && shown.alternatives ? h('p', { class: 'turning-note' }, turning.sentence) : null,
    ...bestSentence.map((t) =>
      h('p', { class: 'best-note' }, h('span', { class: 'muted' }, 'Best path: '), t),
    ),
    d.coach
      ? h('p', { class: 'coach' }, h('strong', null, 'Coach: '), ...withTerms(d.coach))
      : null,
    shown.alternatives
      ? button(
          `What if I had chosen differently in quarter ${d.quarter}?`,
          () => onWhatIf(d.quarter),
          { class: 'btn btn-small' },
        )
      : null,
  );
  const card = fold(summary, [body], {
    open: folds.opened.get(d.quarter) ?? folds.byDefault,
    class: 'decision-fold',
  });
  card.addEventListener('toggle', () => folds.opened.set(d.quarter, card.open));
  return h(
    'li',
    {
      class: `decision-card${turning ? ' turning' : ''}`,
      attrs: { 'data-quarter': String(d.quarter) },
    },
    card,
  );
}

function fitSummary(e: Explanation, shown: Shown): HTMLElement {
  const fitted = e.decisions.filter((d) => d.fit === 'good').map((d) => `Q${d.quarter}`);
  const missed = e.decisions.filter((d) => d.fit === 'poor').map((d) => `Q${d.quarter}`);
  return h(
    'div',
    { class: 'fit-summary' },
    // the count of strongest replies is a verdict too: while an attempt that counts
    // remains, it would tell the next attempt how many of these replies to keep
    shown.verdicts ? h('p', { class: 'lead' }, e.styleFit.sentence) : null,
    h(
      'p',
      { class: 'muted' },
      'No style is right in itself: each reply is judged against the others, in the market and with the team you had built by then.',
    ),
    shown.verdicts ? null : h('p', { class: 'closed-verdicts' }, VERDICTS_CLOSED),
    shown.verdicts && (fitted.length || missed.length)
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

/** `cardsOpen`: each call's card open at first (where there is room), or folded to its heading. */
export function causalSection(
  store: GameStore,
  onWhatIf: (quarter: number) => void,
  cardsOpen: boolean,
): HTMLElement {
  const folds: CardFolds = { byDefault: cardsOpen, opened: new Map() };
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
    // the answer key opens when no attempt that counts remains and the result is kept (or,
    // in a live room, when the facilitator releases the best path or the what-if): the
    // cards are drawn again then
    (s) =>
      `${s.debrief?.explanation ? 'e' : ''}${s.debrief?.explainError ?? ''}${answerKeyState(s, Date.now())}${bestPathShown(s, Date.now())}`,
    () => {
      const d = store.getState().debrief;
      const closed = answerKeyState(store.getState(), Date.now());
      const shown: Shown = {
        best: bestPathShown(store.getState(), Date.now()),
        alternatives: closed === null,
        verdicts: closed !== 'attempts-left' && closed !== 'rehearsal',
      };
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
      // only the decisions that mattered, in the order they were taken
      const turning = turningPointsThatMattered(e);
      const turningBy = new Map(turning.map((t) => [t.quarter, t]));
      const parts: HTMLElement[] = [fitSummary(e, shown)];
      if (turning.length)
        parts.push(
          h(
            'div',
            { class: 'turning-list' },
            h('h3', null, term('turning', 'Turning points'), ' in the order they came'),
            h('p', { class: 'muted' }, `★ marks ${TURNING_RULE}.`),
            h(
              'ul',
              null,
              ...turning.map((t) =>
                h(
                  'li',
                  { attrs: { 'data-quarter': String(t.quarter) } },
                  shown.alternatives
                    ? t.sentence
                    : `Q${t.quarter}: another reply here would have moved your final score by up to ${t.swing} points, up or down.`,
                ),
              ),
            ),
          ),
        );
      else
        parts.push(
          h(
            'p',
            { class: 'muted turning-none' },
            `No turning point: no decision stood out. ★ would mark ${TURNING_RULE}.`,
          ),
        );
      if (!cardsOpen)
        parts.push(
          h('p', { class: 'muted' }, 'Open a quarter to see what your reply did, and why.'),
        );
      parts.push(
        h(
          'ol',
          { class: 'decision-cards' },
          ...e.decisions.map((x) => {
            return decisionCard(x, turningBy.get(x.quarter), shown, onWhatIf, folds);
          }),
        ),
      );
      body.replaceChildren(...parts);
    },
  );
  return section;
}
