import type { GameStore } from '../../store/game-store.ts';
import type { GameState } from '../../store/types.ts';

// The debrief's parts redraw themselves from the store: the panel around them is only
// rebuilt when the screen changes, while the fair score, the explanation, the what-if and
// the timeline arrive or move on their own. A part stops listening once it has left the page.

export function bind<T>(
  store: GameStore,
  el: HTMLElement,
  select: (s: GameState) => T,
  render: (value: T) => void,
  /** once the part has left the page: let go of what it holds (a file's link) */
  gone: () => void = () => {},
): void {
  let last = select(store.getState());
  let seen = false;
  render(last);
  const stop = store.subscribe((s) => {
    if (el.isConnected) seen = true;
    else if (seen || s.screen !== 'debrief') {
      stop();
      gone();
      return;
    }
    const value = select(s);
    if (value === last) return;
    last = value;
    render(value);
  });
}
