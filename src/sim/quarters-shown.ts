import { shownOrder } from './shown-order.ts';
import { situationShownIn } from './situation-text.ts';
import type { SimState } from './state.ts';
import type { ScenarioDef } from './types.ts';

// Each quarter of a game as the player met it and as it came out: the card's text, sender
// and replies (the alternatives the history chose, in the order shown on screen), the
// reply taken and its coach note, and the quarter's figures. `npm run simulate` prints
// this, and the determinism test builds it in Chromium to compare with Node, so both
// must come from this one function.

export function quartersShown(scenario: ScenarioDef, state: SimState) {
  return state.history.map((h) => {
    const card = situationShownIn(scenario, state, h.quarter);
    const shown = shownOrder(scenario.id, state.seed, h.situationId, card.choices);
    return {
      quarter: h.quarter,
      situation: h.situationId,
      text: card.text,
      from: card.from ?? null,
      shown: shown.map((c) => c.id),
      labels: shown.map((c) => c.label),
      choice: h.choiceId,
      coach: card.choices.find((c) => c.id === h.choiceId)?.coach ?? null,
      style: h.style,
      events: h.events,
      metrics: h.metrics,
      forces: h.forces,
      causes: h.causes,
    };
  });
}
