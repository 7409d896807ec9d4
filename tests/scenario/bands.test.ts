import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { edited, load } from './helpers.ts';

// A debrief band whose range crosses the pass mark gives a game that passed and one that
// did not the same sentence. The check warns the author, naming the band and the pass
// mark, and no shipped scenario gets the warning.

const FIRST_BAND = '    - { min: 50, text: "You moved';

function warningsOf(text: string): string[] {
  const result = load(text);
  expect(result.ok, 'the scenario loads').toBe(true);
  return result.ok ? result.warnings.map((w) => `${w.line}:${w.col}: ${w.path}: ${w.message}`) : [];
}

describe('debrief bands and the pass mark', () => {
  it('warns of a band below the pass mark whose next band up starts above it', () => {
    expect(warningsOf(edited([FIRST_BAND, '    - { min: 70, text: "You moved']))).toEqual([
      '133:14: debrief.bands[1].min: the band from min: 0 ("Play again and watch how trust…") runs to 69, across the pass mark 50: games that passed (fair score 50 to 69) and games that did not read the same sentence. Start a band at min: 50.',
    ]);
  });

  it('warns of a band that runs to 100 across the pass mark, and names the score under raw grading', () => {
    const raw = edited(
      [FIRST_BAND, '    - { min: 30, text: "You moved'],
      ['  passMark: 50\n', '  passMark: 50\n  grading: raw\n'],
    );
    expect(warningsOf(raw)).toEqual([
      '133:14: debrief.bands[0].min: the band from min: 30 ("You moved a sceptical customer a…") runs to 100, across the pass mark 50: games that passed (score 50 to 100) and games that did not read the same sentence. Start a band at min: 50.',
    ]);
  });

  it('is quiet when a band starts exactly at the pass mark', () => {
    expect(warningsOf(edited())).toEqual([]);
    expect(warningsOf(edited(['  passMark: 50\n', '  passMark: 0\n']))).toEqual([]);
  });

  for (const { scenario, file } of loadBundledScenarios()) {
    it(`${scenario.id}: no debrief band spans its pass mark`, () => {
      const result = loadScenario(readFileSync(file, 'utf8'), file);
      if (!result.ok) throw new Error(`${file} loads`);
      expect(result.warnings.filter((w) => w.path.startsWith('debrief.bands'))).toEqual([]);
      expect(scenario.debrief.bands?.map((b) => b.min)).toContain(scenario.rubric.passMark);
    });
  }
});
