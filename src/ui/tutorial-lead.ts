import type { ScenarioDef } from '../sim/index.ts';
import { TUTORIAL_ID } from '../store/tutorial.ts';
import type { GameState, ScenarioEntry } from '../store/types.ts';

// What the title screen and the list of markets say to lead a newcomer to the tutorial.

/** The bundled tutorial (not a workshop's copy of it), or null where this game has none. */
export function bundledTutorial(s: Pick<GameState, 'scenarios'>): ScenarioDef | null {
  return (
    s.scenarios.find((e) => e.scenario.id === TUTORIAL_ID && e.yaml === undefined)?.scenario ?? null
  );
}

/** "4 quarters, guided: …", from the scenario itself. */
export function startHereText(tutorial: ScenarioDef): string {
  return `${tutorial.quarters} quarters, guided: each reply's style and each situation's kind are shown before you choose.`;
}

/** The markets in the order the list shows them: the tutorial first, then as they came. */
export function tutorialFirst(entries: readonly ScenarioEntry[]): ScenarioEntry[] {
  const isTutorial = (e: ScenarioEntry) => e.scenario.id === TUTORIAL_ID;
  return [...entries.filter(isTutorial), ...entries.filter((e) => !isTutorial(e))];
}
