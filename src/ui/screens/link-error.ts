import type { GameStore } from '../../store/game-store.ts';
import type { GameState } from '../../store/types.ts';
import { button, h, heading } from '../dom.ts';

export function linkErrorScreen(store: GameStore, s: GameState): HTMLElement {
  return h(
    'div',
    { class: 'screen' },
    heading(1, 'This link cannot be opened'),
    h(
      'p',
      { class: 'lead' },
      `The game could not start the session this link is for: ${s.linkError ?? 'it is damaged'}.`,
    ),
    h(
      'p',
      null,
      'Ask the person who sent it for a fresh copy (links are often cut short when pasted). Meanwhile you can play a practice market of your own: it will not count for the session.',
    ),
    h(
      'div',
      { class: 'row' },
      button('Play a practice market', () => store.getState().showScenarios(), {
        class: 'btn btn-primary',
      }),
      button('Go to the title', () => store.getState().showTitle(), { class: 'btn btn-quiet' }),
    ),
  );
}
