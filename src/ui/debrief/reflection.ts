import { NOTE_MAX, PLAN_FIELD, questionField } from '../../save/reflection.ts';
import type { ScenarioDef, SimState } from '../../sim/index.ts';
import type { GameStore } from '../../store/game-store.ts';
import { type Child, h, uniqueId } from '../dom.ts';
import { foldedSection } from '../fold.ts';
import { bind } from './bind.ts';
import { type ReflectionTopic, reflectionSummary, reflectionTopics } from './reflection-topics.ts';

// The reflection: two or three questions about the trainee's own turning points (made up
// to two with quarters where share moved most, reflection-topics.ts) and an action plan for their own team. Answers are kept on this device as they are typed
// (store.writeReflection) and come back on a reload. Each text box has a plain copy of its
// text beside it that only the printed page shows: a text box prints cut to its height.

/** A labelled text box bound to one field of the notes, with its print copy. */
function noteBox(
  store: GameStore,
  field: string,
  label: Child[],
  hint: string | null,
  rows: number,
): HTMLElement {
  const id = uniqueId('reflect');
  const hintId = `${id}-hint`;
  const area = h('textarea', {
    id,
    class: 'reflect-answer',
    attrs: {
      rows: String(rows),
      maxlength: String(NOTE_MAX),
      'data-field': field,
      ...(hint ? { 'aria-describedby': hintId } : {}),
    },
  });
  area.value = store.getState().reflection?.notes[field] ?? '';
  const printed = h('p', { class: 'print-answer', attrs: { 'aria-hidden': 'true' } });
  const copy = () => {
    printed.textContent = area.value.trim() || '(not answered)';
  };
  copy();
  area.addEventListener('input', () => {
    copy();
    store.getState().writeReflection(field, area.value);
  });
  return h(
    'div',
    { class: 'reflect-field' },
    h('label', { attrs: { for: id } }, ...label),
    hint ? h('p', { class: 'muted reflect-hint', id: hintId }, hint) : null,
    area,
    printed,
  );
}

function question(store: GameStore, t: ReflectionTopic): HTMLElement {
  return h(
    'li',
    { class: 'reflect-question', attrs: { 'data-quarter': String(t.quarter) } },
    h(
      'h3',
      null,
      `Quarter ${t.quarter}: ${t.situationTitle}`,
      // a quarter not among the turning points is there for how far share moved: said so
      t.turning
        ? h('span', { class: 'tag tag-turning' }, '★ Turning point')
        : h('span', { class: 'tag' }, 'Big move in share'),
    ),
    h('p', null, 'You chose ', h('strong', null, `“${t.label}”`), `. ${t.happened}`),
    noteBox(
      store,
      questionField(t.quarter, t.choiceId),
      [
        'What did you expect this reply to do, and what happened?',
        // the same question at each quarter: a screen reader hears which one
        h('span', { class: 'sr-only' }, ` (quarter ${t.quarter})`),
      ],
      null,
      3,
    ),
  );
}

/** `open`: the questions shown at first (where there is room, or once answered), or folded to the heading. */
export function reflectionSection(
  store: GameStore,
  scenario: ScenarioDef,
  sim: SimState,
  open: boolean,
): HTMLElement {
  store.getState().openReflection();
  const answered = Object.values(store.getState().reflection?.notes ?? {}).some((n) => n.trim());
  const questions = h('div', { class: 'reflect-questions' });
  const status = h('p', { class: 'reflect-status muted', attrs: { role: 'status' } });
  const section = foldedSection(
    {
      id: 'reflect-h',
      title: 'Think it over',
      // until the questions are known, what is true of any game's; then what they are
      hint: 'Questions on the decisions that shaped your game, and your action plan',
      open: open || answered,
      class: 'reflect',
    },
    h(
      'p',
      null,
      'A few minutes on these questions is where most of the learning happens. Your answers stay on this device, with this market, and print with the debrief.',
    ),
    questions,
    h(
      'div',
      { class: 'reflect-plan' },
      noteBox(
        store,
        PLAN_FIELD,
        ['Your action plan: what will you do differently with your own team on Monday?'],
        'One or two steps you can take: with whom, what, and by when.',
        4,
      ),
    ),
    status,
  );
  // the questions follow the turning points, which arrive from the explanation's worker
  bind(
    store,
    section,
    (s) => (s.debrief?.explanation ? 'explained' : s.debrief?.explainError ? 'failed' : 'waiting'),
    (state) => {
      const e = store.getState().debrief?.explanation ?? null;
      if (state === 'waiting') {
        questions.replaceChildren(
          h('p', { class: 'muted' }, 'Finding your turning points to ask about…'),
        );
        return;
      }
      const topics = reflectionTopics(scenario, sim, e);
      const hint = section.querySelector('.fold-hint');
      if (hint) hint.textContent = reflectionSummary(topics);
      questions.replaceChildren(
        h('ol', { class: 'reflect-list' }, ...topics.map((t) => question(store, t))),
      );
    },
  );
  bind(
    store,
    section,
    (s) => s.reflection?.kept ?? true,
    (kept) => {
      status.textContent = kept
        ? 'Kept on this device as you type.'
        : 'Not kept on this device: print your answers or copy them before you close this page.';
      status.classList.toggle('reflect-not-kept', !kept);
    },
  );
  return section;
}
