import { type SimState, score, styleFamily } from '../../sim/index.ts';
import { type AnswerKeyClosed, answerKeyState } from '../../store/answer-key.ts';
import type { GameStore } from '../../store/game-store.ts';
import { stakesOf } from '../../store/stakes.ts';
import type { GameState } from '../../store/types.ts';
import { afterFairScore } from '../debrief/after-fair.ts';
import { bind } from '../debrief/bind.ts';
import { causalSection } from '../debrief/causal.ts';
import { fairSection } from '../debrief/fair.ts';
import { scoreNote } from '../debrief/grading.ts';
import { WHATIF_CLOSED } from '../debrief/key-closed.ts';
import { type NextStepAction, nextSteps } from '../debrief/next-steps.ts';
import { reflectionSection } from '../debrief/reflection.ts';
import { timelineSection } from '../debrief/timeline.ts';
import { whatIfSection } from '../debrief/whatif.ts';
import { button, h, heading } from '../dom.ts';
import { styleMark, styleName } from '../explain.ts';
import { foldedSection, wideScreen } from '../fold.ts';
import { marketBrief, marketId, marketLabelNodes } from '../market-brief.ts';
import { type TermKey, term, withTerms } from '../terms.ts';
import { assessedBanner, contextBanner } from './context.ts';
import '../debrief/print.css';

/**
 * The what-if, behind a note while the answer key is closed (src/store/answer-key.ts);
 * practice shows it at once.
 */
function closedUntilHandedIn(store: GameStore, section: HTMLElement): HTMLElement {
  const box = h('div', { class: 'answer-key' });
  const note = (why: AnswerKeyClosed) =>
    h(
      'section',
      { class: 'block', attrs: { 'aria-labelledby': 'whatif-closed-h' } },
      h('h2', { id: 'whatif-closed-h' }, 'What if you had chosen differently?'),
      h(
        'p',
        { class: 'closed-note', attrs: { 'data-why': why } },
        why === 'facilitator'
          ? 'The '
          : why === 'rehearsal'
            ? 'This practice belongs to an assessment: the '
            : 'This is an assessed session: the ',
        term('whatif'),
        WHATIF_CLOSED[why],
      ),
    );
  bind(
    store,
    box,
    (s) => answerKeyState(s, Date.now()),
    (why) => box.replaceChildren(why ? note(why) : section),
  );
  return box;
}

function takeStep(store: GameStore, action: NextStepAction): void {
  const actions = store.getState();
  if (action === 'replay' || action === 'next-attempt') actions.replayMarket();
  else if (action === 'practise-this') actions.practiseMarket();
  else actions.newMarket();
}

function styleProfile(sim: SimState): HTMLElement {
  const counts = new Map<string, number>();
  for (const r of sim.history) counts.set(r.style, (counts.get(r.style) ?? 0) + 1);
  const total = sim.history.length || 1;
  return h(
    'ul',
    { class: 'profile' },
    ...[...counts].map(([style, n]) => {
      const bar = h('span', {
        class: `bar style-${styleFamily(style)}`,
      });
      bar.style.width = `${(n / total) * 100}%`;
      return h(
        'li',
        null,
        h(
          'span',
          { class: 'profile-label' },
          `${styleMark(style)} ${styleName(style)}: ${n} of ${sim.history.length}`,
        ),
        h('span', { class: 'bar-track', attrs: { 'aria-hidden': 'true' } }, bar),
      );
    }),
  );
}

