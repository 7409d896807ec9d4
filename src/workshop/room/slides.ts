import type { FacilitatorView } from '../../room/protocol.ts';
import { referenceStyle, type ScenarioDef } from '../../sim/index.ts';
import { leaderboard, type Row } from '../dashboard/aggregate.ts';
import { styleScatter } from '../dashboard/scatter.ts';
import { button, columnHeads, h, replace } from '../dom.ts';
import { roomGames } from './games.ts';
import { type QuarterSlide, quarterSlides } from './slides-data.ts';

// The room's debrief as slides on the projector: one per quarter (the situation, the room's
// split, what each reply did on this market, the coach's note), then the leaderboard (top N,
// names or anonymous) and style against outcome. Arrow keys, Page Up/Down and the buttons
// step; Escape leaves. Built from the view at the moment it opens.

const TOP = 10;

function quarterSlide(s: QuarterSlide, quarters: number): HTMLElement {
  return h(
    'section',
    { class: 'slide', attrs: { 'aria-labelledby': `slide-q${s.quarter}` } },
    h('p', { class: 'slide-kicker' }, `Quarter ${s.quarter} of ${quarters} · ${s.decided} decided`),
    h('h2', { id: `slide-q${s.quarter}` }, s.title),
    h('p', { class: 'slide-text' }, s.text),
    h(
      'table',
      { class: 'slide-split' },
      h('caption', null, 'How the room split, and what each reply did on this market'),
      columnHeads('Reply', 'Chosen by', 'Share that quarter', 'Coach'),
      h(
        'tbody',
        null,
        ...s.replies.map((r) => {
          const part = s.decided ? r.count / s.decided : 0;
          return h(
            'tr',
            { attrs: { 'data-choice': r.id } },
            h('th', { attrs: { scope: 'row' } }, r.label),
            h(
              'td',
              null,
              h(
                'span',
                { class: 'slide-bar', attrs: { 'aria-hidden': 'true' } },
                h('span', { attrs: { style: `width:${(part * 100).toFixed(1)}%` } }),
              ),
              ` ${r.count} (${Math.round(part * 100)}%)`,
            ),
            h(
              'td',
              null,
              r.shareChange === null
                ? 'nobody took it'
                : `${r.shareChange >= 0 ? '+' : '−'}${Math.abs(r.shareChange).toFixed(1)} pts`,
            ),
            h('td', { class: 'slide-coach' }, r.coach ?? ''),
          );
        }),
      ),
    ),
    s.elsewhere
      ? h('p', { class: 'slide-note' }, `${s.elsewhere} met another situation this quarter.`)
      : null,
  );
}

function boardSlide(rows: Row[], anonymous: boolean): HTMLElement {
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
          'table',
          { class: 'slide-board' },
          columnHeads('Rank', 'Player', 'Score', 'Share'),
          h(
            'tbody',
            null,
            ...shown.map((r, i) =>
              h(
                'tr',
                null,
                h('td', null, String(r.rank)),
                h('td', null, anonymous ? `Player ${i + 1}` : r.player),
                h('td', null, String(r.score)),
                h('td', null, `${(r.share * 100).toFixed(1)}%`),
              ),
            ),
          ),
        ),
  );
}

function styleSlide(scenario: ScenarioDef, rows: Row[], anonymous: boolean): HTMLElement {
  const style = referenceStyle(scenario.styles);
  const named = anonymous ? rows.map((r, i) => ({ ...r, player: `Player ${i + 1}` })) : rows;
  return h(
    'section',
    { class: 'slide', attrs: { 'aria-labelledby': 'slide-style' } },
    h('p', { class: 'slide-kicker' }, 'One dot per trainee who finished'),
    h('h2', { id: 'slide-style' }, 'Style against outcome'),
    rows.length
      ? styleScatter(named, style)
      : h('p', { class: 'slide-text' }, 'Nobody has finished yet.'),
  );
}

export function showSlides(view: FacilitatorView, scenario: ScenarioDef, hash: string): void {
  const games = roomGames(scenario, hash, view.room.seed, view.players);
  const finished = games.filter((g) => g.replay.finished);
  const rows = leaderboard(scenario, finished, null);
  const quarters = quarterSlides(scenario, view.room.seed, games);
  let anonymous = false;
  let at = 0;
  const slides = (): HTMLElement[] => [
    ...quarters.map((q) => quarterSlide(q, scenario.quarters)),
    boardSlide(rows, anonymous),
    styleSlide(scenario, rows, anonymous),
  ];
  const stage = h('div', { class: 'slide-stage' });
  const counter = h('p', { class: 'slide-count', attrs: { 'aria-live': 'polite' } });
  const prev = button('← Previous', () => go(at - 1), 'btn');
  const next = button('Next →', () => go(at + 1), 'btn');
  const names = button(
    'Hide names',
    () => {
      anonymous = !anonymous;
      names.textContent = anonymous ? 'Show names' : 'Hide names';
      go(at);
    },
    'btn',
  );
  const close = button('Leave the slides (Esc)', () => leave(), 'btn');
  const overlay = h(
    'div',
    {
      class: 'slides',
      attrs: {
        role: 'dialog',
        'aria-modal': 'true',
        'aria-label': `Room ${view.room.code}: slides`,
      },
    },
    stage,
    h('div', { class: 'slide-controls' }, prev, counter, next, names, close),
  );
  const go = (i: number) => {
    const all = slides();
    at = Math.max(0, Math.min(all.length - 1, i));
    replace(stage, all[at]!);
    counter.textContent = `Slide ${at + 1} of ${all.length}`;
    prev.disabled = at === 0;
    next.disabled = at === all.length - 1;
  };
  const keys = (e: KeyboardEvent) => {
    if (e.key === 'ArrowRight' || e.key === 'PageDown') go(at + 1);
    else if (e.key === 'ArrowLeft' || e.key === 'PageUp') go(at - 1);
    else if (e.key === 'Escape') leave();
    else return;
    e.preventDefault();
  };
  const opener = document.activeElement as HTMLElement | null;
  const leave = () => {
    document.removeEventListener('keydown', keys);
    overlay.remove();
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    opener?.focus();
  };
  document.addEventListener('keydown', keys);
  document.body.append(overlay);
  go(0);
  next.focus();
  // full screen where the browser allows it; the overlay fills the window anyway
  void overlay.requestFullscreen?.().catch(() => undefined);
}
