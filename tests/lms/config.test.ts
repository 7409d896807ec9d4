import { describe, expect, it } from 'vitest';
import { attemptsProblem, lmsConfig, lmsFormat, lmsSettingsProblem } from '../../src/lms/config.ts';
import { cmi5Env } from './cmi5-harness.ts';
import { env as scormEnv } from './harness.ts';

// A package's settings are read under the names its format has: a cmi5 package's
// VITE_TOW_CMI5_*, a SCORM package's VITE_TOW_SCORM_* (as SCORM packages always were).

describe("an LMS package's settings", () => {
  it('reads a cmi5 package from its VITE_TOW_CMI5_* names', () => {
    const env = { ...cmi5Env('who-owns', 72, 'best'), VITE_TOW_CMI5_ATTEMPTS: '3' };
    expect(lmsFormat(env)).toBe('cmi5');
    expect(lmsConfig(env)).toEqual({
      scenario: 'who-owns',
      passMark: 72,
      attempts: 3,
      keep: 'best',
      seed: 'pkg1',
    });
    expect(lmsSettingsProblem(env)).toBeNull();
  });

  it('still reads a SCORM package from the VITE_TOW_SCORM_* names, with or without its format named', () => {
    const old = scormEnv('silos', 55, 'best');
    expect(lmsFormat(old)).toBe('scorm12');
    expect(lmsConfig(old)).toMatchObject({ scenario: 'silos', passMark: 55, keep: 'best' });
    const named = { ...old, VITE_TOW_LMS_FORMAT: 'scorm12' };
    expect(lmsConfig(named)).toEqual(lmsConfig(old));
    expect(lmsSettingsProblem(named)).toBeNull();
  });

  it('refuses a cmi5 build given SCORM names, naming the ones to use', () => {
    const mixed = { VITE_TOW_LMS_FORMAT: 'cmi5', VITE_TOW_SCORM_PASS: '80' };
    expect(lmsSettingsProblem(mixed)).toBe(
      'a cmi5 package reads its settings from VITE_TOW_CMI5_* names; VITE_TOW_SCORM_PASS is a SCORM setting: use VITE_TOW_CMI5_PASS',
    );
  });

  it('counts one attempt in a package built to keep the first result with more (before builds refused it)', () => {
    const old = { ...scormEnv('silos', 55, 'first'), VITE_TOW_SCORM_ATTEMPTS: '2' };
    expect(lmsConfig(old)).toMatchObject({ keep: 'first', attempts: 1 });
    const best = { ...scormEnv('silos', 55, 'best'), VITE_TOW_SCORM_ATTEMPTS: '2' };
    expect(lmsConfig(best)).toMatchObject({ keep: 'best', attempts: 2 });
  });

  it('says why more attempts cannot count when only the first result is kept', () => {
    expect(attemptsProblem('first', 1)).toBeNull();
    expect(attemptsProblem('best', 3)).toBeNull();
    expect(attemptsProblem('first', 3)).toMatch(
      /^--attempts 3 with --keep first: .*Use --keep best/,
    );
  });

  it('names no package for the plain site', () => {
    expect(lmsFormat({ VITE_SOMETHING: 'x' })).toBeNull();
    expect(lmsSettingsProblem({})).toBeNull();
  });
});
