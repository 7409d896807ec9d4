import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packJson } from '../../src/links/links.ts';
import { asRecord, decodeRecord, encodeRecord } from '../../src/record/code.ts';
import { makeRecord, type SessionRecord } from '../../src/record/record.ts';
import { playChoices, playPolicy, type ScenarioDef } from '../../src/sim/index.ts';
import { eight, tutorial, twelve } from './scenarios.ts';

const HASH = 'd9cf4fd9c29d3985';
const scenarios = new Map([tutorial, eight, twelve].map((s) => [s.id, { scenario: s }]));
const who = { player: 'anna.schmidt@example.com', session: 'ws-berlin-0312', attempt: 1 };

function recordOf(scenario: ScenarioDef, seed: string) {
  return makeRecord(scenario, HASH, playPolicy(scenario, seed, 'random').state, who);
}

const base = recordOf(tutorial, 'ws-3');

describe('result codes', () => {
  it('round-trips a record, with and without the scenario to pack its choices', () => {
    const packed = encodeRecord(base, tutorial);
    const plain = encodeRecord(base);
    expect(packed.startsWith('TOW1-')).toBe(true);
    expect(packed.length).toBeLessThan(plain.length);
    expect(decodeRecord(packed, scenarios)).toEqual({ ok: true, record: base });
    expect(decodeRecord(plain)).toEqual({ ok: true, record: base });
    // whitespace a chat program adds, e.g. a line break, is ignored
    expect(decodeRecord(`  ${packed.slice(0, 30)}\n${packed.slice(30)} `, scenarios)).toEqual({
      ok: true,
      record: base,
    });
  });

  it('stays short enough to paste into a chat: 8 and 12 quarters', () => {
    const lengths = [eight, twelve].map((s) => encodeRecord(recordOf(s, 'workshop-17'), s).length);
    const anonymous = [eight, twelve].map((s) => {
      const r = makeRecord(s, HASH, playPolicy(s, '17', 'random').state);
      return encodeRecord(r, s).length;
    });
    // with a 24-character e-mail as the player id and a session id; about 100 without
    expect(lengths[0]).toBeLessThanOrEqual(135);
    expect(lengths[1]).toBeLessThanOrEqual(140);
    expect(anonymous[1]).toBeLessThanOrEqual(75);
  });

  it('asks for the scenario when the choices were packed against it', () => {
    const result = decodeRecord(encodeRecord(base, tutorial), new Map());
    expect(result).toEqual({
      ok: false,
      error: 'the code was made on scenario "tutorial", which this game does not have',
      scenario: 'tutorial',
    });
  });

  it('rejects any single character changed anywhere in the code', () => {
    const code = encodeRecord(base, tutorial);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
    for (let i = 5; i < code.length; i++) {
      const other = alphabet[(alphabet.indexOf(code[i]!) + 17) % alphabet.length]!;
      const edited = code.slice(0, i) + other + code.slice(i + 1);
      const result = decodeRecord(edited, scenarios);
      expect(result.ok, `edit at ${i}`).toBe(false);
    }
  });

  it('rejects a player, session or score edited inside the code under the old checksum', () => {
    const code = encodeRecord(base, tutorial);
    const check = code.slice(code.lastIndexOf('.'));
    for (const edit of [{ player: 'bob' }, { session: 'paris' }, { score: 100 }, { attempt: 2 }]) {
      const forged = encodeRecord({ ...base, ...edit }, tutorial);
      const spliced = forged.slice(0, forged.lastIndexOf('.')) + check;
      expect(decodeRecord(spliced, scenarios)).toEqual({
        ok: false,
        error: 'the checksum does not match: the code was changed or cut short when copied',
      });
    }
  });

  it('says what is wrong with codes that are not codes', () => {
    const code = encodeRecord(base, tutorial);
    expect(decodeRecord('hello', scenarios)).toMatchObject({
      ok: false,
      error: /starts with TOW1-/,
    });
    expect(decodeRecord(code.slice(0, code.lastIndexOf('.')), scenarios)).toMatchObject({
      ok: false,
      error: /checksum is missing/,
    });
    expect(decodeRecord(code.slice(0, 40), scenarios).ok).toBe(false);
    expect(decodeRecord('TOW1-.', scenarios).ok).toBe(false);
    expect(decodeRecord(`TOW1-${'A'.repeat(9000)}.x`, scenarios)).toMatchObject({
      ok: false,
      error: /too long to be a result code/,
    });
  });

  it('still reads codes of the first format (JSON, hex checksum)', async () => {
    const { sha256 } = await import('@noble/hashes/sha2.js');
    const { bytesToHex, utf8ToBytes } = await import('@noble/hashes/utils.js');
    const body = packJson(base);
    const check = bytesToHex(sha256(utf8ToBytes(`tug-of-war|${body}`))).slice(0, 10);
    expect(decodeRecord(`TOW1-${body}.${check}`)).toEqual({ ok: true, record: base });
  });

  it('round-trips any record (fast-check)', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 40 });
    const arb = fc.record(
      {
        v: fc.integer({ min: 0, max: 1000 }),
        game: text,
        scenario: fc.constantFrom('tutorial', 'synthetic-8x3', 'elsewhere'),
        hash: fc.oneof(fc.stringMatching(/^[0-9a-f]{16}$/), text),
        seed: text,
        choices: fc.array(fc.string({ maxLength: 20 }), { maxLength: 12 }),
        player: text,
        session: text,
        attempt: fc.nat(10_000),
        terms: fc.record(
          {
            passMark: fc.integer({ min: 0, max: 100 }),
            attempts: fc.integer({ min: 1, max: 99 }),
            due: fc
              .date({
                min: new Date('2000-01-01'),
                max: new Date('2099-12-31'),
                noInvalidDate: true,
              })
              .map((d) => d.toISOString().slice(0, 10)),
          },
          { requiredKeys: ['passMark', 'attempts'] },
        ),
        finished: fc
          .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10)),
        score: fc.integer({ min: 0, max: 100 }),
      },
      { requiredKeys: ['v', 'game', 'scenario', 'hash', 'seed', 'choices'] },
    );
    fc.assert(
      fc.property(arb, fc.nat(), (record, pick) => {
        const r = record as SessionRecord;
        const result = decodeRecord(encodeRecord(r), scenarios);
        expect(result).toEqual({ ok: true, record: r });
        // the same record with real choices of its scenario, packed against it
        const sc = scenarios.get(r.scenario)?.scenario;
        if (!sc) return;
        const line = playPolicy(sc, String(pick), 'random').choices.slice(0, pick % 13);
        const real = { ...r, choices: line };
        expect(decodeRecord(encodeRecord(real, sc), scenarios)).toEqual({ ok: true, record: real });
        expect(playChoices(sc, r.seed, line).choices).toEqual(line);
      }),
      { numRuns: 300 },
    );
  });

  it('checks the shape of a record read from a file', () => {
    expect(asRecord({ ...base, score: -1 })).toMatchObject({ ok: false, error: /"score"/ });
    expect(asRecord({ ...base, admin: true })).toMatchObject({ ok: false, error: /"admin"/ });
    expect(asRecord([])).toMatchObject({ ok: false });
    expect(asRecord(base)).toEqual({ ok: true, record: base });
  });
});
