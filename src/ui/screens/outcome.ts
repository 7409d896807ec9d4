import {
  type BalanceGap,
  balanceGap,
  eventReason,
  metricsBefore,
  type SplitFigure,
  situationShownIn,
  styleFamily,
} from '../../sim/index.ts';
import type { GameStore } from '../../store/game-store.ts';
import type { GameState } from '../../store/types.ts';
import { button, columnHeads, h, heading } from '../dom.ts';
import { kindPhrase, type MetricMove, metricMoves, styleMark, styleName } from '../explain.ts';
import { term, withTerms } from '../terms.ts';
import {
  type FigureMove,
  type FigureWhy,
  figureWhy,
  priceNote,
  skillWhy,
  type WhyLine,
} from '../why.ts';

// A quarter's outcome, in the order a manager reads it: what happened and why (share,
// revenue and, where the scenario models money, profit split by cause, in parts that add
// up to the change shown), the coach's note, then what moved the other figures, and the
// full table of figures folded away.

export function styleBadge(style: string): HTMLElement {
  return h(
    'span',
    { class: `choice-style style-${styleFamily(style)}` },
    `${styleMark(style)} ${styleName(style)}`,
  );
}

function causeItem(line: WhyLine, show: (steps: number) => string): HTMLElement {
  return h(
    'li',
    { attrs: { 'data-steps': String(line.steps) } },
    h('span', { class: `why-amount ${line.steps > 0 ? 'up' : 'down'}` }, show(line.steps)),
    ' ',
    h('span', { class: 'why-label' }, line.label),
  );
}

/**
 * Why the ropes already pulling moved share much further than the quarter before, where
 * they did (src/sim/balance-gap.ts says when): the customer stood further from where they
 * settle it. A note, not a line: it moves nothing, and its figures are the lines' own.
 */
function balanceNote(gap: BalanceGap): HTMLElement {
  return h(
    'p',
    { class: 'why-note balance-gap', attrs: { 'data-balance-gap': String(gap.quarter) } },
    h('strong', null, gap.lead),
    ' ',
    ...withTerms(gap.body),
  );
}

/** Share, revenue or profit: the change, then each cause, this quarter's first. */
function whyBlock(
  fw: FigureWhy,
  show: (steps: number) => string,
  gap: BalanceGap | null = null,
): HTMLElement {
  const now = fw.lines.filter((l) => l.group === 'now');
  const standing = fw.lines.filter((l) => l.group === 'standing');
  const rounding = fw.lines.filter((l) => l.group === 'rounding');
  const list = (lines: WhyLine[]) =>
    h('ul', { class: 'why-list' }, ...lines.map((l) => causeItem(l, show)));
  return h(
    'div',
    { class: 'why-block', attrs: { 'data-why': fw.figure } },
    h(
      'p',
      { class: 'why-head' },
      term(fw.move.term, fw.move.label),
      ` ${fw.move.before} → ${fw.move.after}: `,
      h(
        'strong',
        { class: 'why-total', attrs: { 'data-steps': String(fw.move.steps) } },
        fw.move.change,
      ),
    ),
    now.length ? h('p', { class: 'why-group' }, 'What happened this quarter') : null,
    now.length ? list(now) : null,
    standing.length
      ? h('p', { class: 'why-group' }, term('standing', 'Already pulling as the quarter opened'))
      : null,
    standing.length ? list(standing) : null,
    // what rounding alone made of the change: no cause is credited with it
    rounding.length ? list(rounding) : null,
    gap && standing.length ? balanceNote(gap) : null,
  );
}

/** The other figures in one line each: the change, then what made it. */
function otherFigures(figures: FigureWhy[], show: (fw: FigureWhy, s: number) => string) {
  // a figure whose causes cancelled out is listed too: the debrief names what the reply
  // did to it, so the outcome must show that the reply moved it and what took it back
  const moved = figures.filter((f) => f.move.steps !== 0 || f.lines.some((l) => l.steps !== 0));
  if (moved.length === 0) return null;
  return h(
    'ul',
    { class: 'why-others' },
    ...moved.map((fw) =>
      h(
        'li',
        { attrs: { 'data-why': fw.figure } },
        term(fw.move.term, fw.move.label),
        ` ${fw.move.before} → ${fw.move.after}, `,
        h(
          'strong',
          { class: 'why-total', attrs: { 'data-steps': String(fw.move.steps) } },
          fw.move.change,
        ),
        ': ',
        ...fw.lines.flatMap((l, i) => [
          i > 0 ? '; ' : '',
          h(
            'span',
            { attrs: { 'data-steps': String(l.steps) } },
            `${l.label} `,
            h('span', { class: 'why-amount' }, show(fw, l.steps)),
          ),
        ]),
        '.',
      ),
    ),
  );
}

