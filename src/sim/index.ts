// The public face of the model: everything outside src/sim imports from here.
export * from './attribution.ts';
export * from './balance-gap.ts';
export * from './census-check.ts';
export * from './census-parts.ts';
export { contactCount, contactNames } from './contacts.ts';
export * from './event-reason.ts';
export * from './explain.ts';
export * from './fair-score.ts';
export * from './fixed.ts';
export * from './grade.ts';
export * from './market.ts';
export * from './model-version.ts';
export * from './money.ts';
export * from './params.ts';
export * from './policies.ts';
export * from './possessive.ts';
export {
  nextSituationId,
  type PreparedChoice,
  type PreparedScenario,
  type PreparedSituation,
  prepared,
  preparedSituation,
  SimError,
  situationById,
} from './prepared.ts';
export * from './quarters-shown.ts';
export * from './rng.ts';
export * from './ropes.ts';
export * from './score.ts';
export * from './share.ts';
export * from './shown-order.ts';
export * from './shown-split.ts';
export * from './situation-text.ts';
export * from './state.ts';
export * from './states-along.ts';
export * from './step.ts';
export * from './strategies.ts';
export * from './style-names.ts';
export * from './types.ts';
export * from './walk.ts';
