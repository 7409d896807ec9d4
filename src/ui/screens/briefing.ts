import { sharePercent } from '../../sim/index.ts';
import type { GameStore } from '../../store/game-store.ts';
import type { GameState } from '../../store/types.ts';
import { button, h, heading } from '../dom.ts';
import { marketBrief, marketId, marketLabelNodes, startOf } from '../market-brief.ts';
import { moneyFormat } from '../money.ts';
import { departmentList } from '../people.ts';
import { teamList } from '../team-list.ts';
import { assessedBanner, contextBanner } from './context.ts';

const level = (v: number) => `${Math.round(v * 100)}/100`;

export function briefingScreen(store: GameStore, s: GameState): HTMLElement {
  const entry = s.entry;
  const sim = s.sim;
  if (!entry || !sim) return h('div');
  const { scenario } = entry;
  const start = startOf(scenario, sim);
  const c = start.customer;
  const share = sharePercent(c.position);
  return h(
    'div',
    { class: 'screen briefing' },
    s.room?.assessment
      ? assessedBanner(s.room.assessment, s.room.name)
      : contextBanner(s.context, s.attemptAhead),
    h(
      'p',
      { class: 'kicker', attrs: { title: marketId(sim) } },
      'Briefing · ',
      ...marketLabelNodes(scenario, sim),
      ` · ${scenario.quarters} quarters`,
    ),
    heading(1, scenario.title),
    h('p', { class: 'lead' }, scenario.summary),
    marketBrief(scenario, sim),
    h(
      'section',
      { class: 'block', attrs: { 'aria-labelledby': 'goals-h' } },
      h('h2', { id: 'goals-h' }, 'Your goals'),
      h('ul', { class: 'goals' }, ...scenario.goals.map((g) => h('li', null, g))),
    ),
    h(
      'section',
      { class: 'block', attrs: { 'aria-labelledby': 'team-h' } },
      h('h2', { id: 'team-h' }, 'Your team'),
      teamList(start.team, c),
    ),
    h(
      'section',
      { class: 'block', attrs: { 'aria-labelledby': 'customer-h' } },
      h('h2', { id: 'customer-h' }, `The customer: ${c.name}`),
      h(
        'dl',
        { class: 'facts' },
        h('dt', null, 'Your share today'),
        h('dd', null, `${share}%`),
        h('dt', null, 'Trust in you'),
        h('dd', null, level(c.trust)),
        h('dt', null, 'Departments'),
        h('dd', null, departmentList(c, c.departments)),
        h('dt', null, 'Market per quarter'),
        h('dd', null, moneyFormat(scenario).value(c.marketSize)),
        h('dt', null, scenario.competitors.length === 1 ? 'Competitor' : 'Competitors'),
        h('dd', null, scenario.competitors.map((x) => x.name).join(', ')),
      ),
    ),
    h(
      'div',
      { class: 'row' },
      button('Start quarter 1', () => store.getState().beginQuarters(), {
        class: 'btn btn-primary btn-large',
      }),
      // an assessed attempt's market is the one the server dealt
      s.room
        ? null
        : button('Choose another market', () => store.getState().showScenarios(), {
            class: 'btn btn-quiet',
          }),
    ),
  );
}
