import {
  type Explanation,
  metricsBefore,
  type ScenarioDef,
  type SimState,
  situationShownIn,
} from '../../sim/index.ts';
import { watchedFigure } from '../explain.ts';
import { turningPointsThatMattered } from './turning.ts';

// What the reflection asks about: two or three of the trainee's own decisions, each named by
// its quarter and the reply chosen. The turning points come first (those that mattered most,
// at most three); a game with fewer is made up to two with the quarters where market share
// moved most. Without an explanation (it failed), those quarters alone.

export interface ReflectionTopic {
  quarter: number;
  choiceId: string;
  label: string;
  situationTitle: string;
  /** what the figures did in that quarter, in one sentence */
  happened: string;
  turning: boolean;
}

const MOST = 3;
const LEAST = 2;

function topic(
  scenario: ScenarioDef,
  sim: SimState,
  quarter: number,
  turning: boolean,
): ReflectionTopic | null {
  const report = sim.history[quarter - 1];
  if (!report) return null;
  const situation = situationShownIn(scenario, sim, quarter);
  const choice = situation.choices.find((c) => c.id === report.choiceId);
  const share = watchedFigure(scenario, 'share');
  const before = metricsBefore(sim, quarter);
  const after = report.metrics;
  const from = share?.value(before.share) ?? '';
  const to = share?.value(after.share) ?? '';
  return {
    quarter,
    choiceId: report.choiceId,
    label: choice?.label ?? report.choiceId,
    situationTitle: situation.title,
    happened:
      from === to
        ? `Your market share stayed at ${to} that quarter.`
        : `Your market share went from ${from} to ${to} that quarter.`,
    turning,
  };
}

/** The quarters where market share moved most, largest move first. */
function biggestMoves(sim: SimState): number[] {
  const move = (q: number) => {
    const before = q <= 1 ? sim.start.share : sim.history[q - 2]!.metrics.share;
    return Math.abs(sim.history[q - 1]!.metrics.share - before);
  };
  return sim.history.map((r) => r.quarter).sort((a, b) => move(b) - move(a) || a - b);
}

export function reflectionTopics(
  scenario: ScenarioDef,
  sim: SimState,
  explanation: Explanation | null,
): ReflectionTopic[] {
  const turning = explanation
    ? [...turningPointsThatMattered(explanation)]
        .sort((a, b) => b.swing - a.swing || a.quarter - b.quarter)
        .slice(0, MOST)
        .map((t) => t.quarter)
    : [];
  const quarters = new Set(turning);
  for (const q of biggestMoves(sim)) {
    if (quarters.size >= LEAST) break;
    quarters.add(q);
  }
  return [...quarters]
    .sort((a, b) => a - b)
    .map((q) => topic(scenario, sim, q, turning.includes(q)))
    .filter((t): t is ReflectionTopic => t !== null);
}
