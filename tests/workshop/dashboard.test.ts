import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvCell, parseCsv, toCsv } from '../../src/lib/csv.ts';
import { encodeRecord } from '../../src/record/code.ts';
import { makeRecord, type SessionRecord } from '../../src/record/record.ts';
import { loadScenarioFile, SCENARIO_DIR } from '../../src/scenario/bundled.ts';
import { census, gradeOf, playChoices, shownOrder, situationShownIn } from '../../src/sim/index.ts';
import {
  decisionSplits,
  leaderboard,
  shareCurves,
  stylePercents,
} from '../../src/workshop/dashboard/aggregate.ts';
import { csvHeader, csvRows, resultsCsv } from '../../src/workshop/dashboard/export-csv.ts';
import { classFigures } from '../../src/workshop/dashboard/figures.ts';
import {
  checkSubmissions,
  readPasted,
  readSubmissions,
  type WorkshopContext,
} from '../../src/workshop/dashboard/intake.ts';

const { scenario, hash } = loadScenarioFile(`${SCENARIO_DIR}tutorial.yaml`);
const workshop: WorkshopContext = {
  session: 'ws-1',
  seed: '42',
  name: 'Test room',
  scenario,
  hash,
};
const firstOf = (style: string) =>
  scenario.situations.map((s) => (s.choices.find((c) => c.style === style) ?? s.choices[0]!).id);

function code(player: string, choices: string[], extra: { session?: string; seed?: string } = {}) {
  const state = playChoices(scenario, extra.seed ?? workshop.seed, choices);
  return encodeRecord(
    makeRecord(scenario, hash, state, { player, session: extra.session ?? workshop.session }),
    scenario,
  );
}

