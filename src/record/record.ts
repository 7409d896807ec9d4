import {
  modelOfScenario,
  type Outcomes,
  otherModel,
  outcomes,
  playChoices,
  type ScenarioDef,
  SimError,
  type SimState,
  type StepOptions,
  score,
  UNSTAMPED_MODEL,
  underModel,
} from '../sim/index.ts';
import { playedOn } from './edition.ts';
import type { AssignmentTerms } from './terms.ts';
import { GAME_VERSION, MIN_RECORD_VERSION, RECORD_VERSION } from './version.ts';

// A finished (or unfinished) game is a seed and a list of choices; everything else is
// recomputed by replay. What a record claims (the score) is kept only to be checked.

export interface SessionRecord {
  /** record format version */
  v: number;
  game: string;
  /** the model version that played it (MODEL_VERSION); absent in records made before it was kept: model 1 */
  model?: number;
  scenario: string;
  /** content hash of the scenario the game was played on */
  hash: string;
  seed: string;
  choices: string[];
  player?: string;
  /** workshop or assignment this game was played for */
  session?: string;
  attempt?: number;
  /** an assessed game's pass mark, attempts allowed and due date, from its link */
  terms?: AssignmentTerms;
  /** the day the game was finished (YYYY-MM-DD) by the trainee's clock: a claim, like the score */
  finished?: string;
  /** the score the player's game showed; verify() checks it against the replay */
  score?: number;
}

/** The optional fields a game adds to its record, besides the score. */
export type RecordExtra = Pick<
  SessionRecord,
  'player' | 'session' | 'attempt' | 'terms' | 'finished'
>;

/**
 * The record with its fields in the one order a result code reads them back in, so a
 * result file's record and its code print the same JSON (src/hr/intake.ts compares them).
 */
export function inFieldOrder(r: SessionRecord): SessionRecord {
  const t = r.terms;
  return {
    v: r.v,
    game: r.game,
    ...(r.model !== undefined ? { model: r.model } : {}),
    scenario: r.scenario,
    hash: r.hash,
    seed: r.seed,
    choices: r.choices,
    ...(r.player !== undefined ? { player: r.player } : {}),
    ...(r.session !== undefined ? { session: r.session } : {}),
    ...(r.attempt !== undefined ? { attempt: r.attempt } : {}),
    ...(t !== undefined
      ? {
          terms: {
            passMark: t.passMark,
            attempts: t.attempts,
            ...(t.due !== undefined ? { due: t.due } : {}),
          },
        }
      : {}),
    ...(r.finished !== undefined ? { finished: r.finished } : {}),
    ...(r.score !== undefined ? { score: r.score } : {}),
  };
}

/**
 * Whether two records say the same thing: the game writes its fields in one order and a
 * code reads them back in another, and neither order means anything.
 */
export function sameRecord(a: SessionRecord, b: SessionRecord): boolean {
  return JSON.stringify(inFieldOrder(a)) === JSON.stringify(inFieldOrder(b));
}

export interface Replay {
  state: SimState;
  score: number;
  outcomes: Outcomes;
  finished: boolean;
}

export function makeRecord(
  scenario: ScenarioDef,
  hash: string,
  state: SimState,
  extra: RecordExtra = {},
): SessionRecord {
  const finished = state.situationId === null;
  return inFieldOrder({
    v: RECORD_VERSION,
    game: GAME_VERSION,
    // the model it was played by: this one's, or an earlier one's a game resumed from then
    model: modelOfScenario(scenario),
    scenario: scenario.id,
    hash,
    seed: state.seed,
    choices: [...state.choices],
    ...extra,
    ...(finished ? { score: score(scenario.rubric, state) } : {}),
  });
}

/** `trace: false` skips the causes, for checking a record, which needs only outcomes. */
export function replay(
  scenario: ScenarioDef,
  record: SessionRecord,
  options: StepOptions = {},
): Replay {
  const state = playChoices(scenario, record.seed, record.choices, options);
  return {
    state,
    score: score(scenario.rubric, state),
    outcomes: outcomes(state),
    finished: state.situationId === null,
  };
}

