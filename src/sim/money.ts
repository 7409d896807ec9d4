import { DEFAULT_COST_TO_SERVE, DEFAULT_MARGIN, PRICE_DRAW } from './params.ts';
import type { SimState } from './state.ts';
import type { CustomerDef, ScenarioDef } from './types.ts';

// Money in the model: revenue is what we invoice (our share of the market at our price, less
// any leech segment we dropped), profit is the gross margin left after the cost to serve.
// A discount costs margin on every unit and draws the customer; a leech segment brings
// revenue that costs more to serve than its margin (001). Plain arithmetic over the state,
// allocating nothing: the census measures every quarter of a million games.

/** Share of the business at our share that we still serve: all of it, less a dropped leech. */
function served(customer: CustomerDef, state: SimState): number {
  const leech = customer.leech;
  return leech === undefined ? 1 : 1 - leech.share * (1 - state.leech);
}

/** What we invoice this quarter, in thousands: at list price and full service, share × market. */
export function revenueOf(customer: CustomerDef, state: SimState, share: number): number {
  return share * state.marketSize * served(customer, state) * state.price;
}

/** Gross margin at our price, less the cost to serve the core business and any leech we keep. */
export function profitOf(customer: CustomerDef, state: SimState, share: number): number {
  const volume = share * state.marketSize;
  const leech = customer.leech;
  const leechVolume = leech === undefined ? 0 : volume * leech.share * state.leech;
  const coreVolume = leech === undefined ? volume : volume * (1 - leech.share);
  const margin = (coreVolume + leechVolume) * (state.price - 1 + marginRate(customer));
  const cost = coreVolume * state.costToServe + (leech ? leechVolume * leech.costToServe : 0);
  return margin - cost;
}

export function marginRate(customer: CustomerDef): number {
  return customer.margin ?? DEFAULT_MARGIN;
}

export function startingCostToServe(customer: CustomerDef): number {
  return customer.costToServe ?? DEFAULT_COST_TO_SERVE;
}

/** The pull a price away from list puts on the customer each quarter: + below list. */
export function priceDraw(state: SimState): number {
  return state.price === 1 ? 0 : PRICE_DRAW * (1 - state.price);
}

/** Whether a scenario says anything about money, so that screens show profit and currency. */
export function hasMoney(customer: CustomerDef): boolean {
  return (
    customer.margin !== undefined ||
    customer.costToServe !== undefined ||
    customer.leech !== undefined
  );
}

/**
 * Whether a scenario's figures include money (revenue, profit and its currency): it names a
 * currency, a margin, costs or a leech. The game's screens and the room's export ask here.
 */
export function showsMoney(scenario: ScenarioDef): boolean {
  return scenario.currency !== undefined || hasMoney(scenario.customer);
}
