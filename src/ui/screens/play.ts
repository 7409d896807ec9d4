import { shownOrder, situationById } from '../../sim/index.ts';
import type { GameStore } from '../../store/game-store.ts';
import type { GameState } from '../../store/types.ts';
import { prefetchFairScore } from '../debrief/runner.ts';
import { button, h, heading } from '../dom.ts';
import {
  groupCauses,
  kindName,
  kindPhrase,
  metricMoves,
  styleMark,
  styleName,
} from '../explain.ts';
import { guardReplies } from '../fresh-press.ts';
import { moneyFormat, showsProfit } from '../money.ts';

// The tutorial teaches the controls and the two styles, so it names each reply's style and
// each situation's kind before the call; everywhere else they would give the answer away,
// and they appear only in the outcome and the debrief.
const GUIDED = new Set(['tutorial']);

function figures(s: GameState): HTMLElement | null {
  const sim = s.sim;
  if (!sim) return null;
  const m = sim.history.at(-1)?.metrics ?? sim.start;
  const item = (label: string, value: string) =>
    h('div', { class: 'figure' }, h('dt', null, label), h('dd', null, value));
  // a scenario that models money shows what the quarter invoiced and what it earned
  const scenario = s.entry?.scenario;
  const money = scenario && showsProfit(scenario) ? moneyFormat(scenario) : null;
  return h(
    'dl',
    {
      class: money ? 'figures with-money' : 'figures',
      attrs: { 'aria-label': 'Where you stand' },
    },
    item('Share', `${(m.share * 100).toFixed(1)}%`),
    item('Trust', `${Math.round(m.trust * 100)}`),
    item('Alignment', `${Math.round(m.alignment * 100)}`),
    item('Morale', `${Math.round(m.morale * 100)}`),
    money ? item('Revenue', money.value(m.revenue)) : null,
    money ? item('Profit', money.value(m.profit)) : null,
  );
}

function styleBadge(style: string): HTMLElement {
  const known = style === 'directive' || style === 'collaborative' ? style : 'other';
  return h(
    'span',
    { class: `choice-style style-${known}` },
    `${styleMark(style)} ${styleName(style)}`,
  );
}

function decide(store: GameStore, s: GameState): HTMLElement {
  const { entry, sim } = s;
  if (!entry || !sim || sim.situationId === null) return h('div');
  const { scenario } = entry;
  const situation = situationById(scenario, sim.situationId);
  const guided = GUIDED.has(scenario.id);
  const quarter = sim.quarter + 1;
  const group = h('div', { class: 'choices', attrs: { role: 'group', 'aria-label': 'Your call' } });
  const guard = guardReplies(group);
  group.append(
    ...shownOrder(scenario.id, sim.seed, situation.id, situation.choices).map((c) =>
      button(
        [
          h('span', { class: 'choice-label' }, c.label),
          guided ? styleBadge(c.style) : null,
          c.detail ? h('span', { class: 'choice-detail' }, c.detail) : null,
        ],
        (click) => {
          if (guard.counts(click)) store.getState().choose(c.id);
        },
        { class: 'choice', attrs: { 'data-choice': c.id } },
      ),
    ),
  );
  return h(
    'div',
    { class: 'screen situation' },
    h(
      'p',
      { class: 'kicker' },
      `Quarter ${quarter} of ${scenario.quarters}`,
      guided && situation.kind ? ` · ${kindName(situation.kind)}` : '',
    ),
    heading(1, situation.title),
    h('p', { class: 'situation-text' }, situation.text),
    guided
      ? h(
          'p',
          { class: 'guided-note' },
          h('strong', null, 'Guided mode: '),
          'the style of each reply and the kind of situation are shown. In the other markets you read the situation yourself; they appear after your call.',
        )
      : null,
    group,
    figures(s),
  );
}

