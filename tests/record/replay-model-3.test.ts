import { describe, expect, it } from 'vitest';
import { type GradeContext, gradeAll } from '../../src/hr/grade.ts';
import { readText } from '../../src/hr/intake.ts';
import { decodeRecord, encodeRecord } from '../../src/record/code.ts';
import { makeRecord, type SessionRecord, verify } from '../../src/record/record.ts';
import { resultFile } from '../../src/record/result-file.ts';
import { contentHash } from '../../src/scenario/define.ts';
import {
  MODEL_VERSION,
  otherModel,
  playChoices,
  REPLAYABLE_MODELS,
  type ScenarioDef,
  underModel,
} from '../../src/sim/index.ts';
import { shelf, tutorial, tutorialBundle } from './scenarios.ts';

// Results model 3 made (before the model became 4) keep verifying to the score they
// showed: each is replayed on its scenario under model 3's rules (ScenarioDef.model, set
// by underModel), and ranked in its market under them. Models 1 and 2 are still refused.

const known = shelf(tutorialBundle);
const CHOICES = ['depot-visit', 'workshop', 'free-pilot', 'match-now'];
const underThree = underModel(tutorial, 3);
/** a result as the game made it under model 3: played by model 3's rules, stamped 3 */
const three = makeRecord(
  underThree,
  tutorialBundle.hash,
  playChoices(underThree, 'ws-3', CHOICES),
  { player: 'anna', session: 'ws' },
);

describe('underModel', () => {
  it("gives this model's scenario itself, and one object per earlier model", () => {
    expect(MODEL_VERSION).toBe(4);
    expect(REPLAYABLE_MODELS).toEqual([3, 4]);
    expect(underModel(tutorial, MODEL_VERSION)).toBe(tutorial);
    expect(underThree).not.toBe(tutorial);
    expect(underThree.model).toBe(3);
    // the same object every time: prepared() and the census caches know it by identity
    expect(underModel(tutorial, 3)).toBe(underThree);
    expect(underModel(underThree, 3)).toBe(underThree);
    // the rules it carries are not its text: the content hash stays the scenario's
    expect(contentHash(underThree)).toBe(contentHash(tutorial));
  });

  it('replays models 3 and 4, and refuses 1 and 2 saying which it replays', () => {
    expect(otherModel(3, 'this result')).toBeNull();
    expect(otherModel(4, 'this result')).toBeNull();
    for (const model of [1, 2])
      expect(otherModel(model, 'this result')).toBe(
        `this result was made by model ${model} of the simulation; this version of the game runs model 4, replays models 3 and 4, and cannot replay it`,
      );
    // no rules of a model it cannot replay: the scenario itself
    expect(underModel(tutorial, 2)).toBe(tutorial);
  });
});

describe('a result of model 3', () => {
  it('is stamped 3, and a game played now is stamped 4', () => {
    expect(three.model).toBe(3);
    const now = makeRecord(tutorial, tutorialBundle.hash, playChoices(tutorial, 'ws-3', CHOICES));
    expect(now.model).toBe(MODEL_VERSION);
  });

  it('verifies to the score it showed, replayed on the scenario under model 3', () => {
    const verdict = verify(three, known);
    expect(verdict.genuine).toBe(true);
    if (!verdict.genuine) return;
    expect(verdict.scenario).toBe(underThree);
    expect(verdict.replay.score).toBe(three.score);
    // the same record claimed as model 4's is replayed under this model's rules
    const asFour = verify({ ...three, model: MODEL_VERSION }, known);
    expect(asFour.genuine && asFour.scenario).toBe(tutorial);
  });

  it('decodes from its code with its model, and verifies under model 3', () => {
    const decoded = decodeRecord(encodeRecord(three, tutorial), known);
    expect(decoded).toEqual({ ok: true, record: three });
    const verdict = decoded.ok ? verify(decoded.record, known) : null;
    expect(verdict?.genuine && verdict.scenario).toBe(underThree);
  });

  it("is graded as a file, a code and a record, ranked in model 3's market", () => {
    const file = JSON.stringify(resultFile(three, tutorial));
    const items = [
      ...readText(file, 'anna.json', known),
      ...readText(encodeRecord(three, tutorial), 'pasted code', known),
      ...readText(JSON.stringify(three), 'record.json', known),
    ];
    const ranked: ScenarioDef[] = [];
    const ctx: GradeContext = {
      scenarios: known,
      passMark: 0,
      standingOf: (scenario) => {
        ranked.push(scenario);
        return { percentile: 50, exhaustive: true, margin: 0 };
      },
    };
    const graded = gradeAll(items, ctx);
    expect(graded.map((g) => [g.source, g.genuine, g.score])).toEqual([
      ['anna.json', true, three.score],
      ['pasted code', true, three.score],
      ['record.json', true, three.score],
    ]);
    // the duplicates are listed, ranked once; each ranking was in model 3's market
    expect(ranked.length).toBeGreaterThan(0);
    expect(ranked.every((s) => s === underThree)).toBe(true);
  });

  it('of model 2 or 1 is still refused, saying which models this version replays', () => {
    for (const model of [1, 2]) {
      const old: SessionRecord = { ...three, model };
      expect(verify(old, known)).toEqual({
        genuine: false,
        reason: `this result was made by model ${model} of the simulation; this version of the game runs model 4, replays models 3 and 4, and cannot replay it`,
      });
    }
  });
});
