import type { GameStore } from '../../store/game-store.ts';
import { TUTORIAL_ID, tutorialFinished } from '../../store/tutorial.ts';
import type { GameState } from '../../store/types.ts';
import { button, h, heading } from '../dom.ts';
import { startHereText, tutorialFirst } from '../tutorial-lead.ts';

export function chooseScreen(store: GameStore, s: GameState): HTMLElement {
  // a newcomer is told where to start, on the card that comes first
  const newcomer = !tutorialFinished(s);
  const cards = tutorialFirst(s.scenarios.filter((e) => e.yaml === undefined)).map(
    ({ scenario }) => {
      const startHere = newcomer && scenario.id === TUTORIAL_ID;
      return h(
        'li',
        { class: startHere ? 'card scenario-card start-here-card' : 'card scenario-card' },
        h('h2', null, scenario.title),
        // after the heading, so a reader moving by headings hears it with the title
        startHere
          ? h(
              'p',
              { class: 'start-here' },
              h('strong', null, 'Start here: '),
              startHereText(scenario),
            )
          : null,
        h(
          'p',
          { class: 'meta' },
          `${scenario.quarters} quarters · ${scenario.situations.length} situations · ${scenario.team.length} on the team`,
        ),
        h('p', null, scenario.summary),
        h('h3', null, 'You will learn to'),
        h('ul', { class: 'goals' }, ...scenario.goals.map((g) => h('li', null, g))),
        button(`Play “${scenario.title}”`, () => store.getState().pickScenario(scenario.id), {
          class: 'btn btn-primary',
        }),
      );
    },
  );
  return h(
    'div',
    { class: 'screen' },
    heading(1, 'Choose a market'),
    h(
      'p',
      { class: 'lead' },
      'Each market is a customer, a team and a few quarters of decisions. A new game gets a new market: the same scenario with different luck.',
    ),
    h('ul', { class: 'cards' }, ...cards),
    h(
      'div',
      { class: 'row' },
      button('Back to the title', () => store.getState().showTitle(), { class: 'btn btn-quiet' }),
    ),
  );
}
