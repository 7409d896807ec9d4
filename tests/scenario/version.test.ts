import { describe, expect, it } from 'vitest';
import {
  compareVersions,
  MIN_SCHEMA_VERSION,
  parseVersion,
  SCHEMA_VERSION,
  versionProblem,
} from '../../src/scenario/version.ts';
import { edited, errors, load } from './helpers.ts';

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
      ['schemaVersion: "1.0"', 'schemaVersion: "1.1"'],
      ['quarters: 3\n', 'quarters: 3\nmusic: harbour-theme\n'],
    );
    expect(errors(load(future))).toEqual([
      `2:16: schemaVersion: this scenario is written for format 1.1, newer than this game reads (format ${SCHEMA_VERSION}): update the game, or ask the scenario's author for a ${SCHEMA_VERSION} version`,
    ]);
  });

  it('says clearly when a file is older than the oldest format this game reads', () => {
    expect(errors(load(edited(['schemaVersion: "1.0"', 'schemaVersion: "0.3"'])))).toEqual([
      `2:16: schemaVersion: format 0.3 is older than this game reads (format ${MIN_SCHEMA_VERSION}); change it to "${SCHEMA_VERSION}" and fix what scenario:check then reports (docs/authoring.md lists what changed)`,
    ]);
  });

  it('wants the version quoted, since YAML reads 1.10 as the number 1.1', () => {
    expect(versionProblem(1.1)).toMatch(/^write the version in quotes, as "1\.0"/);
    expect(versionProblem(true)).toMatch(/quoted string/);
    expect(versionProblem('latest')).toMatch(/^expected a version such as "1\.0"/);
  });
});
