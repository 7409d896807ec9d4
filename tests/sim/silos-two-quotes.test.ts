import { describe, expect, it } from 'vitest';
import { loadScenarioFile, SCENARIO_DIR } from '../../src/scenario/bundled.ts';
import {
  initialState,
  type SimState,
  situationById,
  step,
  styleChoice,
} from '../../src/sim/index.ts';

// In silos the card "Two quotes on one desk" (turf-war) tells how Priya and Dana both quoted
// the Leeds plant; the event "Two Castellan quotes on one desk" (two-quotes) tells the same
// story as luck. A reviewer settled the card with "Sit Priya and Dana down" and was charged
// for the same incident again in the same quarter. The event must never come up in the
// quarter the card is played nor in the quarter before it is shown, and must still come up
// later for a team that stays split: disunity keeps costing.

const silos = loadScenarioFile(`${SCENARIO_DIR}silos.yaml`).scenario;
const SEEDS = 300;
const styles = ['directive', 'collaborative', 'hands-off'];

/** Every game of the seed that answers the first two cards in each way, then plays one style. */
function games(seed: string): SimState[] {
  const out: SimState[] = [];
  const start = initialState(silos, seed);
  for (const first of situationById(silos, start.situationId!).choices) {
    const q1 = step(silos, start, first.id, { trace: false });
    for (const second of situationById(silos, q1.situationId!).choices) {
      const q2 = step(silos, q1, second.id, { trace: false });
      for (const style of styles) {
        let s = q2;
        while (s.situationId !== null)
          s = step(silos, s, styleChoice(silos, s, style), { trace: false });
        out.push(s);
      }
    }
  }
  return out;
}

const played = Array.from({ length: SEEDS }, (_, i) => games(String(i + 1))).flat();
const reachingTurfWar = played.filter((g) => g.history.some((h) => h.situationId === 'turf-war'));

describe('silos: two Castellan quotes on one desk follows the turf war, never repeats it', () => {
  it('many games reach the turf war with the team split, when the event used to be allowed', () => {
    expect(reachingTurfWar.length).toBeGreaterThan(1000);
    // the quarter before the card is the first; its figures are what the event's
    // condition (a team pulling apart) reads in the turf war's quarter
    const split = reachingTurfWar.filter((g) => g.history[0]!.metrics.alignment < 0.8);
    expect(split.length / reachingTurfWar.length).toBeGreaterThan(0.9);
  });

  it('never comes up in the quarter of the turf war, nor in the quarter before its card', () => {
    for (const g of reachingTurfWar) {
      const at = g.history.findIndex((h) => h.situationId === 'turf-war');
      for (const q of [at - 1, at]) {
        expect(g.history[q]!.events, `seed ${g.seed}, ${g.choices.join(',')}`).not.toContain(
          'two-quotes',
        );
      }
    }
  });

  it('still comes up later for a team left split after the turf war, and only for a split team', () => {
    const laterFor = (reply: string) =>
      reachingTurfWar.filter(
        (g) =>
          g.choices[1] === reply && g.history.slice(2).some((h) => h.events.includes('two-quotes')),
      );
    const stillSplit = laterFor('let-compete');
    // letting both quotes stand leaves the lines apart: the buyers see it again
    expect(stillSplit.length).toBeGreaterThan(SEEDS / 4);
    for (const g of played) {
      g.history.forEach((h, q) => {
        if (!h.events.includes('two-quotes')) return;
        expect(q, `seed ${g.seed}, ${g.choices.join(',')}`).toBeGreaterThanOrEqual(2);
        expect(g.history[q - 1]!.metrics.alignment).toBeLessThan(0.8);
      });
    }
  });
});
