// What the SCORM package was built for (npm run build:scorm -- --scenario ID --pass N):
// baked in at build time, because an LMS launches the package with no settings of ours.

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

type Env = Record<string, string | boolean | undefined>;

export function lmsConfig(env: Env): LmsConfig {
  const text = (key: string) => {
    const v = env[key];
    return typeof v === 'string' && v !== '' ? v : null;
  };
  const pass = Number(text('VITE_TOW_SCORM_PASS') ?? '60');
  const attempts = Number(text('VITE_TOW_SCORM_ATTEMPTS') ?? '1');
  return {
    scenario: text('VITE_TOW_SCORM_SCENARIO'),
    passMark: Number.isInteger(pass) && pass >= 0 && pass <= 100 ? pass : 60,
    attempts: Number.isInteger(attempts) && attempts >= 1 && attempts <= 99 ? attempts : 1,
    keep: text('VITE_TOW_SCORM_KEEP') === 'best' ? 'best' : 'first',
    seed: text('VITE_TOW_SCORM_SEED') ?? 'scorm',
  };
}
