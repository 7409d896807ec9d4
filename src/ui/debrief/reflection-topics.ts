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
  const [from, to] = share?.pair(before.share, after.share) ?? ['', ''];
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

/** "Q3", "Q2 and Q5", "Q1, Q4 and Q6". */
function quarterList(topics: readonly ReflectionTopic[]): string {
  const qs = topics.map((t) => `Q${t.quarter}`);
  return qs.length < 2 ? (qs[0] ?? '') : `${qs.slice(0, -1).join(', ')} and ${qs.at(-1)}`;
}

/**
 * What the reflection holds, in the line its fold shows while closed: the turning points it
 * asks about and the quarters of large moves in share that make the questions up to two,
 * each as what it is. A game whose turning points are too few is not said to have more.
 */
export function reflectionSummary(topics: readonly ReflectionTopic[]): string {
  const turning = topics.filter((t) => t.turning);
  const moves = topics.filter((t) => !t.turning);
  const parts: string[] = [];
  if (turning.length > 0) {
    parts.push(`your turning point${turning.length > 1 ? 's' : ''} (${quarterList(turning)})`);
  }
  if (moves.length > 0) {
    // alone they are the largest moves; beside a turning point, the largest of the others
    const what =
      turning.length > 0
        ? moves.length > 1
          ? 'big moves in share'
          : 'a big move in share'
        : `your biggest move${moves.length > 1 ? 's' : ''} in share`;
    parts.push(`${what} (${quarterList(moves)})`);
  }
  if (parts.length === 0) return 'Your action plan';
  return `${topics.length > 1 ? 'Questions' : 'A question'} on ${parts.join(' and ')}, and your action plan`;
}
