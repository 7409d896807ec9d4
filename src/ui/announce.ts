import type { GameState } from '../store/types.ts';
import { outcomeAnnouncement } from './screens/outcome.ts';

// What the page's one live region says as a screen opens. A quarter's outcome and the
// end of the game are announced, since focus alone would not say what changed; every
// other screen empties the region, so a screen reader's review of it never reads the
// last game's "the debrief is on screen" over quarter 1 of the next. The new screen's
// heading takes focus and is read from there.

export const DEBRIEF_ANNOUNCEMENT = 'The game is over: the debrief is on screen.';

export function screenAnnouncement(s: GameState): string {
  if (s.screen === 'play' && s.phase === 'outcome') return outcomeAnnouncement(s);
  if (s.screen === 'debrief') return DEBRIEF_ANNOUNCEMENT;
  return '';
}
