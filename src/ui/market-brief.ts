import { marketNumber } from '../lib/market-number.ts';
import {
  type MarketDef,
  marketName,
  marketStart,
  type ScenarioDef,
  type SimState,
} from '../sim/index.ts';
import { h } from './dom.ts';

// The starting situation this market was dealt (src/sim/market.ts), for the screens: the
// brief the trainee reads before the first call, and the variant's name in the debrief.
// Read from the state's market id, so a replay, a room and a resumed game show the same.

/** The variant the state was dealt; null for a scenario without variants. */
export function dealtMarket(scenario: ScenarioDef, sim: SimState): MarketDef | null {
  return scenario.markets?.find((m) => m.id === sim.market) ?? null;
}

/** The team, rivals and customer as this market starts them. */
export function startOf(scenario: ScenarioDef, sim: SimState) {
  return marketStart(scenario, dealtMarket(scenario, sim));
}

/**
 * The market's brief as a note, or null when every market of the scenario starts alike.
 * `folded`: beside the first call, where the trainee has just read it on the briefing, it
 * opens on demand, so a long brief never pushes the replies below the first screen.
 */
export function marketBrief(
  scenario: ScenarioDef,
  sim: SimState,
  { folded = false }: { folded?: boolean } = {},
): HTMLElement | null {
  const market = dealtMarket(scenario, sim);
  if (!market) return null;
  const title = [h('strong', null, 'Your market: '), marketName(market)];
  const attrs = { 'aria-label': 'Your market', 'data-market': market.id };
  if (folded) {
    return h(
      'aside',
      { class: 'market-brief market-brief-folded', attrs },
      h(
        'details',
        null,
        h(
          'summary',
          { class: 'market-brief-title' },
          ...title,
          ' (the brief you read at the start)',
        ),
        h('p', null, market.brief),
      ),
    );
  }
  return h(
    'aside',
    { class: 'market-brief', attrs },
    h('p', { class: 'market-brief-title' }, ...title),
    h('p', null, market.brief),
  );
}

/** The whole seed, for support: "market mnasyai7~d2d78c4b11". */
export const marketId = (sim: SimState): string => `market ${sim.seed}`;

/** The market's short number ("#12", "#…wVCl") and the variant's name where it has one. */
function labelParts(scenario: ScenarioDef, sim: SimState) {
  const market = dealtMarket(scenario, sim);
  return { number: `#${marketNumber(sim.seed)}`, variant: market ? marketName(market) : null };
}

/** "market #12 · new leads": the seed, and the variant it was dealt where there is one. */
export function marketLabel(scenario: ScenarioDef, sim: SimState): string {
  const { number, variant } = labelParts(scenario, sim);
  return variant === null ? `market ${number}` : `market ${number} · ${variant}`;
}

/**
 * The same label for a screen's kicker: the number is its own element (`.market-number`),
 * kept in its case and in the face HR's tables show it in, inside a line the stylesheet
 * capitalises.
 */
export function marketLabelNodes(scenario: ScenarioDef, sim: SimState): (string | HTMLElement)[] {
  const { number, variant } = labelParts(scenario, sim);
  const shown = h('span', { class: 'market-number' }, number);
  return variant === null ? ['market ', shown] : ['market ', shown, ` · ${variant}`];
}
