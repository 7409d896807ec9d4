import { traineeSeed } from '../../src/hr/binding.ts';
import { makeRecord, type RecordExtra, type SessionRecord } from '../../src/record/record.ts';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { playPolicy, type ScenarioDef } from '../../src/sim/index.ts';

export const bundled = loadBundledScenarios();
export const scenarios = new Map(bundled.map((b) => [b.scenario.id, b]));
export const tutorial = scenarios.get('tutorial')!;

/** A genuine finished assignment game played by a seeded random policy. */
export function genuineRecord(
  trainee: string,
  attempt = 1,
  opts: {
    session?: string;
    seed?: string;
    perTrainee?: boolean;
    scenario?: ScenarioDef;
    hash?: string;
    /** the assignment's terms and finishing day, as a game of format 2 writes them */
    assessed?: Pick<RecordExtra, 'terms' | 'finished'>;
  } = {},
): SessionRecord {
  const session = opts.session ?? 'acme-q3';
  const base = opts.seed ?? 's42';
  const seed = opts.perTrainee === false ? base : traineeSeed(session, base, trainee);
  const scenario = opts.scenario ?? tutorial.scenario;
  const hash = opts.hash ?? tutorial.hash;
  const { state } = playPolicy(scenario, seed, 'random');
  return makeRecord(scenario, hash, state, {
    player: trainee,
    session,
    attempt,
    ...opts.assessed,
  });
}
