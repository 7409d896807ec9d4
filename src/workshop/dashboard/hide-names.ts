import { button } from '../dom.ts';

// "Hide names" for a room's results on a screen everyone sees: the live room's slides and
// the class dashboard's projector mode share the button and the names it puts in their
// place, so a trainee is "Player 3" in both, numbered by their place on the leaderboard.

/** The name shown for the trainee at `place` (0 = top of the board). */
export const hiddenName = (place: number) => `Player ${place + 1}`;

/** Rows as shown: their own names, or "Player N" in board order while names are hidden. */
export function namedRows<T extends { player: string }>(rows: readonly T[], hidden: boolean): T[] {
  return hidden ? rows.map((r, i) => ({ ...r, player: hiddenName(i) })) : [...rows];
}

/** The toggle: says what a press will do, and calls `onChange` with whether names are hidden. */
export function hideNamesButton(onChange: (hidden: boolean) => void): HTMLButtonElement {
  let hidden = false;
  const b = button(
    'Hide names',
    () => {
      hidden = !hidden;
      b.textContent = hidden ? 'Show names' : 'Hide names';
      onChange(hidden);
    },
    'btn',
  );
  return b;
}
