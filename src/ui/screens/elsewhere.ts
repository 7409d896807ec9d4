import type { GameStore } from '../../store/game-store.ts';
import type { GameState } from '../../store/types.ts';
import { button, h, heading } from '../dom.ts';
import { contextBanner } from './context.ts';

/** The market is being played in another tab of this browser: say so, offer to take over. */
export function elsewhereScreen(store: GameStore, s: GameState): HTMLElement {
  const title = s.entry?.scenario.title ?? 'This market';
  return h(
    'div',
    { class: 'screen' },
    contextBanner(s.context),
    heading(1, 'This market is open in another tab'),
    h(
      'p',
      { class: 'lead' },
      `${title}${s.sim ? `, market #${s.sim.seed}` : ''}, is being played in another tab of this browser. One tab plays a market at a time, so that neither overwrites the other's decisions${s.context.kind === 'assignment' ? ' and no attempt is used twice' : ''}.`,
    ),
    h(
      'p',
      null,
      'Go back to that tab, or play here instead: this tab then continues from the last decision saved there, and the other tab stops.',
    ),
    h(
      'div',
      { class: 'row' },
      button('Play here instead', () => store.getState().takeOver(), {
        class: 'btn btn-primary',
      }),
      button('Go to the title', () => store.getState().showTitle(), { class: 'btn btn-quiet' }),
    ),
  );
}
