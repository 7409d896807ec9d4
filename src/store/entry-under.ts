import { modelOfScenario, underModel } from '../sim/index.ts';
import type { ScenarioEntry } from './types.ts';

/**
 * A scenario entry whose game plays by `model`'s rules (the same entry when it already
 * does): a save, a room or an attempt of an earlier model this version replays plays on by
 * its rules (src/sim/model-version.ts).
 */
export const entryUnder = (entry: ScenarioEntry, model: number): ScenarioEntry =>
  modelOfScenario(entry.scenario) === model
    ? entry
    : { ...entry, scenario: underModel(entry.scenario, model) };
