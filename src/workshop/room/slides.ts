import { createFocusTrap } from 'focus-trap';
import type { FacilitatorView } from '../../room/protocol.ts';
import {
  type RubricDef,
  referenceStyle,
  type ScenarioDef,
  type StrategyCensus,
} from '../../sim/index.ts';
import { leaderboard, type Row } from '../dashboard/aggregate.ts';
import { hiddenName, hideNamesButton, namedRows } from '../dashboard/hide-names.ts';
import { DOTS_TO_COME, plotted, styleScatter } from '../dashboard/scatter.ts';
import { button, h, replace } from '../dom.ts';
import { roomGames } from './games.ts';
import { boardChart, endedName, replyMark, splitChart } from './slide-charts.ts';
import { type QuarterSlide, quarterSlides } from './slides-data.ts';

// The room's debrief as slides on the projector: one per quarter (the situation, the room's
// split, what each reply did on this market, the coach's note), then the leaderboard (top N,
// names or anonymous, ranked by what the room is graded on) and style against outcome. Arrow keys, Page Up/Down and the buttons
// step; Tab stays inside the slides; Escape leaves them and gives the focus back to the
// button that opened them. The slides are drawn from the dashboard's live state, not from
// a copy: a decision arriving while a slide is up redraws it.

const TOP = 10;

/** The dashboard's state as the slides follow it. */
export interface SlideFeed {
  /** the room as the dashboard has it now */
  view(): FacilitatorView | null;
  /** the room's market worked out by the dashboard (for the fair scores); null until then */
  census(): StrategyCensus | null;
  /** calls `redraw` after each change of the room; returns what stops the calls */
  watch(redraw: () => void): () => void;
}

/** `ended`: the facilitator ended play, so who has not finished never will */
function quarterSlide(
  s: QuarterSlide,
  quarters: number,
  rubric: RubricDef,
  ended: boolean,
): HTMLElement {
  const kicker = `Quarter ${s.quarter} of ${quarters} · ${s.decided} decided`;
  if (!s.situation)
    return h(
      'section',
      { class: 'slide', attrs: { 'aria-labelledby': `slide-q${s.quarter}` } },
      h('p', { class: 'slide-kicker' }, kicker),
      h('h2', { id: `slide-q${s.quarter}` }, `Quarter ${s.quarter}`),
      h(
        'p',
        { class: 'slide-text' },
        ended
          ? 'Nobody reached this quarter before play ended.'
          : 'Nobody has decided this quarter yet. This slide fills in as the decisions arrive.',
      ),
    );
  return h(
    'section',
    { class: 'slide', attrs: { 'aria-labelledby': `slide-q${s.quarter}` } },
    h('p', { class: 'slide-kicker' }, kicker),
    h('h2', { id: `slide-q${s.quarter}` }, s.situation.title),
    h('p', { class: 'slide-text' }, s.situation.text),
    h(
      'figure',
      { class: 'slide-figure' },
      h(
        'figcaption',
        null,
        'How the room split, what each reply did this quarter, and where its takers ended',
      ),
      splitChart(s, rubric, ended),
    ),
    // a quarter's change is no verdict on a reply: say so where the facilitator presents it
    h(
      'p',
      { class: 'slide-note slide-caveat' },
      `A quarter's change is no verdict on a reply: some cost share now and pay later. Where its takers ended is their mean final ${endedName(rubric)}.`,
    ),
    s.elsewhere
      ? h('p', { class: 'slide-note' }, `${s.elsewhere} met another situation this quarter.`)
      : null,
    // the coach's notes side by side, each under the letter of its reply's bars
    h(
      'ul',
      { class: 'slide-coach', attrs: { 'aria-label': "The coach's notes" } },
      ...s.replies.flatMap((r, i) =>
        r.coach
          ? [
              h(
                'li',
                null,
                h('strong', { attrs: { 'aria-label': `Reply ${replyMark(i)}:` } }, replyMark(i)),
                ` ${r.coach}`,
              ),
            ]
          : [],
      ),
    ),
  );
}

function boardSlide(scenario: ScenarioDef, rows: Row[], anonymous: boolean): HTMLElement {
  const shown = rows.slice(0, TOP);
  return h(
    'section',
    { class: 'slide', attrs: { 'aria-labelledby': 'slide-board' } },
    h(
      'p',
      { class: 'slide-kicker' },
      `Top ${Math.min(TOP, rows.length)} of ${rows.length} finished`,
    ),
    h('h2', { id: 'slide-board' }, 'Leaderboard'),
    rows.length === 0
      ? h('p', { class: 'slide-text' }, 'Nobody has finished yet.')
      : h(
          'figure',
          { class: 'slide-figure' },
          boardChart(shown, scenario.rubric, (r, i) => (anonymous ? hiddenName(i) : r.player)),
        ),
  );
}

