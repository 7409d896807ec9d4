import { DEFAULT_PASS_MARK } from '../sim/index.ts';

// What an LMS package was built for (npm run build:scorm -- --scenario ID --pass N, or
// build:cmi5): baked in at build time, because an LMS launches the package with no
// settings of ours. A cmi5 package's settings are named VITE_TOW_CMI5_*, a SCORM package's
// VITE_TOW_SCORM_* (the names SCORM packages have always had); VITE_TOW_LMS_FORMAT says
// which package it is.

export interface LmsConfig {
  /** the scenario to play; null: the first bundled one */
  scenario: string | null;
  passMark: number;
  /** attempts the learner is told they have (the count is shown, not enforced) */
  attempts: number;
  /** which finished game the LMS keeps: the first, or the best of every game, relaunches included */
  keep: KeepPolicy;
  /** the package's seed: each learner's market is derived from it and their LMS id */
  seed: string;
}

export type KeepPolicy = 'first' | 'best';
export const KEEP_POLICIES: readonly KeepPolicy[] = ['first', 'best'];

export type LmsFormat = 'scorm12' | 'cmi5';
export const FORMAT_SETTING = 'VITE_TOW_LMS_FORMAT';
const PREFIXES: Record<LmsFormat, string> = {
  scorm12: 'VITE_TOW_SCORM_',
  cmi5: 'VITE_TOW_CMI5_',
};
const SETTINGS = ['SCENARIO', 'PASS', 'ATTEMPTS', 'KEEP', 'SEED'] as const;
type Setting = (typeof SETTINGS)[number];

type Env = Record<string, string | boolean | undefined>;

const text = (env: Env, key: string) => {
  const v = env[key];
  return typeof v === 'string' && v !== '' ? v : null;
};

/** The package this build makes: cmi5 when it says so, SCORM 1.2 when it has SCORM settings; null: the site. */
export function lmsFormat(env: Env): LmsFormat | null {
  const format = text(env, FORMAT_SETTING);
  if (format === 'cmi5' || format === 'scorm12') return format;
  return SETTINGS.some((s) => text(env, PREFIXES.scorm12 + s) !== null) ? 'scorm12' : null;
}

/** The settings of a package of `format`, named as that package reads them. */
export function lmsSettings(
  format: LmsFormat,
  values: Record<Lowercase<Setting>, string>,
): Record<string, string> {
  const out: Record<string, string> = { [FORMAT_SETTING]: format };
  for (const s of SETTINGS)
    out[PREFIXES[format] + s] = values[s.toLowerCase() as Lowercase<Setting>];
  return out;
}

/**
 * Why a build's settings cannot make the package it names, or null: a cmi5 build given a
 * SCORM package's names would quietly bake in the defaults instead.
 */
export function lmsSettingsProblem(env: Env): string | null {
  if (lmsFormat(env) !== 'cmi5') return null;
  const scorm = SETTINGS.map((s) => PREFIXES.scorm12 + s).filter((k) => text(env, k) !== null);
  if (scorm.length === 0) return null;
  return `a cmi5 package reads its settings from VITE_TOW_CMI5_* names; ${scorm.join(', ')} ${scorm.length === 1 ? 'is a SCORM setting' : 'are SCORM settings'}: use ${scorm.map((k) => k.replace(PREFIXES.scorm12, PREFIXES.cmi5)).join(', ')}`;
}

/**
 * Why a package cannot offer `attempts` attempts that count under `keep`, or null. With
 * "first" the LMS keeps the first finished game, so a second attempt could never count:
 * offering one would tell the learner a replay still decides their result.
 */
export function attemptsProblem(keep: KeepPolicy, attempts: number): string | null {
  if (keep !== 'first' || attempts <= 1) return null;
  return `--attempts ${attempts} with --keep first: the learning system keeps only the first finished game, so no later attempt could count. Use --keep best to let ${attempts} attempts count (the best one is kept), or leave --attempts out (1)`;
}

export function lmsConfig(env: Env): LmsConfig {
  const prefix = PREFIXES[lmsFormat(env) ?? 'scorm12'];
  const setting = (s: Setting) => text(env, prefix + s);
  const pass = Number(setting('PASS') ?? DEFAULT_PASS_MARK);
  const asked = Number(setting('ATTEMPTS') ?? '1');
  const keep: KeepPolicy = setting('KEEP') === 'best' ? 'best' : 'first';
  const attempts = Number.isInteger(asked) && asked >= 1 && asked <= 99 ? asked : 1;
  return {
    scenario: setting('SCENARIO'),
    passMark: Number.isInteger(pass) && pass >= 0 && pass <= 100 ? pass : DEFAULT_PASS_MARK,
    // a package built before attemptsProblem refused it: only its first attempt counts,
    // so the debrief offers the rest as practice, never as attempts
    attempts: attemptsProblem(keep, attempts) === null ? attempts : 1,
    keep,
    seed: setting('SEED') ?? 'scorm',
  };
}