function figuresTable(moves: readonly (MetricMove | FigureMove)[]): HTMLElement {
  return h(
    'details',
    { class: 'moves-fold' },
    h('summary', null, 'All the figures against last quarter'),
    h(
      'table',
      { class: 'data moves' },
      h('caption', { class: 'sr-only' }, 'The figures against last quarter'),
      columnHeads('Figure', 'Before', 'Now', 'Change'),
      h(
        'tbody',
        null,
        ...moves.map((m) =>
          h(
            'tr',
            null,
            h('th', { attrs: { scope: 'row' } }, term(m.term, m.label)),
            h('td', null, m.before),
            h('td', null, m.after),
            h(
              'td',
              { class: `move move-${m.direction > 0 ? 'up' : m.direction < 0 ? 'down' : 'flat'}` },
              `${m.direction > 0 ? '▲ ' : m.direction < 0 ? '▼ ' : ''}${m.change}`,
            ),
          ),
        ),
      ),
    ),
  );
}

/** What a price away from list cost this quarter, under the money it drew (why.ts). */
function priceBlock(
  sim: GameState['sim'] & object,
  quarter: number,
  revenue: FigureWhy | null,
  profit: FigureWhy | null,
): HTMLElement | null {
  const note = priceNote(sim, quarter, revenue, profit);
  if (!note) return null;
  return h(
    'div',
    { class: 'why-block price-cost', attrs: { 'data-given-away': String(note.givenAway) } },
    h('p', { class: 'why-head' }, term('price', 'Your price'), ` ${note.lead}:`),
    h(
      'ul',
      { class: 'why-list' },
      ...note.rows.map((r) =>
        causeItem({ label: r.label, group: 'now', steps: r.steps }, () => r.amount),
      ),
    ),
  );
}

const STANDING_AS_SHARE = 'the ropes already pulling, as listed for share';

const OTHERS: SplitFigure[] = ['trust', 'alignment', 'morale', 'autonomy', 'breadth', 'brand'];

