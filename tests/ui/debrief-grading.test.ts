import { describe, expect, it } from 'vitest';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { gradeOf, type RubricDef } from '../../src/sim/index.ts';
import { fairSentence } from '../../src/ui/debrief/fair.ts';
import { verdict } from '../../src/ui/debrief/grading.ts';
import { bandText } from '../../src/ui/screens/debrief.ts';

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
    }
  });

  it('grades a raw rubric at once, on the raw score only', () => {
    expect(verdict(rubric('raw'), 50, 50, null).passed).toBe(true);
    expect(verdict(rubric('raw'), 50, 49, 99).passed).toBe(false);
    expect(verdict(rubric('raw'), 50, 49, 99).text).toMatch(/^✗ Not passed yet: your score is 49/);
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
  it('says it in one sentence, when the census was sampled with its bound, and never above 99.9', () => {
    expect(fairSentence({ percentile: 87.5, exhaustive: true, margin: 0 })).toBe(
      'You did better than 87.5 of every 100 ways this market could be played.',
    );
    expect(fairSentence({ percentile: 61.2, exhaustive: false, margin: 1 })).toBe(
      'You did better than 61.2 of every 100 ways this market could be played (from a sample, give or take 1 point).',
    );
    expect(fairSentence({ percentile: 40, exhaustive: false, margin: 0.8 })).toContain(
      'give or take 0.8 points',
    );
    expect(fairSentence({ percentile: 100, exhaustive: true, margin: 0 })).toContain(
      'better than 99.9 of every 100',
    );
  });
});

describe('the debrief headline tells the pass mark from the score', () => {
  it('says which figure the pass mark reads, and the line beneath what the fair score is', () => {
    // the tutorial a reviewer failed with a score of 64 / 100 and a fair score of 36
    const v = verdict(rubric('percentile'), 50, 64, 35.8);
    expect(v.text).toBe(
      '✗ Not passed yet: fair score 36, pass mark 50 (the pass mark reads the fair score, not the score).',
    );
    expect(fairSentence({ percentile: 35.8, exhaustive: true, margin: 0 })).toBe(
      'You did better than 35.8 of every 100 ways this market could be played.',
    );
    // graded on both, the verdict names both figures against the mark
    expect(verdict(rubric('both'), 50, 64, 35.8).text).toContain(
      'score 64 reaches it, fair score 36 is below it',
    );
  });

  it('never calls a year good in a band, since a band reads the score and the pass mark may not', () => {
    const tutorial = loadBundledScenarios().find((b) => b.scenario.id === 'tutorial')!.scenario;
    expect(bandText(tutorial, 64)).not.toMatch(/good/i);
    for (const { scenario } of loadBundledScenarios()) {
      for (const band of scenario.debrief.bands ?? []) {
        expect(band.text, `${scenario.id} band ${band.min}`).not.toMatch(
          /\b(good|great|excellent|well done)\b/i,
        );
      }
    }
  });
});