describe('intake', () => {
  const ana = code('Ana', firstOf('directive'));
  const ben = code('Ben', firstOf('collaborative'));

  it('counts genuine games of this session and says why the others do not count', () => {
    const flipped = `${ben.slice(0, 20)}${ben[20] === 'A' ? 'B' : 'A'}${ben.slice(21)}`;
    const text = [
      ana,
      `Ben: ${ben}`, // pasted with chat noise around it
      ana, // twice
      flipped,
      code('Cy', firstOf('collaborative'), { session: 'other-room' }),
      code('Di', firstOf('collaborative'), { seed: '7' }),
      'TOW1-garbage',
    ].join('\n');
    const intake = checkSubmissions(workshop, readPasted(workshop, text));
    expect(intake.accepted.map((a) => a.player)).toEqual(['Ana', 'Ben']);
    const reasons = intake.rejected.map((r) => r.reason);
    expect(reasons[0]).toMatch(/^duplicate/);
    expect(reasons[1]).toMatch(/checksum does not match/);
    expect(reasons[2]).toMatch(/another session \("other-room"\)/);
    expect(reasons[3]).toMatch(/seed 7/);
    expect(intake.rejected[4]).toMatchObject({ source: 'line 7', reason: /damaged|cut short/ });
    expect(intake.rejected[1]!.source).toBe('line 4');
  });

  it('refuses a code from another workshop for that reason, whatever scenario it was played on', () => {
    const other = loadScenarioFile(`${SCENARIO_DIR}value-discipline.yaml`);
    const state = playChoices(other.scenario, '5', [other.scenario.situations[0]!.choices[0]!.id]);
    const theirs = encodeRecord(
      makeRecord(other.scenario, other.hash, state, { player: 'Flo', session: 'vd-room' }),
      other.scenario,
    );
    // the page knows value-discipline (it is bundled): the code is read, then refused
    const known = { ...workshop, others: [other.scenario] };
    const [first] = checkSubmissions(known, readPasted(known, theirs)).rejected;
    expect(first).toEqual({
      source: 'line 1',
      player: 'Flo',
      reason: `from another workshop (session "vd-room"): it was played on "${other.scenario.title}", and this workshop plays "${scenario.title}"`,
    });
    // a scenario the page does not have (another facilitator's own) cannot even be read:
    // still another workshop's code, not one "this game does not have"
    const [second] = checkSubmissions(workshop, readPasted(workshop, theirs)).rejected;
    expect(second!.reason).toBe(
      `from another workshop: it was played on scenario "value-discipline", and this workshop plays "${scenario.title}"`,
    );
  });

  it('counts codes from a chat log whose first line starts with [, wrapped ones joined', () => {
    const text = [
      `[10:41] Ana: ${ana.slice(0, 40)}`,
      `[10:41] Ana: ${ana.slice(40)}`,
      `[10:42] Ben: ${ben}`,
    ].join('\n');
    const intake = checkSubmissions(workshop, readPasted(workshop, text));
    expect(intake.accepted.map((a) => [a.player, a.source])).toEqual([
      ['Ana', 'line 1'],
      ['Ben', 'line 3'],
    ]);
    expect(intake.rejected).toEqual([]);
  });

  it('catches a record whose claimed score was edited, even with a fresh checksum', () => {
    const state = playChoices(scenario, workshop.seed, firstOf('directive'));
    const record = makeRecord(scenario, hash, state, { player: 'Eve', session: 'ws-1' });
    const forged = encodeRecord({ ...record, score: (record.score ?? 0) + 30 }, scenario);
    const intake = checkSubmissions(workshop, readSubmissions(workshop, forged, 'pasted'));
    expect(intake.accepted).toEqual([]);
    expect(intake.rejected[0]!.reason).toMatch(/not genuine: claims score/);
  });

  it('keeps the first game of a name and lists a second, different one', () => {
    const again = code('ana', firstOf('collaborative'));
    const intake = checkSubmissions(
      workshop,
      readSubmissions(workshop, `${ana}\n${again}`, 'pasted'),
    );
    expect(intake.accepted).toHaveLength(1);
    expect(intake.rejected[0]!.reason).toMatch(/second, different game by "ana"/);
  });

  it('counts unnamed games separately, named by where they came from', () => {
    const state1 = playChoices(scenario, workshop.seed, firstOf('directive'));
    const state2 = playChoices(scenario, workshop.seed, firstOf('collaborative'));
    const codes = [state1, state2].map((s) =>
      encodeRecord(makeRecord(scenario, hash, s, { session: 'ws-1' }), scenario),
    );
    const intake = checkSubmissions(workshop, readPasted(workshop, codes.join('\n')));
    expect(intake.accepted.map((a) => a.player)).toEqual(['unnamed (line 1)', 'unnamed (line 2)']);
    expect(intake.rejected).toEqual([]);
  });

  it('reads result files: JSON with a code or a record, and text with a code', () => {
    const state = playChoices(scenario, workshop.seed, firstOf('directive'));
    const record = makeRecord(scenario, hash, state, { player: 'Fay', session: 'ws-1' });
    const subs = [
      ...readSubmissions(workshop, JSON.stringify({ record }), 'fay.json'),
      ...readSubmissions(workshop, `my code:\n${ana}\n`, 'ana.txt'),
      ...readSubmissions(workshop, JSON.stringify({ code: ben }), 'ben.json'),
      ...readSubmissions(workshop, 'nothing here', 'notes.txt'),
    ];
    const intake = checkSubmissions(workshop, subs);
    expect(intake.accepted.map((a) => a.source)).toEqual(['fay.json', 'ana.txt', 'ben.json']);
    expect(intake.rejected).toMatchObject([{ source: 'notes.txt', reason: /no result code/ }]);
  });
});

