import { conditionList, conditionsMet, type WatchedMetric } from './conditions.ts';
import type { Metrics, SimState } from './state.ts';
import { metricByName, metricsBefore } from './state.ts';
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

/**
 * Events a decision let in, as sentences for its debrief card: an event whose condition the
 * figures met at the end of the decision's quarter and not at its start, where the
 * decision's own effect moved that figure the condition's way, and which then came. "It
 * took team morale under 72, where "Aisha takes Ruiz's offer" can happen; it came in Q4."
 * The debrief otherwise said only "cut team morale by 4 points", and the departure a
 * quarter later read as luck.
 */
export function eventsLetIn(
  events: readonly EventDef[],
  state: SimState,
  quarter: number,
  ownMove: (metric: WatchedMetric) => number,
): string[] {
  const before = metricsBefore(state, quarter);
  const after = state.history[quarter - 1]?.metrics;
  if (!after) return [];
  const out: string[] = [];
  for (let k = quarter + 1; k <= state.history.length; k++) {
    for (const id of state.history[k - 1]!.events) {
      const event = events.find((e) => e.id === id);
      const conditions = conditionList(event?.when);
      if (!event || conditions.length === 0) continue;
      if (conditionsMet(conditions, before) || !conditionsMet(conditions, after)) continue;
      // the condition this decision's quarter crossed, pushed the same way by the reply
      const crossed = conditions.find((c) => {
        const was = metricByName(before, c.metric);
        const move = ownMove(c.metric);
        return (was >= c.below && move < 0) || (was <= c.above && move > 0);
      });
      if (!crossed) continue;
      const bar =
        crossed.below !== Number.POSITIVE_INFINITY
          ? `under ${shown(crossed.metric, crossed.below)}`
          : `over ${shown(crossed.metric, crossed.above)}`;
      out.push(
        `It took ${NAMED[crossed.metric]} ${bar}, where "${event.title}" can happen; it came in Q${k}.`,
      );
    }
  }
  return out;
}
