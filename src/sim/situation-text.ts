import { conditionList, conditionsMet } from './conditions.ts';
import { situationById } from './prepared.ts';
import type { Metrics, SimState } from './state.ts';
import type { AlternativeText, ScenarioDef, SituationDef } from './types.ts';

// Which text a situation's card shows, for the game the player has had so far: the first of
// its `alternatives` that holds, else its `text`. Display only: step() never reads it, so a
// text can follow the player's history without changing one result. The history is what
// was there when the card was put in front of the player: the replies and events of the
// quarters before, and last quarter's figures (the start's in quarter 1), as an event reads
// them.

/** What a card's text is chosen from: the game as it stood when the situation came up. */
export interface TextHistory {
  /** ids of the replies taken in the quarters before */
  replies: readonly string[];
  /** ids of the events that happened in the quarters before */
  events: readonly string[];
  /** last quarter's figures */
  metrics: Metrics;
}

function holds(alt: AlternativeText, history: TextHistory): boolean {
  const after =
    alt.after === undefined ||
    alt.after.some((id) => history.replies.includes(id) || history.events.includes(id));
  return after && conditionsMet(conditionList(alt.when), history.metrics);
}

/** The card's text for this history. */
export function chosenText(situation: SituationDef, history: TextHistory): string {
  return situation.alternatives?.find((alt) => holds(alt, history))?.text ?? situation.text;
}

/** The game as it stood when quarter `quarter` (1-based) came up, read from a later state. */
export function historyAt(state: SimState, quarter: number): TextHistory {
  const before = state.history.slice(0, quarter - 1);
  return {
    replies: state.choices.slice(0, quarter - 1),
    events: before.flatMap((h) => h.events),
    metrics: before[before.length - 1]?.metrics ?? state.start,
  };
}

/** The text of the situation waiting for a decision in `state`; null once the game is over. */
export function situationTextNow(scenario: ScenarioDef, state: SimState): string | null {
  if (state.situationId === null) return null;
  return chosenText(
    situationById(scenario, state.situationId),
    historyAt(state, state.quarter + 1),
  );
}

/** The text the player read in quarter `quarter` (1-based) of a game played at least that far. */
export function situationTextIn(scenario: ScenarioDef, state: SimState, quarter: number): string {
  const report = state.history[quarter - 1];
  if (!report) throw new RangeError(`quarter ${quarter} has not been played`);
  return chosenText(situationById(scenario, report.situationId), historyAt(state, quarter));
}
