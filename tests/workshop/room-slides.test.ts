import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.ts';
import { census, playChoices } from '../../src/sim/index.ts';
import { leaderboard } from '../../src/workshop/dashboard/aggregate.ts';
import { roomGames } from '../../src/workshop/room/games.ts';
import { wrapLabel } from '../../src/workshop/room/slide-charts.ts';
import { quarterSlides } from '../../src/workshop/room/slides-data.ts';
import { player } from './room-player.ts';

// What the projector's quarter slides say, from the room's replayed games: the deck has a
// slide for every quarter from the start (so the slide on the screen stays put while the
// room plays), a quarter nobody reached says so, and each reply's count and mean change of
// share is the model's.

const loaded = loadScenario(readFileSync('scenarios/tutorial.yaml', 'utf8'), 'tutorial');
if (!loaded.ok) throw new Error('tutorial does not load');
const scenario = loaded.scenario;
const SEED = 'slides';

describe('the quarter slides', () => {
  it('has a slide per quarter before anyone decides, each saying nobody has', () => {
    const slides = quarterSlides(scenario, SEED, roomGames(scenario, 'h', SEED, []));
    expect(slides.map((s) => s.quarter)).toEqual([1, 2, 3, 4]);
    expect(slides.every((s) => s.situation === null && s.decided === 0)).toBe(true);
  });

  it('counts each reply and averages the share it moved among those who took it', () => {
    const first = scenario.situations[0]!;
    const [a, b] = [first.choices[0]!.id, first.choices[1]!.id];
    const games = roomGames(scenario, 'h', SEED, [
      player('Ana', [a]),
      player('Bo', [a]),
      player('Cy', [b]),
    ]);
    const [q1, q2] = quarterSlides(scenario, SEED, games);
    expect(q1?.situation?.title).toBe(first.title);
    expect(q1?.decided).toBe(3);
    const reply = (id: string) => q1!.replies.find((r) => r.id === id)!;
    expect(reply(a).count).toBe(2);
    expect(reply(b).count).toBe(1);
    const start = playChoices(scenario, SEED, []).start.share;
    const after = playChoices(scenario, SEED, [b]).history[0]!.metrics.share;
    expect(reply(b).shareChange).toBeCloseTo((after - start) * 100, 9);
    expect(q1!.replies.filter((r) => r.count === 0).every((r) => r.shareChange === null)).toBe(
      true,
    );
    // quarter 2 is not reached by anyone yet: still on the deck, empty
    expect(q2).toMatchObject({ quarter: 2, situation: null, decided: 0 });
  });
});

describe("where a reply's takers ended", () => {
  it('is the mean final fair score of those who took it, once it is worked out', () => {
    const market = census(scenario, SEED);
    const players = [
      player('Best', market.best.choices),
      player('Worst', market.worst.choices),
      // still playing: counted in the split, not in the ending
      player('Cy', market.worst.choices.slice(0, 1)),
    ];
    const games = roomGames(scenario, 'h', SEED, players);
    const finished = games.filter((g) => g.replay.finished);
    const rows = leaderboard(scenario, finished, market);
    const q1 = quarterSlides(scenario, SEED, games, rows)[0]!;
    const best = q1.replies.find((r) => r.id === market.best.choices[0])!;
    const bestRow = rows.find((r) => r.player === 'Best')!;
    expect(best.finished).toBe(1);
    expect(best.ended).toBe(bestRow.fairScore);
    if (market.best.choices[0] !== market.worst.choices[0]) {
      const worst = q1.replies.find((r) => r.id === market.worst.choices[0])!;
      expect(worst).toMatchObject({ count: 2, finished: 1 });
      expect(worst.ended).toBe(rows.find((r) => r.player === 'Worst')!.fairScore);
      // the best path's first reply ended higher, whatever either did to that quarter's share
      expect(best.ended!).toBeGreaterThan(worst.ended!);
    }
    // the fair scores not yet worked out: no mean of the scores in their place
    const pending = quarterSlides(scenario, SEED, games, leaderboard(scenario, finished, null))[0]!;
    expect(pending.replies.every((r) => r.ended === null)).toBe(true);
    expect(pending.replies.find((r) => r.id === market.best.choices[0])!.finished).toBe(1);
    // nobody finished: nothing to say yet
    const early = quarterSlides(scenario, SEED, games, [])[0]!;
    expect(early.replies.every((r) => r.finished === 0 && r.ended === null)).toBe(true);
  });
});

describe('a chart label', () => {
  it('wraps at words and cuts the last line it keeps with an ellipsis', () => {
    expect(wrapLabel('one two three', 20, 2)).toEqual(['one two three']);
    expect(wrapLabel('alpha beta gamma delta', 11, 3)).toEqual(['alpha beta', 'gamma delta']);
    const cut = wrapLabel('alpha beta gamma delta epsilon', 11, 2);
    expect(cut).toHaveLength(2);
    expect(cut[1]!.endsWith('…')).toBe(true);
    expect(cut.every((l) => l.length <= 11)).toBe(true);
  });
});
