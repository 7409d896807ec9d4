import type { ScenarioDef } from './types.ts';

// The version of the model: the rules that turn a seed and choices into a game. Everything
// that keeps a result (a session record, a result code and file, a saved game, a kept
// census) is stamped with it, because a game replayed by another model is another game.
// Raise it whenever a change makes any seed and choices replay differently, and add a line
// to the changelog below.
//
// 1: label-based style dynamics (a reply's style carried its own effects).
// 2: situational: what a reply does (its acts) is answered by the state the player built;
//    next year's outlook counts in the score.
// 3: rounds only what engines may compute differently (see fixed.ts), and turns rope
//    angles by a polynomial: every figure moves by millionths, and a census takes half the time.
//    Contacts are kept as bit sets, so shareContacts hands a rep's contacts to the company in
//    the order of the customer's departments (no score of the shipped scenarios moved).

//    Model 3 then changed twice without a new number. Release 0da0db7 made a person leave
//    once (an event that makes someone leave no longer comes up after they have gone), which
//    moved a quarter of who-owns's directive and random games; release b439f31's editions are
//    replayed under the earlier rule (ScenarioDef.leavesTwice, src/record/edition.ts). A
//    reply that takes someone off the team now also stops their leaving event that quarter;
//    no shipped scenario's game moved. tests/record/releases.test.ts now replays results
//    each release made, so the next such change fails there.
// 4: the reps' earnings are the commission shared over every seat the team started with
//    (step.ts), so a person who leaves no longer raises everyone else's earnings (model 3
//    shared it among those still there: about three points of score for losing one of
//    four). Only games in which someone leaves moved (who-owns, distrustful-account).
//
// A result, save, room or attempt of an earlier model the game can still replay
// (REPLAYABLE_MODELS) is replayed and continued under that model's rules: it is replayed on
// underModel(scenario, model), whose `model` field the rules read (ScenarioDef.model).

export const MODEL_VERSION = 4;

/** The models whose results this version replays: its own, and those whose rules it keeps. */
export const REPLAYABLE_MODELS: readonly number[] = [3, 4];

/** What a result made before results were stamped counts as: they all came from model 1. */
export const UNSTAMPED_MODEL = 1;

/** Why a result of another model cannot be replayed here; null when this version can replay it. */
export function otherModel(model: number, what: string): string | null {
  if (REPLAYABLE_MODELS.includes(model)) return null;
  return `${what} was made by model ${model} of the simulation; this version of the game runs model ${MODEL_VERSION}, replays ${modelList(REPLAYABLE_MODELS)}, and cannot replay it`;
}

const modelList = (models: readonly number[]): string =>
  models.length === 1
    ? `model ${models[0]}`
    : `models ${models.slice(0, -1).join(', ')} and ${models[models.length - 1]}`;

/** The model a scenario object is replayed under: its `model`, else this version's. */
export const modelOfScenario = (scenario: Pick<ScenarioDef, 'model'>): number =>
  scenario.model ?? MODEL_VERSION;

// One object per scenario and model: prepared() and the census caches know a scenario by
// its identity, so replaying many results of one model must not make a new object each time.
const underEarlier = new WeakMap<ScenarioDef, Map<number, ScenarioDef>>();

/**
 * The scenario to replay or continue something `model` made with: the scenario itself for
 * this version's model, else a copy that carries the model, whose rules the step reads.
 * The same (scenario, model) gives the same object every time. A model this version cannot
 * replay has no rules here: the scenario itself (otherModel says why such a result is refused).
 */
export function underModel<S extends ScenarioDef>(scenario: S, model: number): S {
  if (modelOfScenario(scenario) === model || !REPLAYABLE_MODELS.includes(model)) return scenario;
  let byModel = underEarlier.get(scenario);
  if (!byModel) {
    byModel = new Map();
    underEarlier.set(scenario, byModel);
  }
  let replayed = byModel.get(model);
  if (!replayed) {
    replayed = { ...scenario, model };
    byModel.set(model, replayed);
  }
  return replayed as S;
}
