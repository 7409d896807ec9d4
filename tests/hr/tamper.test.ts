import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradeAll } from '../../src/hr/grade.ts';
import { readText } from '../../src/hr/intake.ts';
import { encodeRecord } from '../../src/record/code.ts';
import type { SessionRecord } from '../../src/record/record.ts';
import { resultFile } from '../../src/record/result-file.ts';
import { bundled, genuineRecord, scenarios } from './helpers.ts';

// 1,000 random edits each of result codes and of result files: none may come out graded
// as genuine. And every unedited one must.

// the percentile is not under test here, and a census per random market is slow
const ctx = {
  scenarios,
  passMark: 50,
  standingOf: () => ({ percentile: 50, exhaustive: true, margin: 0 }),
};
const CODE_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';

const game = fc.record({
  trainee: fc.stringMatching(/^[a-z0-9.@]{1,16}$/),
  seed: fc.stringMatching(/^[a-z0-9]{1,8}$/),
  which: fc.nat(bundled.length - 1),
  attempt: fc.integer({ min: 1, max: 3 }),
});

function play(g: { trainee: string; seed: string; which: number; attempt: number }) {
  const b = bundled[g.which]!;
  const rec = genuineRecord(g.trainee, g.attempt, {
    seed: g.seed,
    scenario: b.scenario,
    hash: b.hash,
  });
  return { rec, scenario: b.scenario };
}

const graded = (text: string) => gradeAll(readText(text, 'tampered', scenarios), ctx);

describe('tampering', () => {
  it('grades every genuine code and file as genuine', () => {
    fc.assert(
      fc.property(game, (g) => {
        const { rec, scenario } = play(g);
        for (const text of [
          encodeRecord(rec, scenario),
          JSON.stringify(resultFile(rec, scenario)),
        ]) {
          const [out] = graded(text);
          expect(out?.genuine, out?.reason).toBe(true);
          expect(out?.trainee).toBe(g.trainee);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('catches 1,000 random edits of result codes', () => {
    const edit = fc.record({
      how: fc.constantFrom('replace', 'delete', 'insert', 'swap'),
      at: fc.nat(),
      ch: fc.constantFrom(...CODE_CHARS),
    });
    fc.assert(
      fc.property(game, edit, (g, e) => {
        const { rec, scenario } = play(g);
        const code = encodeRecord(rec, scenario);
        const i = e.at % code.length;
        let bad: string;
        if (e.how === 'replace')
          bad =
            code.slice(0, i) +
            (code[i] === e.ch ? (e.ch === 'A' ? 'B' : 'A') : e.ch) +
            code.slice(i + 1);
        else if (e.how === 'delete') bad = code.slice(0, i) + code.slice(i + 1);
        else if (e.how === 'insert')
          bad = code.slice(0, i || 1) + e.ch + code.slice(i || 1); // text before TOW1- is not the code
        else {
          const j = Math.min(i + 1, code.length - 1);
          fc.pre(code[i] !== code[j]);
          bad = code.slice(0, i) + code[j] + code[i] + code.slice(j + 1);
        }
        // text around a code is ignored (codes come in e-mails): an edit must touch the code;
        // so is the case of its prefix ("tow1-", as a mail program may write it), which holds
        // nothing of the record: every edit of what follows the prefix must still be caught
        fc.pre(!bad.replace(/tow1-/i, 'TOW1-').includes(code));
        for (const out of graded(bad)) expect(out.genuine, `${e.how} at ${i}: ${bad}`).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('catches 1,000 random edits of result files, careless or re-encoded', () => {
    const FIELDS = [
      'score',
      'player',
      'session',
      'hash',
      'game',
      'seed',
      'scenario',
      'choices',
      'code',
    ] as const;
    const edit = fc.record({
      field: fc.constantFrom(...FIELDS),
      // a determined forger re-encodes the code from the edited record, so the two agree
      reencode: fc.boolean(),
      n: fc.integer({ min: 1, max: 1_000_000 }),
    });
    fc.assert(
      fc.property(game, edit, (g, e) => {
        const { rec, scenario } = play(g);
        const file = resultFile(rec, scenario);
        const r: SessionRecord = { ...rec, choices: [...rec.choices] };
        switch (e.field) {
          case 'score':
            r.score = ((rec.score ?? 0) + (e.n % 100) + 1) % 101;
            break;
          case 'player':
            r.player = `${rec.player}${e.n}`;
            break;
          case 'session':
            r.session = `${rec.session}-${e.n}`;
            break;
          case 'hash':
            r.hash = (BigInt(`0x${rec.hash}`) ^ BigInt(e.n)).toString(16).padStart(16, '0');
            break;
          case 'game':
            r.game = `${(e.n % 9) + 1}.${e.n % 7}.0`;
            fc.pre(r.game !== rec.game);
            break;
          case 'seed':
            r.seed = `${rec.seed}${e.n % 10}`;
            break;
          case 'scenario': {
            const other = bundled.find((b) => b.scenario.id !== rec.scenario)!;
            r.scenario = other.scenario.id;
            break;
          }
          case 'choices': {
            // careless only: a consistent edit of the choices is a different, real game
            fc.pre(!e.reencode);
            const q = e.n % r.choices.length;
            r.choices[q] =
              e.n % 2 === 0 ? `${r.choices[q]}x` : r.choices[(q + 1) % r.choices.length]!;
            fc.pre(r.choices.join() !== rec.choices.join());
            break;
          }
          case 'code': {
            const i = e.n % file.code.length;
            const c = file.code[i] === 'A' ? 'B' : 'A';
            const text = JSON.stringify({
              ...file,
              code: file.code.slice(0, i) + c + file.code.slice(i + 1),
            });
            for (const out of graded(text)) expect(out.genuine).toBe(false);
            return;
          }
        }
        const code = e.reencode ? encodeRecord(r) : file.code;
        for (const out of graded(JSON.stringify({ ...file, record: r, code }))) {
          expect(out.genuine, `${e.field} ${e.reencode}: ${JSON.stringify(r)}`).toBe(false);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