function styleSlide(scenario: ScenarioDef, rows: Row[], anonymous: boolean): HTMLElement {
  const style = referenceStyle(scenario.styles);
  const named = namedRows(rows, anonymous);
  return h(
    'section',
    { class: 'slide', attrs: { 'aria-labelledby': 'slide-style' } },
    h('p', { class: 'slide-kicker' }, 'One dot per trainee who finished'),
    h('h2', { id: 'slide-style' }, 'Style against outcome'),
    rows.length
      ? styleScatter(named, style, scenario.rubric)
      : h('p', { class: 'slide-text' }, 'Nobody has finished yet.'),
    plotted(rows).length < rows.length ? h('p', { class: 'slide-note' }, DOTS_TO_COME) : null,
  );
}

/** The slides of the room as it is now; always the quarters, then the board and the style. */
function deck(
  view: FacilitatorView,
  scenario: ScenarioDef,
  hash: string,
  anonymous: boolean,
  census: StrategyCensus | null,
) {
  const games = roomGames(scenario, hash, view.room.seed, view.players);
  const rows = leaderboard(
    scenario,
    games.filter((g) => g.replay.finished),
    census,
  );
  return [
    ...quarterSlides(scenario, view.room.seed, games, rows).map((q) =>
      quarterSlide(q, scenario.quarters, scenario.rubric, view.room.endedAt !== undefined),
    ),
    boardSlide(scenario, rows, anonymous),
    styleSlide(scenario, rows, anonymous),
  ];
}

export function showSlides(
  feed: SlideFeed,
  scenario: ScenarioDef,
  hash: string,
  opener: HTMLElement,
): void {
  let anonymous = false;
  let at = 0;
  // focusable, so a slide taller than the screen scrolls from the keyboard too
  const stage = h('div', {
    class: 'slide-stage',
    attrs: { tabindex: '0', role: 'region', 'aria-label': 'The slide' },
  });
  const counter = h('p', { class: 'slide-count', attrs: { 'aria-live': 'polite' } });
  const prev = button('← Previous', () => go(at - 1), 'btn');
  const next = button('Next →', () => go(at + 1), 'btn');
  const names = hideNamesButton((hidden) => {
    anonymous = hidden;
    go(at);
  });
  const close = button('Leave the slides (Esc)', () => trap.deactivate(), 'btn');
  const code = feed.view()?.room.code ?? '';
  const overlay = h(
    'div',
    {
      class: 'slides',
      attrs: { role: 'dialog', 'aria-modal': 'true', 'aria-label': `Room ${code}: slides` },
    },
    stage,
    h('div', { class: 'slide-controls' }, prev, counter, next, names, close),
  );
  const go = (i: number) => {
    const view = feed.view();
    if (!view) return;
    // the dashboard works the fair scores out, and its change redraws the slide
    const all = deck(view, scenario, hash, anonymous, feed.census());
    at = Math.max(0, Math.min(all.length - 1, i));
    replace(stage, all[at]!);
    counter.textContent = `Slide ${at + 1} of ${all.length}`;
    // a button that turns off while focused would drop the focus out of the slides
    const lost = document.activeElement;
    prev.disabled = at === 0;
    next.disabled = at === all.length - 1;
    if (lost === prev && prev.disabled) next.focus();
    if (lost === next && next.disabled) prev.focus();
  };
  const keys = (e: KeyboardEvent) => {
    if (e.key === 'ArrowRight' || e.key === 'PageDown') go(at + 1);
    else if (e.key === 'ArrowLeft' || e.key === 'PageUp') go(at - 1);
    else return;
    e.preventDefault();
  };
  // a decision, a join or a release redraws the slide on the screen
  const unwatch = feed.watch(() => go(at));
  const trap = createFocusTrap(overlay, {
    initialFocus: () => next,
    escapeDeactivates: true,
    setReturnFocus: () => opener,
    onDeactivate: () => {
      unwatch();
      document.removeEventListener('keydown', keys);
      overlay.remove();
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    },
  });
  document.addEventListener('keydown', keys);
  document.body.append(overlay);
  go(0);
  trap.activate();
  // full screen where the browser allows it; the overlay fills the window anyway
  void overlay.requestFullscreen?.().catch(() => undefined);
}
