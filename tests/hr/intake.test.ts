import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findCodes } from '../../src/hr/find-codes.ts';
import { readText } from '../../src/hr/intake.ts';
import { decodeRecord, encodeRecord } from '../../src/record/code.ts';
import { resultFile } from '../../src/record/result-file.ts';
import { genuineRecord, scenarios, tutorial } from './helpers.ts';

// Reading what HR is handed: files as the game writes them, files built to choke the
// reader, and codes in the text of mails and chats.

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;
const codeOf = (trainee: string) => encodeRecord(genuineRecord(trainee), tutorial.scenario);

describe('result files', () => {
  it('reads a result file the game downloaded, whose record lists session before player', () => {
    const text = readFileSync(`${FIXTURES}results/downloaded-by-the-game.json`, 'utf8');
    const [item] = readText(text, 'tow-alice.json', scenarios);
    expect(item!.error).toBeUndefined();
    expect(item!.record).toMatchObject({ player: 'alice@acme.example', attempt: 1 });
  });

  it('still catches a record edited beside its code, in any order of fields', () => {
    const file = resultFile(genuineRecord('alice'), tutorial.scenario);
    const { player, ...rest } = file.record;
    const reordered = { ...file, record: { player, ...rest } };
    expect(readText(JSON.stringify(reordered), 'f.json', scenarios)[0]!.record).toBeDefined();
    const edited = { ...file, record: { ...rest, player, score: (rest.score ?? 0) + 1 } };
    expect(readText(JSON.stringify(edited), 'f.json', scenarios)[0]!.error).toBe(
      'the file\u2019s record and its code disagree',
    );
  });
});

describe('files built to choke the reader', () => {
  const nested = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

  it('refuses JSON nested deeper than 32 levels, at once, with the cap in the message', () => {
    for (const n of [33, 2000, 200_000]) {
      const t0 = performance.now();
      const items = readText(nested(n), 'deep.json', scenarios);
      expect(performance.now() - t0).toBeLessThan(500);
      expect(items).toEqual([
        {
          source: 'deep.json',
          error: 'nested deeper than 32 levels, the cap for a file of results: not read',
        },
      ]);
    }
    // brackets inside text do not count, and a real list of result files is read
    const file = resultFile(genuineRecord('a'), tutorial.scenario);
    const list = JSON.stringify([{ ...file, note: '['.repeat(100) }]);
    expect(readText(list, 'list.json', scenarios)[0]!.record?.player).toBe('a');
  });

  it('refuses more than 10,000 results in one file, and text over 1 MB', () => {
    const many = JSON.stringify(Array.from({ length: 10_001 }, () => 0));
    expect(readText(many, 'many.json', scenarios)[0]!.error).toBe(
      'holds more than 10,000 results, the cap for one file or paste: split it',
    );
    expect(readText(' '.repeat(1024 * 1024 + 1), 'big.txt', scenarios)[0]!.error).toBe(
      '1.0 MB, over the 1 MB cap for a file or paste of results: not read',
    );
  });

  it('reads 1 MB of text full of fake codes in seconds, with a verdict', () => {
    for (const text of [
      Array(70_000).fill('TOW1-a.bbbbbbb').join('\n'),
      Array(8)
        .fill(`TOW1-a\n${Array(12_000).fill('a.bbbbbbb').join(' ')}`)
        .join('\n'),
    ]) {
      const t0 = performance.now();
      const items = readText(text.slice(0, 1024 * 1024), 'fakes.txt', scenarios);
      expect(performance.now() - t0).toBeLessThan(2000);
      expect(items[0]!.error).toMatch(/more than 10,000 results|cut short/);
    }
  });

  it('says where JSON breaks when there is no code in it', () => {
    const [item] = readText('{\n  "record": {\n    "v": 1,,\n', 'broken.json', scenarios);
    expect(item!.error).toMatch(/^the file is not valid JSON/);
  });
});

