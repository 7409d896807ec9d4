import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.ts';
import { census, fairGrade, gradeOf, percentile } from '../../src/sim/index.ts';
import { leaderboard } from '../../src/workshop/dashboard/aggregate.ts';
import { plotted } from '../../src/workshop/dashboard/scatter.ts';
import { roomGames } from '../../src/workshop/room/games.ts';
import { rosterCells, rosterHint } from '../../src/workshop/room/roster-figures.ts';
import { player } from './room-player.ts';

// The facilitator's roster says what decides each trainee's grade (the fair score and pass
// or fail, by gradeOf) beside the score, with the leaderboard's words, and says what is not
// known yet rather than leaving a blank or showing the score in the fair score's place.

const loaded = loadScenario(readFileSync('scenarios/tutorial.yaml', 'utf8'), 'tutorial');
if (!loaded.ok) throw new Error('tutorial does not load');
const scenario = loaded.scenario;
const SEED = 'roster';
const market = census(scenario, SEED);

const finishedGames = () =>
  roomGames(scenario, 'h', SEED, [
    player('Best', market.best.choices),
    player('Worst', market.worst.choices),
  ]);

describe("the roster's figures", () => {
  it('shows the fair score and the verdict gradeOf gives, beside the score', () => {
    const rows = leaderboard(scenario, finishedGames(), market);
    for (const row of rows) {
      const pct = percentile(market, row.score);
      const grade = gradeOf(scenario.rubric, row.score, pct);
      const cells = rosterCells(row.score, row, true, 'ready');
      expect(cells.score).toBe(String(row.score));
      expect(cells.fair).toBe(String(fairGrade(pct)));
      expect(cells.pass).toBe(grade.passed ? '✓ passed' : '✗ not passed');
    }
    // the worst path of a market fails it, whatever its points
    const worst = rows.find((r) => r.player === 'Worst')!;
    expect(rosterCells(worst.score, worst, true, 'ready').pass).toBe('✗ not passed');
    expect(rosterHint(scenario.rubric, true, rows, 0, 'ready')).toBe(
      `Pass or fail reads the fair score, as the debrief and the leaderboard do; the pass mark is ${scenario.rubric.passMark}. Of 2 who finished, ${rows.filter((r) => r.passed).length} passed.`,
    );
  });

  it('says what is not known yet: before release, while playing, while the market is worked out', () => {
    const pending = leaderboard(scenario, finishedGames(), null);
    const row = pending[0]!;
    expect(rosterCells(row.score, row, false, 'ready')).toEqual({
      score: '–',
      fair: '–',
      pass: '–',
    });
    expect(rosterCells(null, undefined, true, 'working')).toEqual({
      score: 'not yet',
      fair: 'not yet',
      pass: 'not yet',
    });
    // the score is known; the fair score (and so the pass) is not, and never shown as the score
    expect(rosterCells(row.score, row, true, 'working')).toEqual({
      score: String(row.score),
      fair: 'working out…',
      pass: 'working out…',
    });
    expect(rosterCells(row.score, row, true, 'failed').fair).toBe('unknown');
    // the page has not the scenario yet: the server's score alone
    expect(rosterCells(61, undefined, true, 'idle')).toEqual({
      score: '61',
      fair: 'working out…',
      pass: 'working out…',
    });
    expect(rosterHint(scenario.rubric, false, pending, 1, 'idle')).toBe(
      'Score, fair score and pass or fail show here once you release the debrief.',
    );
    expect(rosterHint(scenario.rubric, true, pending, 1, 'working')).toContain(
      'The fair scores are being worked out… 1 still plays: their figures show when they finish.',
    );
  });

  it('once play has ended, a trainee who did not finish has no score, and is not said to play on', () => {
    const rows = leaderboard(scenario, finishedGames(), null);
    expect(rosterCells(null, undefined, true, 'ready', true)).toEqual({
      score: 'no score',
      fair: '–',
      pass: '–',
    });
    const hint = rosterHint(scenario.rubric, true, rows, 2, 'working', true);
    expect(hint).toContain(
      '2 did not finish before play ended: those games have no figures, and the leaderboard leaves them out.',
    );
    expect(hint).not.toContain('still play');
  });

  it('a raw rubric decides at once, and its hint names the score', () => {
    const raw = { ...scenario.rubric, grading: 'raw' as const };
    const rows = leaderboard({ ...scenario, rubric: raw }, finishedGames(), null);
    expect(rosterCells(rows[0]!.score, rows[0], true, 'working').pass).toMatch(/passed$/);
    expect(rosterHint(raw, true, rows, 0, 'working')).toMatch(/^Pass or fail reads the score;/);
  });
});

describe('style against outcome', () => {
  it('plots only the trainees whose graded figure is known', () => {
    expect(plotted(leaderboard(scenario, finishedGames(), null))).toEqual([]);
    const rows = leaderboard(scenario, finishedGames(), market);
    expect(plotted(rows)).toHaveLength(2);
    // the dot's height is the board's figure: the fair score, not the score
    expect(rows.map((r) => r.grade)).toEqual(rows.map((r) => r.fairScore));
  });
});
