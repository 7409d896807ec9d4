import { type Metrics, metricByName } from './state.ts';
import type { Conditions } from './types.ts';

// A `when` on last quarter's figures, as an event and a situation's alternative text both
// read it: every figure named must lie strictly between its bounds. Listed once (an event
// is listed when the scenario is prepared, since the census asks a million times), and
// checked by the one function below.

export type WatchedMetric = keyof Conditions;

export interface Condition {
  metric: WatchedMetric;
  /** strictly above this; −∞ when the condition gives no lower bound */
  above: number;
  /** strictly below this; +∞ when it gives no upper bound */
  below: number;
}

export function conditionList(when: Conditions | undefined): Condition[] {
  const out: Condition[] = [];
  for (const [metric, cmp] of Object.entries(when ?? {})) {
    if (!cmp) continue;
    out.push({
      metric: metric as WatchedMetric,
      above: cmp.above ?? Number.NEGATIVE_INFINITY,
      below: cmp.below ?? Number.POSITIVE_INFINITY,
    });
  }
  return out;
}

/** Whether every condition holds on these figures. */
export function conditionsMet(conditions: readonly Condition[], metrics: Metrics): boolean {
  for (let i = 0; i < conditions.length; i++) {
    const c = conditions[i]!;
    const value = metricByName(metrics, c.metric);
    if (!(value > c.above && value < c.below)) return false;
  }
  return true;
}
