import { type ScenarioDef, sharePercent } from '../../sim/index.ts';
import type { GameStore } from '../../store/game-store.ts';
import { reducedMotion } from '../../store/game-store.ts';
import { button, h } from '../dom.ts';
import { foldedSection } from '../fold.ts';
import { ropeLines } from '../rope-text.ts';
import { bind } from './bind.ts';

// The timeline: a slider over the quarters of the finished game. Moving it sets the
// store's timeline, the rope view redraws the market of that quarter (and the what-if's
// ghost at the same quarter), and the list below says in words what the ropes show.

/** `open`: the slider shown at first (where the rope view stands beside it), or folded to its heading. */
export function timelineSection(
  store: GameStore,
  scenario: ScenarioDef,
  open: boolean,
): HTMLElement {
  const d = store.getState().debrief;
  const last = (d?.actual.length ?? 1) - 1;
  const slider = h('input', {
    id: 'timeline',
    class: 'timeline-slider',
    attrs: { type: 'range', min: '0', max: String(last), step: '1', value: String(last) },
  });
  // "Play" walks the timeline a quarter at a time; any move of the slider by hand stops it
  let timer: ReturnType<typeof setTimeout> | null = null;
  const play = button('▶ Play the quarters', () => (timer ? stop() : start()), {
    class: 'btn btn-small',
  });
  // while it plays, the section says so, and on a phone the layout pins the rope view
  // (styles.css): it stands at the top of the page, far above this section
  const stop = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    play.textContent = '▶ Play the quarters';
    delete section.dataset.playing;
  };
  const stepOn = () => {
    const d = store.getState().debrief;
    if (!d || store.getState().screen !== 'debrief' || !play.isConnected) return stop();
    if (d.timeline >= last) return stop();
    store.getState().setTimeline(d.timeline + 1);
    timer = setTimeout(stepOn, reducedMotion(store.getState()) ? 1200 : 1600);
  };
  const start = () => {
    play.textContent = '❚❚ Pause';
    section.dataset.playing = '';
    store.getState().setTimeline(0);
    timer = setTimeout(stepOn, 1200);
  };
  slider.addEventListener('input', () => {
    stop();
    store.getState().setTimeline(Number(slider.value));
  });
  const where = h('p', { class: 'timeline-where' });
  const ticks = h(
    'div',
    { class: 'timeline-ticks', attrs: { 'aria-hidden': 'true' } },
    ...Array.from({ length: last + 1 }, (_, i) => h('span', null, i === 0 ? 'start' : `Q${i}`)),
  );
  const list = h('ul', { class: 'rope-list timeline-ropes' });
  const section = foldedSection(
    {
      id: 'timeline-h',
      title: 'Watch the market again',
      hint: 'The rope view, quarter by quarter',
      open,
      class: 'timeline',
    },
    h('label', { attrs: { for: 'timeline' } }, 'Quarter shown in the rope view'),
    slider,
    ticks,
    h('div', { class: 'timeline-row' }, where, play),
    h(
      'details',
      { class: 'rope-details' },
      h('summary', null, 'Who is pulling at this quarter, and how hard'),
      list,
    ),
  );
  const label = (t: number) => (t === 0 ? 'the start' : `the end of quarter ${t}`);
  bind(
    store,
    section,
    (s) =>
      `${s.debrief?.timeline ?? last}|${s.debrief?.whatIf?.quarter ?? ''}|${s.debrief?.whatIf?.optionId ?? ''}`,
    () => {
      const db = store.getState().debrief;
      if (!db) return;
      const t = db.timeline;
      const state = db.actual[t];
      const ghost = db.alternative?.[t];
      slider.value = String(t);
      slider.setAttribute(
        'aria-valuetext',
        `${t === 0 ? 'Start of the game' : `Quarter ${t}`}${state ? `: market share ${sharePercent(state.position)}%` : ''}`,
      );
      where.textContent = state
        ? `Showing ${label(t)}: market share ${sharePercent(state.position)}%${ghost && ghost !== state && db.whatIf && t >= db.whatIf.quarter ? `; what-if line ${sharePercent(ghost.position)}%` : ''}.`
        : '';
      list.replaceChildren(
        ...(state ? ropeLines(scenario, state).map((line) => h('li', null, line)) : []),
      );
    },
  );
  return section;
}
