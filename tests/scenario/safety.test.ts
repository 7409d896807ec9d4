import { describe, expect, it } from 'vitest';
import { playChoices } from '../../src/sim/index.ts';
import { BASE, edited, errors, load } from './helpers.ts';

// A scenario is data from whoever wrote it. Nothing in it may run code, build objects,
// touch Object.prototype, exhaust memory or the stack, or reach the page as markup.

describe('a scenario file cannot do harm', () => {
  it('refuses YAML tags that would build objects, and never runs what they name', () => {
    (globalThis as { __ran?: boolean }).__ran = false;
    for (const tagged of [
      '!!js/function "function () { globalThis.__ran = true }"',
      '!!binary SGFyYm91cg==',
      '!!set { a, b }',
      '!!timestamp 2026-11-22',
      '!<tag:yaml.org,2002:js/undefined> ""',
      '!custom Harbour',
    ]) {
      const [message] = errors(load(edited(['  name: Harbour Logistics', `  name: ${tagged}`])));
      expect(message).toMatch(/^30:9: customer\.name: the YAML tag .+ is not allowed/);
    }
    expect((globalThis as { __ran?: boolean }).__ran).toBe(false);
  });

  it('keeps __proto__ and constructor keys away from Object.prototype', () => {
    const attempts = [
      ['customer:\n  name', 'customer:\n  __proto__: { polluted: true }\n  name'],
      ['rubric:\n', 'rubric:\n  __proto__: { polluted: true }\n'],
      ['  weights: {', '  weights: { __proto__: 0.1, constructor: 0.1,'],
      [
        '        effects: { alignment: 0.15 }',
        '        effects: { alignment: 0.15 }\n        members: { constructor: { morale: 0.1 } }',
      ],
    ] as const;
    for (const [old, replacement] of attempts) {
      const result = load(edited([old, replacement]));
      expect(result.ok).toBe(false);
      expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
      expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    }
  });

  it('plays a style named "constructor" as a neutral style, not as Object.constructor', () => {
    const result = load(
      edited(
        ['quarters: 3\n', 'quarters: 3\nstyles: [directive, collaborative, constructor]\n'],
        [
          '        style: collaborative\n        effects: { alignment: -0.2',
          '        style: constructor\n        effects: { alignment: -0.2',
        ],
      ),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.params.styles.constructor).toEqual({
      effort: 0,
      morale: 0,
      autonomy: 0,
      trust: 0,
      forced: 0,
      converge: 0,
      rebound: 0,
    });
    const end = playChoices(result.scenario, '1', ['discount', 'let-them', 'match-now']);
    expect(end.situationId).toBeNull();
    expect(Number.isFinite(end.history.at(-1)!.metrics.share)).toBe(true);
  });

  it('gives plain data only: what loads survives a JSON round trip unchanged', () => {
    const result = load(BASE);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(JSON.parse(JSON.stringify(result.scenario))).toEqual(result.scenario);
  });

  it('keeps text with HTML as text, and warns the author that it will show literally', () => {
    const markup = '<img src=x onerror="alert(1)"><b>Harbour</b>';
    const result = load(edited(['  name: Harbour Logistics', `  name: '${markup}'`]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.customer.name).toBe(markup);
    expect(result.warnings.map((w) => `${w.line}:${w.path}: ${w.message}`)).toEqual([
      '30:customer.name: this text looks like HTML; the game shows it as plain text, tags and all, so write it without markup',
    ]);
  });

  it('stops an alias bomb before it expands', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (const [name, prev] of [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
      ['e', 'd'],
      ['f', 'e'],
      ['g', 'f'],
      ['h', 'g'],
    ]) {
      bomb.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    const start = performance.now();
    const [message] = errors(load(bomb.join('\n')));
    expect(message).toMatch(/^2:\d+: : aliases \(\*name\) here expand into too much data/);
    expect(performance.now() - start).toBeLessThan(5000); // 10^8 strings if it expanded
  });

  it('refuses files too large to be a scenario, without parsing them', () => {
    const huge = `${BASE}\n# ${'x'.repeat(600 * 1024)}\n`;
    expect(errors(load(huge))).toEqual([
      `1:1: : the file has ${huge.length} characters, more than the 524288 a scenario may have; a scenario is a few pages of text`,
    ]);
  });

  it('refuses nesting far deeper than the format, in flow and in block style', () => {
    const flow = `goals: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    expect(errors(load(flow))[0]).toMatch(/nest far too deeply|nest \d+ levels deep/);
    const block = Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    expect(errors(load(`${block} 1\n`))[0]).toMatch(
      /nest \d+ levels deep here; the format never goes beyond 16/,
    );
  });

  it('refuses invisible control characters inside text', () => {
    expect(
      errors(load(edited(['title: "The first meeting"', 'title: "The first\\u0000 meeting"']))),
    ).toEqual([
      '38:12: situations[0].title: this text holds an invisible control character (U+0000); remove it',
    ]);
  });

  it('refuses direction controls and zero-width characters in any text, pointing at them', () => {
    for (const [char, name] of [
      ['\u202e', 'U+202E RIGHT-TO-LEFT OVERRIDE'],
      ['\u2067', 'U+2067 RIGHT-TO-LEFT ISOLATE'],
      ['\u200f', 'U+200F RIGHT-TO-LEFT MARK'],
      ['\u202a', 'U+202A LEFT-TO-RIGHT EMBEDDING'],
    ]) {
      expect(
        errors(load(edited(['title: "The first meeting"', `title: "The first${char} meeting"`]))),
      ).toEqual([
        `38:22: situations[0].title: this text holds an invisible direction control (${name}), which would reverse the game's own text around it; remove it`,
      ]);
    }
    for (const [char, name] of [
      ['\u200b', 'U+200B ZERO WIDTH SPACE'],
      ['\u2060', 'U+2060 WORD JOINER'],
      ['\ufeff', 'U+FEFF ZERO WIDTH NO-BREAK SPACE'],
      ['\u200d', 'U+200D ZERO WIDTH JOINER'],
    ]) {
      expect(
        errors(load(edited(['  name: Harbour Logistics', `  name: Har${char}bour Logistics`]))),
      ).toEqual([
        `30:12: customer.name: this text holds an invisible character (${name}), which makes it read as something other than what it shows; remove it`,
      ]);
    }
    // written as an escape, the character is not in the file: the text itself is pointed at
    expect(
      errors(load(edited(['  name: Harbour Logistics', '  name: "Harbour \\u202eLogistics"'])))[0],
    ).toMatch(/^30:9: customer\.name: this text holds an invisible direction control \(U\+202E/);
  });

  it('keeps every error message the right way round, whatever the file quotes', () => {
    const result = load(
      edited(['  name: Harbour Logistics', '  name: Harbour Logistics\n  "na\u202eme": 1']),
    );
    expect(errors(result)).toEqual([
      `31:6: customer["na\\u202Eme"]: this text holds an invisible direction control (U+202E RIGHT-TO-LEFT OVERRIDE), which would reverse the game's own text around it; remove it`,
    ]);
  });

  it('accepts the joiners that emoji and Persian text need', () => {
    const result = load(
      edited(
        ['  name: Harbour Logistics', '  name: "Harbour Logistics 👩\u200d💻"'],
        ['title: "The first meeting"', 'title: "The first meeting (می\u200cخواهم)"'],
      ),
    );
    expect(result.ok).toBe(true);
  });

  it('refuses a __proto__ among the members or the styles instead of dropping it', () => {
    const member = load(
      edited([
        '        effects: { alignment: 0.15 }',
        '        effects: { alignment: 0.15 }\n        members: { __proto__: { morale: 0.5 } }',
      ]),
    );
    expect(errors(member)).toEqual([
      '82:20: situations[1].choices[0].members.__proto__: unknown key: "__proto__" has no meaning in a scenario; remove it',
    ]);
    const style = load(
      edited(['quarters: 3\n', 'quarters: 3\nparams:\n  styles: { __proto__: { morale: 0.5 } }\n']),
    );
    expect(errors(style)).toEqual([
      '15:13: params.styles.__proto__: unknown key: "__proto__" has no meaning in a scenario; remove it',
    ]);
  });

  it('refuses text after the end of the document, and allows comments there', () => {
    expect(errors(load(`${BASE}... and more text\n`))).toEqual([
      `${BASE.split('\n').length}:5: : text after the end of the YAML document (the "..." on line ${BASE.split('\n').length}); the game ignores it or misreads it as a second document: remove the "..." line, or what follows it`,
    ]);
    expect(errors(load(`${BASE}...\n%YAML 1.2\n`))[0]).toMatch(
      /^\d+:1: : text after the end of the YAML document/,
    );
    expect(load(`${BASE}... # the end\n\n# notes for the next facilitator\n`).ok).toBe(true);
  });

  it('reads a file with a byte-order mark or Windows line ends like any other', () => {
    const plain = load(BASE);
    const bom = load(`\ufeff${BASE}`);
    const crlf = load(BASE.replace(/\n/g, '\r\n'));
    expect(plain.ok && bom.ok && crlf.ok).toBe(true);
    if (!plain.ok || !bom.ok || !crlf.ok) return;
    expect(bom.hash).toBe(plain.hash);
    expect(crlf.scenario.situations[0]!.text).toBe(plain.scenario.situations[0]!.text);
  });

  it('keeps every error on one line, whatever the file holds', () => {
    const result = load(edited(['  name: Harbour Logistics', '  "na\\nme": Harbour Logistics']));
    for (const line of errors(result)) expect(line).not.toMatch(/\n/);
    expect(errors(result)).toContain('30:3: customer["na\\nme"]: unknown key; did you mean name?');
  });
});