export function outcomeScreen(store: GameStore, s: GameState): HTMLElement {
  const { entry, sim } = s;
  const report = sim?.history.at(-1);
  if (!entry || !sim || !report) return h('div');
  const { scenario } = entry;
  // the reply's label and coach note as the card showed them in this game
  const situation = situationShownIn(scenario, sim, report.quarter);
  const choice = situation.choices.find((c) => c.id === report.choiceId);
  const finished = sim.situationId === null;
  const events = report.events
    .map((id) => scenario.events.find((e) => e.id === id))
    .filter((e) => e !== undefined);
  // the figures an event's conditions read: those at the end of the quarter before
  const before = metricsBefore(sim, report.quarter);
  const why = (f: SplitFigure) => figureWhy(scenario, sim, report.quarter, f);
  const share = why('share');
  // money follows share: its ropes already pulling are the ones share lists, in one line;
  // profit is null where the scenario does not model money
  const money = (f: 'revenue' | 'profit') =>
    figureWhy(scenario, sim, report.quarter, f, STANDING_AS_SHARE);
  const revenue = money('revenue');
  const profit = money('profit');
  // the team's skill beside its morale: readiness is the two together, and the debrief
  // reports what a reply did to it
  const skill = skillWhy(scenario, sim, report.quarter);
  const others = OTHERS.flatMap((f) => {
    const fw = why(f);
    return f === 'morale' ? [fw, skill] : [fw];
  }).filter((f) => f !== null);
  const signedSteps = (fw: FigureWhy, steps: number) => {
    const digits = fw.figure === 'share' ? 1 : 0;
    const v = Math.abs(steps) / 10 ** digits;
    return `${steps > 0 ? '+' : steps < 0 ? '−' : '±'}${v.toFixed(digits)}`;
  };
  const nextLabel = finished ? 'See the debrief' : `On to quarter ${report.quarter + 1}`;
  const next = button(nextLabel, () => store.getState().nextQuarter(), {
    class: 'btn btn-primary btn-large',
    attrs: { 'data-next': '' },
  });
  return h(
    'div',
    { class: 'screen outcome' },
    h('p', { class: 'kicker' }, `Quarter ${report.quarter} of ${scenario.quarters} · outcome`),
    heading(1, `What happened in quarter ${report.quarter}`),
    skipToNext(next),
    h(
      'p',
      { class: 'reveal' },
      'You chose ',
      h('strong', null, `“${choice?.label ?? report.choiceId}”`),
      ': a ',
      term('style', 'reply'),
      ' in the style ',
      styleBadge(report.style),
      ...(situation.kind
        ? ['; the situation was ', h('strong', null, term('kind', kindPhrase(situation.kind))), '.']
        : ['.']),
    ),
    ...events.map((e) => {
      const reason = eventReason(e, before, report.quarter);
      return h(
        'div',
        { class: 'event' },
        h('strong', null, `Event: ${e.title}. `),
        e.text,
        reason ? h('span', { class: 'event-reason' }, ` ${reason}`) : null,
      );
    }),
    h(
      'section',
      { class: 'block why', attrs: { 'aria-labelledby': 'why-h' } },
      h(
        'h2',
        { id: 'why-h' },
        profit ? 'What moved your share and your money, and why' : 'What moved your share, and why',
      ),
      share
        ? whyBlock(share, (st) => signedSteps(share, st), balanceGap(scenario, sim, report.quarter))
        : null,
      ...[revenue, profit].map((fw) => (fw ? whyBlock(fw, (st) => fw.watched.change(st)) : null)),
      priceBlock(sim, report.quarter, revenue, profit),
    ),
    choice?.coach
      ? h(
          'aside',
          { class: 'coach', attrs: { 'aria-label': 'Coach' } },
          h('strong', null, 'Coach: '),
          choice.coach,
        )
      : null,
    others.some((f) => f.move.steps !== 0)
      ? h(
          'section',
          { class: 'block', attrs: { 'aria-labelledby': 'others-h' } },
          h('h2', { id: 'others-h' }, 'What moved the team and the customer'),
          otherFigures(others, signedSteps),
        )
      : null,
    figuresTable(
      metricMoves(scenario, sim, report.quarter).flatMap((m) =>
        m.key === 'morale' && skill ? [m, skill.move] : [m],
      ),
    ),
    h('div', { class: 'row' }, next),
  );
}

/**
 * Every figure named on the outcome is a term, and each is a stop for the keyboard: the
 * way on was 11 to 14 Tabs away. The first stop after the heading (which takes focus as
 * the screen opens) moves focus to it, shown only while focused, as the page's own skip
 * link is; the screen still reads in order, and the terms stay where they are.
 */
function skipToNext(next: HTMLButtonElement): HTMLElement {
  return button(
    // short enough for one line on a phone, and not the button's own words: a search for
    // that button by its name must find it alone
    'Skip to the next step',
    () => {
      next.focus({ preventScroll: true });
      next.scrollIntoView({ block: 'center' });
    },
    { class: 'btn btn-small skip-to-next' },
  );
}

/** One sentence for the live region: how share moved, and its largest causes. */
export function outcomeAnnouncement(s: GameState): string {
  const sim = s.sim;
  const report = sim?.history.at(-1);
  if (!sim || !report || !s.entry) return '';
  const share = figureWhy(s.entry.scenario, sim, report.quarter, 'share');
  if (!share) return '';
  const top = share.lines
    .slice(0, 3)
    .map((l) => `${l.label} ${l.steps > 0 ? 'plus' : 'minus'} ${Math.abs(l.steps) / 10}`);
  return `Quarter ${report.quarter} played. Market share ${share.move.change} to ${share.move.after}. Largest causes: ${top.join('; ')}.`;
}
