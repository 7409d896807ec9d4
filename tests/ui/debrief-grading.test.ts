import { describe, expect, it } from 'vitest';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { gradeOf, type RubricDef } from '../../src/sim/index.ts';
import { fairSentence } from '../../src/ui/debrief/fair.ts';
import { bandFor, scoreNote, verdict } from '../../src/ui/debrief/grading.ts';

// The debrief's pass or fail says what the LMS and HR decide (gradeOf), in words, and
// never guesses before the percentile it needs is known.

const rubric = (grading: RubricDef['grading']): RubricDef => ({
  weights: { share: 1 },
  passMark: 50,
  grading,
});

describe('debrief verdict', () => {
  it('waits for the percentile when the rubric grades on it', () => {
    for (const g of ['percentile', 'both'] as const) {
      const v = verdict(rubric(g), 50, 90, null);
      expect(v.passed).toBeNull();
      expect(v.text).toContain('the pass mark is 50');
      expect(v.text).toMatch(/^Pass or fail waits for your fair score/);
    }
  });

  it('grades a raw rubric at once, on the raw score only', () => {
    expect(verdict(rubric('raw'), 50, 50, null).passed).toBe(true);
    expect(verdict(rubric('raw'), 50, 49, 99).passed).toBe(false);
    expect(verdict(rubric('raw'), 50, 49, 99).text).toMatch(/^✗ Not passed yet: your score is 49/);
  });

  it('says "not passed yet" only while a try that counts is left', () => {
    expect(verdict(rubric('percentile'), 50, 40, 20).text).toBe(
      '✗ Not passed yet: your fair score is 20, and the pass mark is 50.',
    );
    expect(verdict(rubric('percentile'), 50, 40, 20, 'final').text).toBe(
      '✗ Not passed: your fair score is 20, and the pass mark is 50.',
    );
    expect(verdict(rubric('raw'), 50, 49, null, 'final').text).toMatch(/^✗ Not passed: your score/);
    // a pass reads the same either way
    expect(verdict(rubric('percentile'), 50, 40, 80, 'final').text).toMatch(/^✓ Passed: /);
  });

  it('words a practice game as feedback against the mark a graded game needs', () => {
    // the tutorial's reviewer read "✗ Not passed yet" after a first practice game
    expect(verdict(rubric('percentile'), 50, 40, 14, 'practice')).toEqual({
      passed: false,
      text: 'Fair score 14 of 100: below the 50 a graded game would need.',
    });
    expect(verdict(rubric('percentile'), 50, 40, 72, 'practice').text).toBe(
      '✓ Fair score 72 of 100: at or above the 50 a graded game needs.',
    );
    expect(verdict(rubric('raw'), 50, 49, null, 'practice').text).toBe(
      'Score 49 of 100: below the 50 a graded game would need.',
    );
    expect(verdict(rubric('both'), 50, 64, 35.8, 'practice').text).toBe(
      'Score 64 and fair score 36 of 100: a graded game would need 50 on both.',
    );
    expect(verdict(rubric('percentile'), 50, 40, null, 'practice').text).toBe(
      'Your fair score is being worked out: a graded game would need 50.',
    );
    // the same rule decides it: only the words differ
    for (const pct of [10, 49.4, 49.5, 90])
      expect(verdict(rubric('percentile'), 50, 40, pct, 'practice').passed).toBe(
        verdict(rubric('percentile'), 50, 40, pct).passed,
      );
    for (const stakes of ['practice', 'graded', 'final'] as const)
      expect(verdict(rubric('percentile'), 50, 40, 14, stakes).text).not.toMatch(
        stakes === 'practice' ? /pass/i : /^Fair score/,
      );
  });

  it('words a workshop game as feedback against the pass mark, never "not passed"', () => {
    // a static workshop link's trainee read "✗ Not passed yet", as if the workshop were a test
    const said: [RubricDef['grading'], number, number, number | null, string][] = [
      ['percentile', 50, 40, 14, "Fair score 14 of 100: below the scenario's pass mark of 50."],
      [
        'percentile',
        50,
        40,
        72,
        "✓ Fair score 72 of 100: at or above the scenario's pass mark of 50.",
      ],
      ['raw', 40, 39, null, "Score 39 of 100: below the scenario's pass mark of 40."],
      [
        'both',
        50,
        64,
        35.8,
        "Score 64 and fair score 36 of 100: the scenario's pass mark of 50 asks for both.",
      ],
      [
        'both',
        50,
        64,
        72,
        "✓ Score 64 and fair score 72 of 100: both at or above the scenario's pass mark of 50.",
      ],
      [
        'percentile',
        50,
        40,
        null,
        "Your fair score is being worked out: the scenario's pass mark is 50.",
      ],
    ];
    for (const [grading, mark, raw, pct, text] of said)
      expect(verdict(rubric(grading), mark, raw, pct, 'workshop').text).toBe(text);
    // the same rule decides it, and no wording of it is a failed test
    for (const g of ['percentile', 'raw', 'both'] as const)
      for (const pct of [null, 10, 49.4, 49.5, 90]) {
        const v = verdict(rubric(g), 50, 40, pct, 'workshop');
        expect(v.text).not.toMatch(/not passed|fail/i);
        if (v.passed !== null) expect(v.passed).toBe(verdict(rubric(g), 50, 40, pct).passed);
      }
  });

  it('on the percentile, rounds as every grader does; "both" needs both', () => {
    expect(verdict(rubric('percentile'), 50, 10, 49.5).passed).toBe(true);
    expect(verdict(rubric('percentile'), 50, 90, 49.4).passed).toBe(false);
    const both = verdict(rubric('both'), 50, 49, 80);
    expect(both.passed).toBe(false);
    expect(both.text).toContain('score 49 is below it, fair score 80 reaches it');
    expect(verdict(rubric('both'), 50, 60, 70).passed).toBe(true);
  });

  it('agrees with gradeOf on every combination, and an assignment pass mark overrides', () => {
    for (const g of ['raw', 'percentile', 'both'] as const) {
      for (const raw of [0, 39, 40, 41, 100]) {
        for (const pct of [0, 39.4, 39.5, 40, 100]) {
          expect(verdict(rubric(g), 40, raw, pct).passed).toBe(
            gradeOf(rubric(g), raw, pct, 40).passed,
          );
        }
      }
    }
  });
});