export function debriefScreen(store: GameStore, s: GameState): HTMLElement {
  const { entry, sim } = s;
  if (!entry || !sim) return h('div');
  const { scenario } = entry;
  const value = score(scenario.rubric, sim);
  const assessment = s.room?.assessment ?? null;
  const passMark =
    assessment?.passMark ??
    (s.context.kind === 'assignment' || s.context.kind === 'practice'
      ? (s.context.passMark ?? scenario.rubric.passMark)
      : scenario.rubric.passMark);
  // the fair score and the explanation arrive from their workers (src/app/effects/)
  const fair = fairSection(store, scenario, passMark, value);
  // the printed debrief is its summary, lessons and the trainee's answers (print.css)
  fair.section.classList.add('no-print');
  const handIn = () => store.getState().handIn();
  // the long reading below the fold is built in a task of its own, so the click that
  // opened the debrief (and any click just after it) is handled quickly
  const later = h('div', { class: 'debrief-later no-print' });
  // where the rope view stands beside it, the debrief's details are open; on a phone they
  // fold to their headings, so the result and its reasons fill the first screens
  const wide = wideScreen();
  const onDebrief = () => store.getState().screen === 'debrief' && later.isConnected;
  let whatIf: ReturnType<typeof whatIfSection> | null = null;
  const causalBox = h('div');
  // one section per task, so no single task holds up a click
  setTimeout(() => {
    if (!onDebrief()) return;
    whatIf = whatIfSection(store, scenario);
    const w = whatIf;
    causalBox.replaceWith(causalSection(store, (q) => w.pickQuarter(q), wide));
  }, 0);
  later.append(causalBox);
  setTimeout(() => {
    if (!onDebrief() || !whatIf) return;
    later.append(closedUntilHandedIn(store, whatIf.section));
  }, 16);
  setTimeout(() => {
    if (!onDebrief()) return;
    later.append(timelineSection(store, scenario, wide));
  }, 32);
  const next = nextSteps(s.context, assessment);
  // the scenario's own words for the model's, explained at their first mention
  const explained = new Set<TermKey>();
  const charts = h(
    'div',
    { class: 'charts', attrs: { 'aria-busy': 'true' } },
    h('p', { class: 'muted' }, 'Drawing the charts…'),
  );
  const result = h(
    'div',
    { class: 'result' },
    h('p', { class: 'muted' }, 'Preparing your result code…'),
  );
  // charts (uPlot) and the result code (compression, hashing) load on the debrief only,
  // and are drawn only while this debrief is on screen (checked again once loaded)
  const shown = () => store.getState().screen === 'debrief' && charts.isConnected;
  afterFairScore(store, shown, [
    () =>
      assessment
        ? void import('../signed-result.ts').then((m) => {
            if (shown()) m.renderSignedResult(result, assessment);
          })
        : void import('../result.ts').then((m) => {
            if (shown()) m.renderResult(result, store, entry, sim, s.context, handIn);
          }),
    () =>
      void import('../charts.ts').then((m) => {
        if (shown()) m.renderCharts(charts, scenario, sim);
      }),
  ]);
  return h(
    'div',
    { class: 'screen debrief' },
    assessment ? assessedBanner(assessment, s.room?.name ?? null) : contextBanner(s.context),
    h(
      'p',
      { class: 'kicker', attrs: { title: marketId(sim) } },
      `Debrief · ${scenario.title} · `,
      ...marketLabelNodes(scenario, sim),
    ),
    marketBrief(scenario, sim, { folded: !wide }),
    heading(1, 'How your market went'),
    // one headline result: the verdict and the figure that decides it, in one sentence,
    // then the score as the secondary figure, saying what it counts and whether it decides
    h(
      'div',
      { class: 'headline' },
      fair.verdictEl,
      fair.statementEl,
      h(
        'p',
        { class: 'score', attrs: { 'data-score': String(value) } },
        'Your ',
        term('score', 'score'),
        ': ',
        // "64 / 100" is one figure: it never breaks across lines on a phone
        h(
          'span',
          { class: 'score-figure' },
          h('span', { class: 'score-value' }, String(value)),
          h('span', { class: 'score-of' }, '\u00a0/\u00a0100'),
        ),
        h(
          'span',
          { class: 'score-note' },
          `, from ${scoreNote(scenario.rubric, stakesOf(s, Date.now()))}`,
        ),
      ),
    ),
    fair.bandEl,
    h('p', null, ...withTerms(scenario.debrief.summary, explained)),
    scenario.debrief.lessons?.length
      ? h(
          'section',
          { class: 'block lessons', attrs: { 'aria-labelledby': 'lessons-h' } },
          h('h2', { id: 'lessons-h' }, 'Lessons'),
          h(
            'ul',
            null,
            ...scenario.debrief.lessons.map((l) => h('li', null, ...withTerms(l, explained))),
          ),
        )
      : null,
    reflectionSection(store, scenario, sim, wide),
    next.note ? h('p', { class: 'attempts-left no-print' }, next.note) : null,
    h(
      'div',
      { class: 'row no-print' },
      button('Print or save as PDF', () => window.print(), {
        class: 'btn',
        attrs: { title: 'Prints the summary, the lessons and your answers on a plain page' },
      }),
      ...next.steps.map((step) =>
        button(step.label, () => takeStep(store, step.action), {
          class: step.primary ? 'btn btn-primary' : 'btn',
          attrs: { 'data-next-step': step.action },
        }),
      ),
      button('Back to the title', () => store.getState().showTitle(), { class: 'btn btn-quiet' }),
    ),
    h(
      'section',
      { class: 'block no-print', attrs: { 'aria-labelledby': 'result-h' } },
      h('h2', { id: 'result-h' }, assessment ? 'Your result' : 'Your result to hand in'),
      result,
    ),
    later,
    fair.section,
    foldedSection(
      {
        id: 'charts-h',
        title: 'Quarter by quarter',
        hint: 'Charts of share, growth, alignment and trust',
        open: wide,
        class: 'no-print',
      },
      charts,
    ),
    h(
      'section',
      { class: 'block no-print', attrs: { 'aria-labelledby': 'style-h' } },
      h('h2', { id: 'style-h' }, 'Your style'),
      styleProfile(sim),
    ),
  );
}
