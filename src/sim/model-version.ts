// The version of the model: the rules that turn a seed and choices into a game. Everything
// that keeps a result (a session record, a result code and file, a saved game, a kept
// census) is stamped with it, because a game replayed by another model is another game.
// Raise it whenever a change makes any seed and choices replay differently.

export const MODEL_VERSION = 1;

/** What a result made before results were stamped counts as: they all came from model 1. */
export const UNSTAMPED_MODEL = 1;

/** Why a result of another model cannot be replayed here; null when it is this model's. */
export function otherModel(model: number, what: string): string | null {
  if (model === MODEL_VERSION) return null;
  return `${what} was made by model ${model} of the simulation; this version of the game runs model ${MODEL_VERSION} and cannot replay it`;
}