function outcome(store: GameStore, s: GameState): HTMLElement {
  const { entry, sim } = s;
  const report = sim?.history.at(-1);
  if (!entry || !sim || !report) return h('div');
  const { scenario } = entry;
  const situation = situationById(scenario, report.situationId);
  const choice = situation.choices.find((c) => c.id === report.choiceId);
  const finished = sim.situationId === null;
  const moves = metricMoves(scenario, sim, report.quarter);
  const events = report.events
    .map((id) => scenario.events.find((e) => e.id === id))
    .filter((e) => e !== undefined);
  return h(
    'div',
    { class: 'screen outcome' },
    h('p', { class: 'kicker' }, `Quarter ${report.quarter} of ${scenario.quarters} · outcome`),
    heading(1, `What happened in quarter ${report.quarter}`),
    h('p', null, 'You chose ', h('strong', null, `“${choice?.label ?? report.choiceId}”`), '.'),
    // what the decision screen kept back (outside the tutorial), now that the call is made
    h(
      'p',
      { class: 'reveal' },
      'Your reply was ',
      styleBadge(report.style),
      ...(situation.kind
        ? ['; the situation was ', h('strong', null, kindPhrase(situation.kind)), '.']
        : ['.']),
    ),
    ...events.map((e) =>
      h('div', { class: 'event' }, h('strong', null, `Event: ${e.title}. `), e.text),
    ),
    h(
      'table',
      { class: 'data moves' },
      h('caption', null, 'The figures against last quarter'),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { attrs: { scope: 'col' } }, 'Figure'),
          h('th', { attrs: { scope: 'col' } }, 'Before'),
          h('th', { attrs: { scope: 'col' } }, 'Now'),
          h('th', { attrs: { scope: 'col' } }, 'Change'),
        ),
      ),
      h(
        'tbody',
        null,
        ...moves.map((m) =>
          h(
            'tr',
            null,
            h('th', { attrs: { scope: 'row' } }, m.label),
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
    h(
      'section',
      { class: 'block', attrs: { 'aria-labelledby': 'why-h' } },
      h('h2', { id: 'why-h' }, 'Why'),
      h(
        'ul',
        { class: 'causes' },
        ...groupCauses(scenario, report.causes).map((g) =>
          h('li', null, h('strong', null, `${g.source}: `), g.effects.join('; ')),
        ),
      ),
    ),
    choice?.coach
      ? h(
          'aside',
          { class: 'coach', attrs: { 'aria-label': 'Coach' } },
          h('strong', null, 'Coach: '),
          choice.coach,
        )
      : null,
    h(
      'div',
      { class: 'row' },
      button(
        finished ? 'See the debrief' : `On to quarter ${report.quarter + 1}`,
        () => store.getState().nextQuarter(),
        { class: 'btn btn-primary btn-large', attrs: { 'data-next': '' } },
      ),
    ),
  );
}

export function playScreen(store: GameStore, s: GameState): HTMLElement {
  // the fair score's census runs in its worker while the player plays on
  prefetchFairScore(s);
  return s.phase === 'outcome' ? outcome(store, s) : decide(store, s);
}

/** One sentence for the live region: what the quarter did. */
export function outcomeAnnouncement(s: GameState): string {
  const sim = s.sim;
  const report = sim?.history.at(-1);
  if (!sim || !report || !s.entry) return '';
  const moved = metricMoves(s.entry.scenario, sim, report.quarter).filter(
    (m) => m.direction !== 0 && ['share', 'trust', 'alignment', 'morale'].includes(m.key),
  );
  const parts = moved.map((m) => `${m.label} ${m.change} to ${m.after}`);
  const why = groupCauses(s.entry.scenario, report.causes)
    .slice(0, 3)
    .map((g) => `${g.source}: ${g.effects.join(', ')}`);
  return `Quarter ${report.quarter} played. ${parts.join('; ') || 'Nothing moved much.'}. Why: ${why.join('. ')}.`;
}