/**
 * Whether a game version replays like this one. Semantic versioning: the major number,
 * and while it is 0 the minor number too, since 0.x releases may change the model.
 */
export function sameModel(a: string, b: string): boolean {
  const [aMajor, aMinor] = a.split('.');
  const [bMajor, bMinor] = b.split('.');
  return aMajor === bMajor && (aMajor !== '0' || aMinor === bMinor);
}

/** The model that made a record: records from before the stamp were all model 1's. */
export const modelOf = (record: { model?: number | undefined }): number =>
  record.model ?? UNSTAMPED_MODEL;

/**
 * The scenario a record is replayed on: the edition it was played on (playedOn), under the
 * rules of the model that played it (underModel), so its score, fair score and debrief are
 * the ones its game showed. Undefined when the game has no scenario of its id.
 */
export function replayedOn<E extends { scenario: ScenarioDef; hash: string }>(
  scenarios: Pick<ReadonlyMap<string, E>, 'get'>,
  record: Pick<SessionRecord, 'scenario' | 'hash' | 'model'>,
): E | undefined {
  const entry = playedOn(scenarios, record.scenario, record.hash);
  return entry && { ...entry, scenario: underModel(entry.scenario, modelOf(record)) };
}

/** A genuine record's replay, and the scenario it was replayed on (see replayedOn). */
export type Verdict =
  | { genuine: true; replay: Replay; scenario: ScenarioDef }
  | { genuine: false; reason: string };

/**
 * Replays the record on the scenario it names and says whether it is what it claims.
 * `scenarios` maps scenario id to the scenario and its content hash.
 */
export function verify(
  record: SessionRecord,
  scenarios: Pick<ReadonlyMap<string, { scenario: ScenarioDef; hash: string }>, 'get'>,
): Verdict {
  if (record.v > RECORD_VERSION) {
    return {
      genuine: false,
      reason: `record format ${record.v} is newer than this game (${RECORD_VERSION}): update the game`,
    };
  }
  if (record.v < MIN_RECORD_VERSION) {
    return {
      genuine: false,
      reason: `record format ${record.v} is older than this game reads (${MIN_RECORD_VERSION})`,
    };
  }
  // before the scenario: a later model may bring scenarios this one has never heard of
  const model = otherModel(modelOf(record), 'this result');
  if (model) return { genuine: false, reason: model };
  // the scenario as it was played: an earlier edition of a shipped one where it is kept,
  // under the rules of the model that played it
  const entry = replayedOn(scenarios, record);
  if (!entry) return { genuine: false, reason: `unknown scenario "${record.scenario}"` };
  if (entry.hash !== record.hash) {
    return {
      genuine: false,
      reason: `it names scenario "${record.scenario}" with content hash ${record.hash}, and this game has neither that edition nor a record of it (its edition is ${entry.hash}): the result was edited, or played on a scenario file this game does not have; with that file, verify it with --scenario`,
    };
  }
  if (!sameModel(record.game, GAME_VERSION)) {
    return {
      genuine: false,
      reason: `played on game version ${record.game}; this is ${GAME_VERSION}, whose model may differ`,
    };
  }
  let result: Replay;
  try {
    result = replay(entry.scenario, record, { trace: false });
  } catch (err) {
    if (err instanceof SimError)
      return { genuine: false, reason: `the choices do not replay: ${err.message}` };
    throw err;
  }
  if (!result.finished)
    return {
      genuine: false,
      reason: `the game is unfinished (${record.choices.length} of ${entry.scenario.quarters} quarters)`,
    };
  if (record.score !== undefined && record.score !== result.score) {
    return {
      genuine: false,
      reason: `claims score ${record.score}, but its choices replay to ${result.score}`,
    };
  }
  return { genuine: true, replay: result, scenario: entry.scenario };
}
