import { marketName, marketVariant, type ScenarioDef } from '../../sim/index.ts';
import { h } from '../dom.ts';

// The starting situation the room's one market was dealt (src/sim/market.ts), so the
// facilitator reads what every trainee in the room read before the first call.

export function roomMarketNote(scenario: ScenarioDef, seed: string): HTMLElement | null {
  const market = marketVariant(scenario, seed);
  if (!market) return null;
  return h(
    'p',
    { class: 'room-market', attrs: { 'data-market': market.id } },
    h('strong', null, `The room's market: ${marketName(market)}. `),
    market.brief,
  );
}
