import {
  fairGrade,
  gradeOf,
  percentile,
  type ScenarioDef,
  type StrategyCensus,
  shownOrder,
} from '../../sim/index.ts';
import { mostReadSituation } from '../most-read.ts';
import type { Accepted } from './intake.ts';

// What the debrief shows, computed from the verified games alone: the leaderboard by
// what the room is graded on (the rubric's grading, through gradeOf), how the room split at each decision and how each option fared, each
// player's style against their outcome, and everyone's share quarter by quarter.

export interface Row {
  rank: number;
  player: string;
  /** better than this per cent of all strategies on the workshop's seed */
  percentile: number | null;
  /** the percentile as graders round it; null until the market's census is known */
  fairScore: number | null;
  /** the rubric's points */
  score: number;
  /** the figure the pass mark applies to (the rubric's grading); the board ranks by it */
  grade: number;
  /**
   * null while the fair score is still being worked out and the rubric grades by it: then
   * `grade` is not known either (it holds the score until then)
   */
  passed: boolean | null;
  share: number;
  /** share of the player's decisions taken in each style, 0..1 */
  styles: Record<string, number>;
  /** the reply taken in each quarter, by id */
  choices: string[];
  source: string;
}

/**
 * A game's figures against the market: its percentile, and the figure the pass mark reads
 * (gradeOf); `known` is false while that figure waits for the market's census.
 */
/**
 * The market games are ranked in: one for every game (a room, a workshop's seed), or each
 * game's own (a result made before an update is ranked in the market it was played in);
 * null while it is being worked out.
 */
export type MarketCensus = StrategyCensus | null | ((game: Accepted) => StrategyCensus | null);

function graded(scenario: ScenarioDef, game: Accepted, market: MarketCensus) {
  const census = typeof market === 'function' ? market(game) : market;
  const pct = census ? percentile(census, game.replay.score) : null;
  const grade = gradeOf(scenario.rubric, game.replay.score, pct);
  return { pct, grade, known: pct !== null || scenario.rubric.grading === 'raw' };
}

export function leaderboard(
  scenario: ScenarioDef,
  games: readonly Accepted[],
  census: MarketCensus,
): Row[] {
  const rows = games.map((g) => {
    const history = g.replay.state.history;
    const styles: Record<string, number> = {};
    for (const s of scenario.styles) styles[s] = 0;
    for (const h of history) styles[h.style] = (styles[h.style] ?? 0) + 1 / history.length;
    const { pct, grade, known } = graded(scenario, g, census);
    return {
      rank: 0,
      player: g.player,
      percentile: pct,
      fairScore: pct === null ? null : fairGrade(pct),
      score: g.replay.score,
      grade: grade.grade,
      passed: known ? grade.passed : null,
      share: g.replay.outcomes.share,
      styles,
      choices: history.map((h) => h.choiceId),
      source: g.source,
    };
  });
  // ranked by the grade, the points break ties (a rounded fair score can join two players
  // whose points differ), then names; a shared rank needs both figures equal
  rows.sort((a, b) => b.grade - a.grade || b.score - a.score || a.player.localeCompare(b.player));
  rows.forEach((r, i) => {
    const prev = rows[i - 1];
    r.rank = prev && prev.grade === r.grade && prev.score === r.score ? prev.rank : i + 1;
  });
  return rows;
}

export interface OptionSplit {
  choice: string;
  label: string;
  style: string;
  count: number;
  /**
   * how those who took it fared, on the figure the leaderboard ranks by (the rubric's
   * grading: the fair score in the shipped scenarios), so the split reads on the scale of
   * every other figure of the dashboard: their mean; 'none' when nobody took it; 'waiting'
   * while the market's census, which the fair score needs, is being worked out
   */
  meanGrade: number | 'none' | 'waiting';
}

export interface DecisionSplit {
  situation: string;
  title: string;
  /** players who met this situation */
  reached: number;
  options: OptionSplit[];
}

/**
 * Each decision's options in the order the room saw them on its seed, with who took which
 * and how they fared (`census`: the market's, null while it is being worked out).
 */
export function decisionSplits(
  scenario: ScenarioDef,
  seed: string,
  games: readonly Accepted[],
  census: MarketCensus,
): DecisionSplit[] {
  return scenario.situations.map((def) => {
    // the labels as most of the players who met the situation read them
    const s = mostReadSituation(
      scenario,
      def,
      games.map((g) => g.replay.state),
    );
    const taken = new Map<string, Accepted[]>();
    for (const g of games) {
      const h = g.replay.state.history.find((x) => x.situationId === s.id);
      if (!h) continue;
      const list = taken.get(h.choiceId) ?? [];
      list.push(g);
      taken.set(h.choiceId, list);
    }
    const options = shownOrder(scenario.id, seed, s.id, s.choices).map((c) => {
      const takers = (taken.get(c.id) ?? []).map((g) => graded(scenario, g, census));
      const meanGrade: OptionSplit['meanGrade'] =
        takers.length === 0
          ? 'none'
          : takers.every((t) => t.known)
            ? takers.reduce((a, t) => a + t.grade.grade, 0) / takers.length
            : 'waiting';
      return { choice: c.id, label: c.label, style: c.style, count: takers.length, meanGrade };
    });
    return {
      situation: s.id,
      title: s.title,
      reached: options.reduce((n, o) => n + o.count, 0),
      options,
    };
  });
}

export interface ShareCurve {
  player: string;
  /** per cent, at the start and after every quarter */
  shares: number[];
}

/** Each player's share at the start and after every quarter, in per cent. */
export function shareCurves(games: readonly Accepted[]): ShareCurve[] {
  return games.map((g) => ({
    player: g.player,
    shares: [g.replay.state.start.share, ...g.replay.state.history.map((h) => h.metrics.share)].map(
      (x) => Math.round(x * 1000) / 10,
    ),
  }));
}

/**
 * A trainee's style shares as whole percentages that add up to 100, as the leaderboard and
 * the CSV export both show them: each share rounded down, then the points left over go to
 * the largest remainders (a tie to the larger share, then to the style listed first). Five
 * directive and three hands-off replies of eight read 63% and 37%, not 63% and 38%.
 */
export function stylePercents(styles: Readonly<Record<string, number>>): Record<string, number> {
  const entries = Object.entries(styles).map(([style, v], i) => {
    const exact = Math.max(0, v) * 100;
    // a share made of 1/n steps can land a hair under a whole number: 0.29999… is 30
    const floor = Math.floor(exact + 1e-9);
    return { style, i, exact, floor, rest: exact - floor };
  });
  const total = Math.round(entries.reduce((a, e) => a + e.exact, 0));
  let left = total - entries.reduce((a, e) => a + e.floor, 0);
  const order = [...entries].sort((a, b) => b.rest - a.rest || b.exact - a.exact || a.i - b.i);
  for (const e of order) {
    if (left <= 0) break;
    if (e.rest <= 1e-9) continue;
    e.floor++;
    left--;
  }
  return Object.fromEntries(entries.map((e) => [e.style, e.floor]));
}
