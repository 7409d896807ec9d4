import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gradeAll } from '../../src/hr/grade.ts';
import { readText } from '../../src/hr/intake.ts';
import { decodeRecord } from '../../src/record/code.ts';
import { type SessionRecord, verify } from '../../src/record/record.ts';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { MODEL_VERSION } from '../../src/sim/index.ts';
import { FakeStorage } from '../save/fake-storage.ts';
import { makeStore } from '../store/helpers.ts';

// Real artefacts of model 2, made by the game's code before model 3 (tests/fixtures/model-2:
// a result file of silos as the game downloads it, and a saved game as the browser keeps
// it). This model cannot replay them: each is refused with which model made it, and none
// is lost or crashes anything.

const FIXTURES = new URL('../fixtures/model-2/', import.meta.url).pathname;
const known = new Map(loadBundledScenarios().map((b) => [b.scenario.id, b]));
const file = readFileSync(`${FIXTURES}result-silos.json`, 'utf8');
const { record, code } = JSON.parse(file) as { record: SessionRecord; code: string };
const refused = (what: string) =>
  `${what} was made by model 2 of the simulation; this version of the game runs model ${MODEL_VERSION}, replays models 3 and 4, and cannot replay it`;

describe('a result of model 2', () => {
  it('is a result of a shipped scenario, made by model 2', () => {
    expect(MODEL_VERSION).toBeGreaterThan(2);
    expect(record.model).toBe(2);
    // silos has since gained market variants, so its text changed as well: the model is
    // what the refusals below must name, since it is the first reason a replay cannot hold
    expect(record.scenario).toBe('silos');
    expect(known.has(record.scenario)).toBe(true);
  });

  it('is read, and refused as not genuine with the model that made it, as a file, a code and a record', () => {
    const items = [
      ...readText(file, 'bea.json', known),
      ...readText(code, 'pasted code', known),
      ...readText(JSON.stringify(record), 'record.json', known),
    ];
    const graded = gradeAll(items, { scenarios: known, passMark: 50 });
    expect(graded.map((g) => [g.source, g.genuine, g.reason])).toEqual([
      ['bea.json', false, refused('this result')],
      ['pasted code', false, refused('this result')],
      ['record.json', false, refused('this result')],
    ]);
  });

  it('decodes its code to the very record, and verify names the model', () => {
    const decoded = decodeRecord(code, known);
    expect(decoded).toEqual({ ok: true, record });
    expect(verify(record, known)).toEqual({ genuine: false, reason: refused('this result') });
  });
});

describe('a saved game of model 2', () => {
  it('is kept, says which model played it, and the same market is played afresh beside it', () => {
    const { key, text } = JSON.parse(readFileSync(`${FIXTURES}save-silos.json`, 'utf8')) as {
      key: string;
      text: string;
    };
    const raw = new FakeStorage();
    raw.setItem(key, text);
    const store = makeStore(raw);
    store.getState().refreshSaves();
    expect(store.getState().saves.map((s) => [s.key, s.problem])).toEqual([[key, refused('it')]]);
    store.getState().startMarket('silos', 'm2-fixture', { kind: 'practice' });
    expect(store.getState().screen).toBe('briefing');
    expect(raw.getItem(key)).toBe(text);
  });
});