describe('debrief figures', () => {
  const games = checkSubmissions(
    workshop,
    readSubmissions(
      workshop,
      [
        code('Ana', firstOf('directive')),
        code('Ben', firstOf('collaborative')),
        code(
          'Cy',
          firstOf('collaborative').map((c, i) => (i === 0 ? firstOf('directive')[0]! : c)),
        ),
      ].join('\n'),
      'pasted',
    ),
  ).accepted;
  const c = census(scenario, workshop.seed);

  it('ranks by the grade the pass mark counts, with the percentile among all strategies', () => {
    const rows = leaderboard(scenario, games, c);
    expect(rows.map((r) => r.grade)).toEqual([...rows.map((r) => r.grade)].sort((a, b) => b - a));
    for (const r of rows) {
      // the one grade rule decides the figure and the verdict, as the debrief and HR do
      const g = gradeOf(scenario.rubric, r.score, r.percentile);
      expect([r.grade, r.passed, r.fairScore]).toEqual([
        g.grade,
        g.passed,
        Math.round(r.percentile!),
      ]);
    }
    for (const r of rows) {
      const below = [...Array(r.score).keys()].reduce((n, s) => n + (c.histogram[s] ?? 0), 0);
      expect(r.percentile).toBeCloseTo((below / c.count) * 100, 1);
    }
    const ana = rows.find((r) => r.player === 'Ana')!;
    expect(ana.styles.directive).toBeCloseTo(
      firstOf('directive').filter((id) =>
        scenario.situations.some((s) =>
          s.choices.some((x) => x.id === id && x.style === 'directive'),
        ),
      ).length / scenario.situations.length,
    );
  });

  it('splits each decision between its options with the mean fair score of each', () => {
    const splits = decisionSplits(scenario, workshop.seed, games, c);
    const first = splits[0]!;
    // listed as the room saw them on its seed, not as the file lists them
    expect(first.options.map((o) => o.choice)).toEqual(
      shownOrder(scenario.id, workshop.seed, first.situation, scenario.situations[0]!.choices).map(
        (c) => c.id,
      ),
    );
    expect(first.reached).toBe(3);
    const directive = first.options.find((o) => o.choice === firstOf('directive')[0])!;
    // on the figure the leaderboard ranks by (the tutorial grades by the fair score), not
    // on the points: the whole dashboard reads on one scale
    expect(scenario.rubric.grading).toBe('percentile');
    const board = leaderboard(scenario, games, c).filter((r) => r.player !== 'Ben');
    expect(directive.count).toBe(2);
    expect(directive.meanGrade).toBeCloseTo((board[0]!.grade + board[1]!.grade) / 2);
    const points = (board[0]!.score + board[1]!.score) / 2;
    expect(directive.meanGrade).not.toBeCloseTo(points);
    expect(first.options.filter((o) => o.count === 0).every((o) => o.meanGrade === 'none')).toBe(
      true,
    );
    // until the market's census is known, the mean waits rather than showing the points
    const waiting = decisionSplits(scenario, workshop.seed, games, null)[0]!;
    expect(waiting.options.find((o) => o.choice === directive.choice)!.meanGrade).toBe('waiting');
    // a rubric graded on the points has its mean at once
    const raw = { ...scenario, rubric: { ...scenario.rubric, grading: 'raw' as const } };
    const rawFirst = decisionSplits(raw, workshop.seed, games, null)[0]!;
    expect(rawFirst.options.find((o) => o.choice === directive.choice)!.meanGrade).toBeCloseTo(
      points,
    );
  });

  it('draws a share curve with the start and every quarter', () => {
    const curves = shareCurves(games);
    expect(curves[0]!.shares).toHaveLength(scenario.quarters + 1);
  });

  it('exports the table rows as CSV that reads back the same', () => {
    const rows = leaderboard(scenario, games, c);
    const csv = toCsv(
      ['rank', 'player'],
      csvRows(scenario, rows, games).map((r) => [r[0], r[1]]),
    );
    expect(parseCsv(csv).slice(1)).toEqual(rows.map((r) => [String(r.rank), r.player]));
  });

  it('exports one share format, a column per style, and the replies as the room read them', () => {
    const rows = leaderboard(scenario, games, c);
    const [head, ...lines] = parseCsv(resultsCsv(scenario, rows, games));
    expect(head).toEqual(csvHeader(scenario));
    expect(head).toEqual(expect.arrayContaining(['directive %', 'collaborative %', 'hands-off %']));
    const col = (name: string) => head!.indexOf(name);
    for (const [i, line] of lines.entries()) {
      // always one decimal: "52.0", never "52" beside "53.6"
      expect(line[col('final share %')]).toMatch(/^\d+\.\d$/);
      const styleSum = scenario.styles.reduce((n, s) => n + Number(line[col(`${s} %`)]), 0);
      // a trainee's shares add up to 100, as on the leaderboard
      expect(styleSum).toBe(100);
      const game = games.find((g) => g.source === rows[i]!.source)!.replay.state;
      const firstLabel = situationShownIn(scenario, game, 1).choices.find(
        (ch) => ch.id === rows[i]!.choices[0],
      )!.label;
      expect(line[col('replies')]!.startsWith(`Q1: ${firstLabel}`)).toBe(true);
      expect(line[col('choices (ids)')]).toBe(rows[i]!.choices.join(' '));
    }
  });

  it('leads the top figures with the pass count and the graded figure, the score second', () => {
    const rows = leaderboard(scenario, games, c);
    const figures = classFigures(scenario.rubric, rows, 2);
    const value = (id: string) => figures.find((f) => f.id === id)?.value;
    const passed = rows.filter((r) => r.passed).length;
    expect(value('passed')).toBe(`${passed} of ${rows.length}`);
    expect(figures.find((f) => f.id === 'passed')!.label).toContain(
      `pass mark ${scenario.rubric.passMark}`,
    );
    expect(value('best-grade')).toBe(String(Math.max(...rows.map((r) => r.grade))));
    expect(value('rejected')).toBe('2');
    if (scenario.rubric.grading === 'percentile') {
      expect(figures.find((f) => f.id === 'mean-grade')!.label).toBe('mean fair score');
      const secondary = figures.find((f) => f.secondary)!;
      const mean = rows.reduce((n, r) => n + r.score, 0) / rows.length;
      expect(secondary.value).toBe(mean.toFixed(1));
    }
    // while the market is still being worked out, nothing graded is guessed
    const waiting = classFigures(scenario.rubric, leaderboard(scenario, games, null), 0);
    if (scenario.rubric.grading !== 'raw')
      expect(waiting.find((f) => f.id === 'passed')!.value).toBe('…');
  });

  it('leaves pass or fail open while the fair score is still being worked out', () => {
    const rows = leaderboard(scenario, games, null);
    expect(rows.every((r) => r.fairScore === null)).toBe(true);
    if (scenario.rubric.grading !== 'raw') expect(rows.every((r) => r.passed === null)).toBe(true);
  });
});

