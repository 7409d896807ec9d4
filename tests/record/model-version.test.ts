import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gradeAll } from '../../src/hr/grade.ts';
import { readText } from '../../src/hr/intake.ts';
import { decodeRecord, encodeRecord } from '../../src/record/code.ts';
import { makeRecord, modelOf, type SessionRecord, verify } from '../../src/record/record.ts';
import { resultFile } from '../../src/record/result-file.ts';
import { MODEL_VERSION, playChoices } from '../../src/sim/index.ts';
import { shelf, tutorial, tutorialBundle } from './scenarios.ts';

// Every result names the model that made it; one from another model is refused with a
// message that says which model made it, never replayed into a wrong score.

const known = shelf(tutorialBundle);
const played = playChoices(tutorial, 'ws-3', [
  'depot-visit',
  'workshop',
  'free-pilot',
  'match-now',
]);
const mine = makeRecord(tutorial, tutorialBundle.hash, played, { player: 'anna' });
const other = MODEL_VERSION + 1;
const theirs: SessionRecord = { ...mine, model: other };
const message = (what: string) =>
  `${what} was made by model ${other} of the simulation; this version of the game runs model ${MODEL_VERSION}, replays models 3 and 4, and cannot replay it`;

describe('the model version in records, codes and result files', () => {
  it('stamps every record and code with this model, and reads it back', () => {
    expect(mine.model).toBe(MODEL_VERSION);
    expect(decodeRecord(encodeRecord(mine, tutorial), known)).toEqual({ ok: true, record: mine });
    expect(verify(mine, known).genuine).toBe(true);
  });

  it('reads codes and records made before the stamp as model 1', () => {
    const dir = new URL('../fixtures/records/', import.meta.url).pathname;
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
      const { code } = JSON.parse(readFileSync(dir + f, 'utf8')) as { code: string };
      const decoded = decodeRecord(code, known);
      expect(decoded.ok && modelOf(decoded.record)).toBe(1);
    }
  });

  it("refuses another model's record with which model made it", () => {
    expect(verify(theirs, known)).toEqual({ genuine: false, reason: message('this result') });
  });

  it("reads another model's code, which verify refuses, and names the model when it cannot read it", () => {
    const decoded = decodeRecord(encodeRecord(theirs, tutorial), known);
    expect(decoded).toEqual({ ok: true, record: theirs });
    expect(decoded.ok && verify(decoded.record, known)).toEqual({
      genuine: false,
      reason: message('this result'),
    });
    const elsewhere = { ...theirs, scenario: 'a-scenario-of-model-2' };
    // its decisions packed against a scenario this game lacks: only the model can be told
    const packedOn = { ...tutorial, id: elsewhere.scenario };
    expect(decodeRecord(encodeRecord(elsewhere, packedOn), known)).toEqual({
      ok: false,
      error: message('this code'),
    });
  });

  it("grades another model's result file, code and record as not genuine, saying why", () => {
    const file = JSON.stringify(resultFile(theirs, tutorial));
    const items = [
      ...readText(file, 'anna.json', known),
      ...readText(encodeRecord(theirs, tutorial), 'pasted code', known),
      ...readText(JSON.stringify(theirs), 'record.json', known),
    ];
    const graded = gradeAll(items, { scenarios: known, passMark: 50 });
    expect(graded.map((g) => [g.source, g.genuine, g.reason])).toEqual([
      ['anna.json', false, message('this result')],
      ['pasted code', false, message('this result')],
      ['record.json', false, message('this result')],
    ]);
  });
});