describe('fair score sentence', () => {
  it('says it in the same whole number as the verdict, when the census was sampled with its bound, and never 100', () => {
    expect(fairSentence({ percentile: 87.5, exhaustive: true, margin: 0 })).toBe(
      'You did better than 88% of the ways this market could be played, with the same luck: that is your fair score.',
    );
    expect(fairSentence({ percentile: 61.2, exhaustive: false, margin: 1 })).toBe(
      'You did better than 61% of the ways this market could be played, with the same luck (from a sample, give or take 1 point): that is your fair score.',
    );
    expect(fairSentence({ percentile: 40, exhaustive: false, margin: 0.8 })).toContain(
      'give or take 0.8 points',
    );
    expect(fairSentence({ percentile: 100, exhaustive: true, margin: 0 })).toContain(
      'better than 99.9% of the ways',
    );
  });
});

const bundled = (id: string) => loadBundledScenarios().find((b) => b.scenario.id === id)!.scenario;

describe('the head of the debrief tells one story', () => {
  it('gives the verdict with the figure that decides it, without jargon, and the same number beneath', () => {
    // the tutorial a reviewer failed with a score of 60 / 100 and a fair score of 9 (8.6)
    const v = verdict(rubric('percentile'), 40, 60, 8.6);
    expect(v.text).toBe('✗ Not passed yet: your fair score is 9, and the pass mark is 40.');
    expect(fairSentence({ percentile: 8.6, exhaustive: true, margin: 0 })).toMatch(
      /^You did better than 9% of the ways/,
    );
    // graded on both, the verdict names both figures against the mark
    expect(verdict(rubric('both'), 50, 64, 35.8).text).toContain(
      'score 64 reaches it, fair score 36 is below it',
    );
  });

  it('names the score plainly, with what it counts and whether it decides the pass', () => {
    const silos = bundled('silos').rubric;
    expect(scoreNote(silos)).toMatch(
      /^market share, growth, plan attainment and more, your market's luck included: the fair score decides the pass\.$/,
    );
    expect(scoreNote({ ...silos, grading: 'raw' })).toMatch(/It decides the pass\.$/);
    // a practice game is graded by nobody: the note says what a grade would read
    expect(scoreNote(silos, 'practice')).toMatch(/: the fair score is what a grade would read\.$/);
    expect(scoreNote({ ...silos, grading: 'raw' }, 'practice')).toMatch(
      /It is what a grade would read\.$/,
    );
    expect(scoreNote({ ...silos, grading: 'both' }, 'practice')).not.toMatch(/pass needs/);
    // nor a workshop game: the scenario's pass mark reads it, and decides nothing
    for (const grading of ['percentile', 'raw', 'both'] as const)
      expect(scoreNote({ ...silos, grading }, 'workshop')).not.toMatch(/decides|pass needs/);
    expect(scoreNote(silos, 'workshop')).toMatch(/: the fair score is what the pass mark reads\.$/);
  });

  it('reads the band by the fair score, so a failed year is never praised', () => {
    // value-discipline: fair score 44 and score 30 failed a pass mark of 50; the band by the
    // score would be the one from 0, by the fair score the one from 40
    const vd = bundled('value-discipline');
    expect(bandFor(vd, 50, 30, 44.2)).toMatch(
      /watch profit and the team's fan behind each concession/,
    );
    // silos: "Mostly together." (from 55) followed a score of 59 in a failed year
    const silos = bundled('silos');
    expect(bandFor(silos, 55, 59, 40)).toMatch(/whether your four lines pull as one/);
    expect(bandFor(silos, 55, 40, 60)).toMatch(/^A pass, with room above it\./);
    // waits with the verdict while the fair score is worked out
    expect(bandFor(silos, 55, 59, null)).toBeNull();
  });

  it('never shows a band from the pass mark up on a year that did not pass, whatever the pass mark', () => {
    for (const { scenario } of loadBundledScenarios()) {
      for (const passMark of [30, 40, 50, 60, 70]) {
        for (let pct = 0; pct <= 100; pct += 1) {
          const v = verdict(scenario.rubric, passMark, 50, pct);
          const band = bandFor(scenario, passMark, 50, pct);
          const at = (scenario.debrief.bands ?? []).find((b) => b.text === band);
          if (v.passed === false && at)
            expect(at.min, `${scenario.id} ${passMark} ${pct}`).toBeLessThan(passMark);
        }
      }
    }
  });

  it("never shows a band whose words contradict the verdict under an assessment's own pass mark", () => {
    // the review's case: pass mark 60, fair score 52 read "Not passed yet" then "A pass"
    const tutorial = bundled('tutorial');
    expect(verdict(tutorial.rubric, 60, 40, 52).passed).toBe(false);
    expect(bandFor(tutorial, 60, 40, 52)).not.toMatch(/A pass/);
    expect(bandFor(tutorial, 60, 40, 52)).toMatch(/^Some of your calls fitted the moment/);
    // and a pass under a lower mark is never told it did not pass
    expect(bandFor(tutorial, 40, 40, 45)).toMatch(/^A pass, with room above it\./);
    for (const { scenario } of loadBundledScenarios()) {
      const ownMark = scenario.rubric.passMark;
      for (const passMark of [30, 40, 50, 60, 70]) {
        for (let pct = 0; pct <= 100; pct += 1) {
          const v = verdict(scenario.rubric, passMark, 50, pct);
          const band = bandFor(scenario, passMark, 50, pct);
          const at = (scenario.debrief.bands ?? []).find((b) => b.text === band);
          const where = `${scenario.id} mark ${passMark} fair ${pct}`;
          if (v.passed === false && at) expect(at.min, where).toBeLessThan(ownMark);
          if (v.passed === true) expect(at?.min, where).toBeGreaterThanOrEqual(ownMark);
        }
      }
    }
  });

  it('never calls a year good in a band', () => {
    for (const { scenario } of loadBundledScenarios()) {
      for (const band of scenario.debrief.bands ?? []) {
        expect(band.text, `${scenario.id} band ${band.min}`).not.toMatch(
          /\b(good|great|excellent|well done)\b/i,
        );
      }
    }
  });
});