describe('style percentages', () => {
  it('add up to 100 for a trainee: 5 and 3 of 8 read 63% and 37%, not 63% and 38%', () => {
    expect(stylePercents({ directive: 5 / 8, 'hands-off': 3 / 8, collaborative: 0 })).toEqual({
      directive: 63,
      'hands-off': 37,
      collaborative: 0,
    });
  });

  it('give the point left over to the largest remainder, whatever the shares', () => {
    // three thirds, counted as a game counts them (1/n added once per reply)
    const third = 1 / 3;
    expect(stylePercents({ a: third + third, b: third })).toEqual({ a: 67, b: 33 });
    expect(stylePercents({ a: third, b: third, c: third })).toEqual({ a: 34, b: 33, c: 33 });
    for (let n = 1; n <= 12; n++) {
      for (let a = 0; a <= n; a++) {
        for (let b = 0; a + b <= n; b++) {
          const shares = { x: 0, y: 0, z: 0 };
          for (let i = 0; i < n; i++) {
            const k = i < a ? 'x' : i < a + b ? 'y' : 'z';
            shares[k] += 1 / n;
          }
          const pct = stylePercents(shares);
          const of = (k: 'x' | 'y' | 'z') => pct[k] ?? Number.NaN;
          expect(of('x') + of('y') + of('z')).toBe(100);
          // each share is its exact percentage rounded up or down, never further off
          for (const k of ['x', 'y', 'z'] as const)
            expect(Math.abs(of(k) - shares[k] * 100)).toBeLessThan(1);
        }
      }
    }
  });

  it('are 0 for a style never taken', () => {
    expect(stylePercents({ a: 1, b: 0 })).toEqual({ a: 100, b: 0 });
  });
});

describe('csv cells', () => {
  it('quotes separators and neutralises formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell(' @SUM(A1)')).toBe(`' @SUM(A1)`);
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
    expect(parseCsv(toCsv(['x'], [['line\nbreak'], ['-2']]))).toEqual([
      ['x'],
      ['line\nbreak'],
      ["'-2"],
    ]);
  });
});

describe('a result made before an update', () => {
  // a distrustful-account game the c0a84b3 release itself played (model 3), on the edition
  // it shipped, pasted into that workshop's dashboard after the update to model 4
  const released = JSON.parse(
    readFileSync(new URL('../fixtures/releases/c0a84b3.json', import.meta.url), 'utf8'),
  ) as { results: { code: string; fairScore: number; file: { record: SessionRecord } }[] };
  const game = released.results.find(
    (r) => r.file.record.scenario === 'distrustful-account' && r.file.record.seed === 'c0a84b3-1',
  )!;
  const edition = loadScenarioFile(
    `${SCENARIO_DIR}editions/distrustful-account@${game.file.record.hash}.yaml`,
  );
  const room: WorkshopContext = {
    session: game.file.record.session!,
    seed: game.file.record.seed,
    name: 'Before the update',
    scenario: edition.scenario,
    hash: edition.hash,
  };

  it('is ranked in the market it was played in, under its model: the fair score it showed', () => {
    const intake = checkSubmissions(room, readPasted(room, game.code));
    expect(intake.rejected).toEqual([]);
    const [accepted] = intake.accepted;
    expect(accepted!.playedOn?.model).toBe(3);
    const own = census(accepted!.playedOn!, room.seed);
    const [row] = leaderboard(room.scenario, intake.accepted, (g) => (g === accepted ? own : null));
    expect(row!.fairScore).toBe(game.fairScore);
    // model 4's market on the same seed ranks the same score elsewhere
    const today = census(room.scenario, room.seed);
    expect(leaderboard(room.scenario, intake.accepted, today)[0]!.fairScore).not.toBe(
      game.fairScore,
    );
  });
});
