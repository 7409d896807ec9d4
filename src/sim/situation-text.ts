import { conditionList, conditionsMet } from './conditions.ts';
import { situationById } from './prepared.ts';
import type { Metrics, SimState } from './state.ts';
import type { ChoiceDef, ScenarioDef, SituationDef, TextCondition } from './types.ts';

// Which texts a situation's card shows, for the game the player has had so far: for each
// shown field (the card's text and sender, each reply's label, detail and coach note) the
// first of its `alternatives` that holds and gives that field, else the field itself.
// Every screen, the debrief, the room's slides and `npm run simulate` pick through holds()
// below, so a text written for one market variant reads the same everywhere.
// Display only: step() never reads it, so a text can follow the player's history without
// changing one result. The history is what was there when the card was put in front of the
// player: the replies and events of the quarters before, and last quarter's figures (the
// start's in quarter 1), as an event reads them. A reply's coach note, shown after the
// reply, follows the same history as its label, so the two never disagree.

/** What a card's text is chosen from: the game as it stood when the situation came up. */
export interface TextHistory {
  /** ids of the replies taken in the quarters before */
  replies: readonly string[];
  /** ids of the events that happened in the quarters before */
  events: readonly string[];
  /** last quarter's figures */
  metrics: Metrics;
  /** the id of the market variant this game was dealt; null in a scenario without variants */
  market: string | null;
}

/** Whether the history an alternative is written for is the player's. */
export function holds(alt: TextCondition, history: TextHistory): boolean {
  const after =
    alt.after === undefined ||
    alt.after.some((id) => history.replies.includes(id) || history.events.includes(id));
  const market =
    alt.markets === undefined || (history.market !== null && alt.markets.includes(history.market));
  return after && market && conditionsMet(conditionList(alt.when), history.metrics);
}

/** The first alternative that holds and gives `field`: the one whose words are shown. */
export function holdingAlternative<A extends TextCondition>(
  alternatives: readonly A[] | undefined,
  field: keyof A,
  history: TextHistory,
): A | undefined {
  return alternatives?.find((a) => a[field] !== undefined && holds(a, history));
}

/** The value of `field` from the first alternative that holds and gives it, else `fallback`. */
function firstHolding<A extends TextCondition, K extends keyof A>(
  alternatives: readonly A[] | undefined,
  field: K,
  fallback: A[K],
  history: TextHistory,
): A[K] {
  const alt = holdingAlternative(alternatives, field, history);
  return alt === undefined ? fallback : alt[field];
}

/** The card's text for this history. */
export function chosenText(situation: SituationDef, history: TextHistory): string {
  return firstHolding(situation.alternatives, 'text', situation.text, history) ?? situation.text;
}

/** A reply as the player reads it in this history: its label, detail and coach note. */
export function shownChoice(choice: ChoiceDef, history: TextHistory): ChoiceDef {
  if (!choice.alternatives) return choice;
  const alts = choice.alternatives;
  const detail = firstHolding(alts, 'detail', choice.detail, history);
  const coach = firstHolding(alts, 'coach', choice.coach, history);
  return {
    ...choice,
    label: firstHolding(alts, 'label', choice.label, history) ?? choice.label,
    ...(detail === undefined ? {} : { detail }),
    ...(coach === undefined ? {} : { coach }),
  };
}

/**
 * The situation as the player reads it in this history: its text, its sender and its
 * replies' texts chosen for the game so far. Everything the model reads is left as it is.
 */
export function shownSituation(situation: SituationDef, history: TextHistory): SituationDef {
  const from = firstHolding(situation.alternatives, 'from', situation.from, history);
  return {
    ...situation,
    text: chosenText(situation, history),
    ...(from === undefined ? {} : { from }),
    choices: situation.choices.map((c) => shownChoice(c, history)),
  };
}

/** The game as it stood when quarter `quarter` (1-based) came up, read from a later state. */
export function historyAt(state: SimState, quarter: number): TextHistory {
  const before = state.history.slice(0, quarter - 1);
  return {
    replies: state.choices.slice(0, quarter - 1),
    events: before.flatMap((h) => h.events),
    metrics: before[before.length - 1]?.metrics ?? state.start,
    market: state.market,
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

/** The situation as the player read it in quarter `quarter` (1-based) of a game played that far. */
export function situationShownIn(
  scenario: ScenarioDef,
  state: SimState,
  quarter: number,
): SituationDef {
  const report = state.history[quarter - 1];
  if (!report) throw new RangeError(`quarter ${quarter} has not been played`);
  return shownSituation(situationById(scenario, report.situationId), historyAt(state, quarter));
}

/** The text the player read in quarter `quarter` (1-based) of a game played at least that far. */
export function situationTextIn(scenario: ScenarioDef, state: SimState, quarter: number): string {
  return situationShownIn(scenario, state, quarter).text;
}

/** The reply `choiceId` as the player read it in quarter `quarter`; undefined if not offered. */
export function choiceShownIn(
  scenario: ScenarioDef,
  state: SimState,
  quarter: number,
  choiceId: string,
): ChoiceDef | undefined {
  return situationShownIn(scenario, state, quarter).choices.find((c) => c.id === choiceId);
}
