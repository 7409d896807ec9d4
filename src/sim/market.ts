import type { CompetitorDef, CustomerDef, MarketDef, MemberDef, ScenarioDef } from './types.ts';

// Which starting situation a market (seed) is dealt, and the starting values it gives.
// Pure and deterministic from the scenario's id and the seed alone, so a workshop room, a
// replay, the census and the server all deal the same variant, and an edit elsewhere in a
// scenario does not reshuffle who got which.

/** FNV-1a over the text: a fixed, well-spread hash with no dependency and no state. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * The variant as the screens name it: its `name` ("Chloé seasoned, Ben new") where the
 * scenario gives one, else its id in words ("new leads" for `new-leads`).
 */
export function marketName(market: { id: string; name?: string | undefined }): string {
  return market.name ?? market.id.replaceAll('-', ' ');
}

/** The index of the variant this seed is dealt; null for a scenario without variants. */
export function marketIndex(scenario: ScenarioDef, seed: string): number | null {
  const markets = scenario.markets;
  if (!markets || markets.length === 0) return null;
  return hash(`${scenario.id}|market|${seed}`) % markets.length;
}

/** The variant this seed is dealt; null for a scenario without variants. */
export function marketVariant(scenario: ScenarioDef, seed: string): MarketDef | null {
  const i = marketIndex(scenario, seed);
  return i === null ? null : scenario.markets![i]!;
}

export interface MarketStart {
  team: MemberDef[];
  competitors: CompetitorDef[];
  customer: CustomerDef;
}

/** The scenario's team, rivals and customer as this variant starts them. */
export function marketStart(scenario: ScenarioDef, market: MarketDef | null): MarketStart {
  if (market === null) {
    return { team: scenario.team, competitors: scenario.competitors, customer: scenario.customer };
  }
  return {
    team: scenario.team.map((m) => ({ ...m, ...market.team?.[m.id] })),
    competitors: scenario.competitors.map((c) => ({ ...c, ...market.competitors?.[c.id] })),
    customer: { ...scenario.customer, ...market.customer },
  };
}
