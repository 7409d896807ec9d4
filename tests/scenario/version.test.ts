import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeRecord, verify } from '../../src/record/record.ts';
import {
  compareVersions,
  MIN_SCHEMA_VERSION,
  parseVersion,
  SCHEMA_VERSION,
  versionProblem,
} from '../../src/scenario/version.ts';
import { playPolicy } from '../../src/sim/index.ts';
import { BASE, edited, errors, IN_FORMAT_1_1, load } from './helpers.ts';

// The format version is read before anything else: a file from a newer game must say
// "update the game", not list the new keys as unknown.

describe('scenario format versions', () => {
  it('compares versions as numbers, so 1.10 comes after 1.9', () => {
    expect(compareVersions(parseVersion('1.10')!, parseVersion('1.9')!)).toBeGreaterThan(0);
    expect(compareVersions(parseVersion('2.0')!, parseVersion('1.99')!)).toBeGreaterThan(0);
    expect(compareVersions(parseVersion('1.0')!, parseVersion('1.0')!)).toBe(0);
    expect(parseVersion('1')).toBeNull();
    expect(parseVersion('1.0.2')).toBeNull();
    expect(parseVersion('v1.0')).toBeNull();
  });

  it('reads every version from the oldest it supports to the current one', () => {
    expect(versionProblem(SCHEMA_VERSION)).toBeNull();
    expect(versionProblem(MIN_SCHEMA_VERSION)).toBeNull();
  });

  it('asks for a newer game when the file is newer, even with keys this game does not know', () => {
    const future = edited(
      ['schemaVersion: "1.0"', 'schemaVersion: "1.3"'],
      ['quarters: 3\n', 'quarters: 3\nmusic: harbour-theme\n'],
    );
    expect(errors(load(future))).toEqual([
      "2:16: schemaVersion: this file needs a newer version of Tug of War (format 1.3); this copy reads formats 1.0–1.2: update the game, or ask the scenario's author for a version in format 1.2",
    ]);
  });

  it('says clearly when a file is older than the oldest format this game reads', () => {
    expect(errors(load(edited(['schemaVersion: "1.0"', 'schemaVersion: "0.3"'])))).toEqual([
      '2:16: schemaVersion: format 0.3 is older than this game reads (formats 1.0–1.2); change it to "1.2" and fix what scenario:check then reports (docs/authoring.md lists what changed)',
    ]);
  });

  it('wants the version quoted, since YAML reads 1.10 as the number 1.1', () => {
    expect(versionProblem(1.1)).toMatch(/^write the version in quotes, as "1\.2"/);
    expect(versionProblem(true)).toMatch(/quoted string/);
    expect(versionProblem('latest')).toMatch(/^expected a version such as "1\.2"/);
  });
});

describe('format 1.1 beside 1.0', () => {
  const ALTERNATIVE = [
    '    kind: crisis\n    text: >-\n      BrewCo learns',
    '    kind: crisis\n    alternatives:\n      - after: [depot-visit]\n        text: "BrewCo heard of your visit."\n    text: >-\n      BrewCo learns',
  ] as [string, string];

  it('reads a 1.0 file as it is, and the same file declared 1.1', () => {
    expect(load(BASE).ok).toBe(true);
    expect(load(edited(IN_FORMAT_1_1)).ok).toBe(true);
  });

  /** A load's warnings, as `line:col: path: message`. */
  const warnings = (text: string) => {
    const result = load(text);
    expect(result.ok, 'the file loads').toBe(true);
    return result.ok
      ? result.warnings.map((i) => `${i.line}:${i.col}: ${i.path}: ${i.message}`)
      : [];
  };

  it('warns a 1.0 file that uses a part 1.1 added, at that part, saying what to write, and still loads it', () => {
    expect(warnings(edited(ALTERNATIVE))).toEqual([
      '96:5: situations[2].alternatives: a situation\'s `alternatives` came with format 1.1, and this file declares format 1.0: write schemaVersion: "1.1" at the top of the file, so that an older copy of Tug of War says it needs updating instead of failing here',
    ]);
    expect(warnings(edited(IN_FORMAT_1_1, ALTERNATIVE))).toEqual([]);
  });

  it("warns a 1.0 file that gives a reply alternatives, at the reply's alternatives", () => {
    const replyAlternative: [string, string] = [
      '        label: "Ask to visit the depot and learn how the kitchens are used"\n',
      '        label: "Ask to visit the depot and learn how the kitchens are used"\n        alternatives:\n          - when: { trust: { above: 0.5 } }\n            label: "Ask to visit the depot after all"\n',
    ];
    const said = warnings(edited(replyAlternative));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(
      /^\d+:\d+: situations\[0\]\.choices\[1\]\.alternatives: a reply's `alternatives` came with format 1\.1/,
    );
    expect(warnings(edited(IN_FORMAT_1_1, replyAlternative))).toEqual([]);
  });

  it('says it once, at the first place, for a file that uses 1.1 and 1.2 all over, asking for 1.2', () => {
    const whoOwns = readFileSync(new URL('../../scenarios/who-owns.yaml', import.meta.url), 'utf8');
    const in10 = whoOwns.replace(/^schemaVersion: "1\.\d+"$/m, 'schemaVersion: "1.0"');
    expect(in10).not.toBe(whoOwns);
    const said = warnings(in10);
    expect(said).toHaveLength(1);
    // the first place is 1.1's, but the file also uses 1.2's `markets`: one line fixes both
    expect(said[0]).toMatch(
      /^\d+:\d+: markets\[0\]\.name: a market variant's `name` came with format 1\.1, and this file declares format 1\.0: write schemaVersion: "1\.2" .* \(this fixes the \d+ other places that use formats 1\.1 and 1\.2 too\)$/,
    );
  });

  it('gives a scenario the same fingerprint in either version, the one it had before 1.1', () => {
    // the base scenario as it was then: its first band has since moved to the pass mark
    const THEN: [string, string] = [
      '    - { min: 50, text: "You moved',
      '    - { min: 70, text: "You moved',
    ];
    const old = load(edited(THEN));
    const restated = load(edited(THEN, IN_FORMAT_1_1));
    if (!old.ok || !restated.ok) throw new Error('the base scenario loads');
    // the base scenario's hash as the game computed it before format 1.1 existed
    expect(old.hash).toBe('cdb34ffdd48e18e3');
    expect(restated.hash).toBe(old.hash);
    expect(restated.scenario.schemaVersion).toBe('1.1');
  });

  it('checks a result played on the 1.0 file against the scenario restated as 1.1', () => {
    const old = load(BASE);
    const restated = load(edited(IN_FORMAT_1_1));
    if (!old.ok || !restated.ok) throw new Error('the base scenario loads');
    const { state: played } = playPolicy(old.scenario, 'v-1', 'collaborative');
    const record = makeRecord(old.scenario, old.hash, played);
    const now = new Map([[restated.scenario.id, restated]]);
    expect(verify(record, now)).toMatchObject({ genuine: true });
    // and an edited scenario is still caught: the version is the only thing left out
    const changed = load(edited(IN_FORMAT_1_1, ['quarters: 3\n', 'quarters: 2\n']));
    if (changed.ok) expect(changed.hash).not.toBe(old.hash);
  });
});
