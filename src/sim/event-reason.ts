import { conditionList, type WatchedMetric } from './conditions.ts';
import type { Metrics } from './state.ts';
import { metricByName } from './state.ts';
import type { EventDef } from './types.ts';

// Why an event could fire when it did: the figures its `when` reads, as they stood, beside
// the bounds. An event that needs low morale otherwise reads as bad luck, and the player
// never learns that their own reply a quarter earlier opened the door.

const NAMED: Record<WatchedMetric, string> = {
  trust: "the customer's trust",
  share: 'market share',
  morale: 'team morale',
  alignment: 'team alignment',
  breadth: 'contacts across the customer',
};

/** A figure as the screens show it (out of 100, share in %), with a tenth where that decides. */
function shown(metric: WatchedMetric, v: number): string {
  const text = (v * 100).toFixed(1).replace(/\.0$/, '');
  return metric === 'share' || metric === 'breadth' ? `${text}%` : text;
}

/**
 * "It could happen only because, at the end of quarter 3, team morale stood at 71.8, under
 * 72." Null for an event without conditions: it can come in any game.
 */
export function eventReason(event: EventDef, before: Metrics, quarter: number): string | null {
  const conditions = conditionList(event.when);
  if (conditions.length === 0) return null;
  const when = quarter <= 1 ? 'at the start' : `at the end of quarter ${quarter - 1}`;
  const parts = conditions.map((c) => {
    const bound =
      c.below !== Number.POSITIVE_INFINITY && c.above !== Number.NEGATIVE_INFINITY
        ? `between ${shown(c.metric, c.above)} and ${shown(c.metric, c.below)}`
        : c.below !== Number.POSITIVE_INFINITY
          ? `under ${shown(c.metric, c.below)}`
          : `over ${shown(c.metric, c.above)}`;
    return `${NAMED[c.metric]} stood at ${shown(c.metric, metricByName(before, c.metric))}, ${bound}`;
  });
  return `It could happen only because, ${when}, ${parts.join('; and ')}.`;
}