describe('codes in any text', () => {
  const [a, b, c, d, e] = ['a', 'b', 'c', 'd', 'e'].map(codeOf);

  it('finds every code in a mail and a chat log, wrapped ones joined, each named by line', () => {
    const text = [
      '[External] Tug of War results',
      `Ana: ${a!.slice(0, 60)}`,
      a!.slice(60),
      `> ${b!.slice(0, 72)}`,
      `> ${b!.slice(72)}`,
      `[10:42] Ben Okafor: ${c}`,
      `[1/2] ${d!.slice(0, 50)}`,
      `[2/2] ${d!.slice(50)}`,
      `10:43 Cy: ${e!.slice(0, 40)}`,
      `10:43 Cy: ${e!.slice(40, 90)}`,
      `10:44 Cy: ${e!.slice(90)} thanks!`,
    ].join('\n');
    const items = readText(text, 'mail.txt', scenarios);
    expect(items.map((i) => [i.source, i.record?.player ?? i.error])).toEqual([
      ['mail.txt, line 2', 'a'],
      ['mail.txt, line 4', 'b'],
      ['mail.txt, line 6', 'c'],
      ['mail.txt, line 7', 'd'],
      ['mail.txt, line 9', 'e'],
    ]);
  });

  it('joins a code wrapped at any point after its TOW1-, after any line prefix', () => {
    for (const prefix of ['', '> ', '[2/2] ', '10:43 Ben Okafor: ', '   ']) {
      for (let k = 'TOW1-'.length; k < a!.length; k++) {
        const text = `see ${a!.slice(0, k)}\n${prefix}${a!.slice(k)}\nBest, Kim`;
        expect(findCodes(text), `${JSON.stringify(prefix)} at ${k}`).toEqual([
          { code: a, line: 1 },
        ]);
      }
    }
  });

  it('reads a code from a quoted-printable mail shown raw, wrapped with "=" every 76 characters', () => {
    // what a mail program sends: lines of at most 76 characters, each wrapped one ending "="
    const quotedPrintable = (text: string) => (text.match(/.{1,75}/g) ?? []).join('=\r\n');
    const body = `Hello Kim, here is my result: ${a} and one more for Ben ${b}`;
    const mail = quotedPrintable(body);
    // the mail's body starts on line 3, after the subject and a blank line
    const lineOf = (code: string) => Math.floor(body.indexOf(code) / 75) + 3;
    expect(lineOf(b!) - lineOf(a!)).toBeGreaterThan(0);
    const items = readText(`Subject: results\r\n\r\n${mail}\r\nBest, Ana`, 'mail.txt', scenarios);
    expect(items.map((i) => [i.source, i.record?.player ?? i.error])).toEqual([
      [`mail.txt, line ${lineOf(a!)}`, 'a'],
      [`mail.txt, line ${lineOf(b!)}`, 'b'],
    ]);
    // one code pasted alone, soft breaks and all, reads the same
    expect(decodeRecord(quotedPrintable(a!), scenarios)).toMatchObject({ ok: true });
  });

  it('joins a first-format code too', () => {
    const { code } = JSON.parse(readFileSync(`${FIXTURES}records/legacy-json.json`, 'utf8')) as {
      code: string;
    };
    expect(findCodes(`${code.slice(0, 100)}\n> ${code.slice(100)}`)).toEqual([{ code, line: 1 }]);
  });

  it('reports a damaged code and keeps every good one around it', () => {
    const cut = b!.slice(0, -3);
    const items = readText(`${a}\n${cut}\n${c}`, 'paste', scenarios);
    expect(items.map((i) => i.record?.player ?? i.error)).toEqual([
      'a',
      'the checksum does not match: the code was changed or cut short when copied',
      'c',
    ]);
  });

  it('reads codes glued to the text after them, and codes in JSON text', () => {
    expect(readText(`${a}Thanks`, 'chat', scenarios)[0]!.record?.player).toBe('a');
    const list = readText(JSON.stringify([a, `Ben: ${b}`]), 'form.json', scenarios);
    expect(list.map((i) => i.record?.player)).toEqual(['a', 'b']);
  });
});
