import type { AttemptDecide, AttemptView, TraineeStatus } from '../../room/assignments.ts';
import { MODEL_VERSION, otherModel, type ScenarioDef, underModel } from '../../sim/index.ts';
import type { Database, Queryable } from '../db/database.ts';
import { RoomError } from '../errors.ts';
import { replayed } from '../rooms/players.ts';
import { scenarioOfRoom } from '../rooms/scenarios.ts';
import { dealSeed } from './deal.ts';
import { announceCohortChange } from './events.ts';
import { finishAttempt } from './finish.ts';
import type { Signer } from './keys.ts';
import { type AssignmentRow, asTrainee, isPastDue, publicAssignment } from './rows.ts';

// A trainee's attempts. The market is dealt here, when the attempt starts, from the
// server's own randomness: before that moment it exists nowhere, so no one can look it up,
// solve it or share it. Every decision is checked against the server's replay of the
// attempt and stored with the server's time; attempts and the due date are counted and
// judged here, by the database's clock. The last decision finishes the attempt: it is
// graded and signed in the same transaction (finish.ts). An attempt dealt under an earlier
// model this version replays is played, replayed and graded by that model's rules.

export interface AttemptRow {
  trainee_id: string;
  number: number;
  seed: string;
  started_at: Date;
  finished_at: Date | null;
  score: number | null;
  fair_score: number | null;
  passed: boolean | null;
  choices: string[];
  result: Record<string, unknown> | null;
  /** the model version that dealt it (MODEL_VERSION then) */
  model: number;
  /** set when it was closed without a grade: it does not count against the attempts */
  void_reason: string | null;
}

const ATTEMPT_SELECT = `SELECT a.trainee_id, a.number, a.seed, a.started_at, a.finished_at,
  a.score, a.fair_score, a.passed, a.result, a.model, a.void_reason,
  coalesce((SELECT array_agg(d.choice_id ORDER BY d.quarter) FROM attempt_decisions d
            WHERE d.trainee_id = a.trainee_id AND d.number = a.number), '{}'::text[]) AS choices
  FROM attempts a`;

export async function attemptsOf(q: Queryable, traineeId: string): Promise<AttemptRow[]> {
  return q.query<AttemptRow>(`${ATTEMPT_SELECT} WHERE a.trainee_id = $1 ORDER BY a.number`, [
    traineeId,
  ]);
}

async function attemptOf(q: Queryable, traineeId: string, n: number, lock = false) {
  const [row] = await q.query<AttemptRow>(
    `${ATTEMPT_SELECT} WHERE a.trainee_id = $1 AND a.number = $2${lock ? ' FOR UPDATE' : ''}`,
    [traineeId, n],
  );
  if (!row) throw new RoomError('no_attempt', `attempt ${n} has not been started`);
  return row;
}

const modelProblem = (a: AttemptRow) => otherModel(a.model, `attempt ${a.number}`);

/** The assignment's scenario as this attempt is played: under the model that dealt it. */
const playedUnder = (scenario: ScenarioDef, a: AttemptRow) => underModel(scenario, a.model);

function attemptView(scenario: ScenarioDef, a: AttemptRow): AttemptView {
  const r = replayed(playedUnder(scenario, a), a.seed, a.choices);
  return {
    number: a.number,
    seed: a.seed,
    startedAt: a.started_at.toISOString(),
    choices: [...a.choices],
    situationId: r.state.situationId,
    finishedAt: a.finished_at ? a.finished_at.toISOString() : null,
    score: a.score,
    fairScore: a.fair_score,
    passed: a.passed,
    voided: a.void_reason,
    // the page plays an attempt of an earlier model by that model's rules, as here
    ...(a.model !== MODEL_VERSION && modelProblem(a) === null ? { model: a.model } : {}),
  };
}

/** The attempts that count against the number allowed: all but those closed as void. */
export const countedAttempts = (attempts: readonly AttemptRow[]) =>
  attempts.filter((a) => a.void_reason === null);

/**
 * An attempt left open by another model cannot be continued: the same choices would replay
 * as another game. It is closed as void, with the reason, and the trainee starts afresh
 * without losing an attempt.
 */
async function voidIfOtherModel(q: Queryable, a: AttemptRow): Promise<boolean> {
  const problem = modelProblem(a);
  if (problem === null) return false;
  await q.query(
    `UPDATE attempts SET finished_at = now(), void_reason = $3
     WHERE trainee_id = $1 AND number = $2`,
    [a.trainee_id, a.number, `${problem}; it was closed without a grade and does not count`],
  );
  return true;
}

const scenarioOf = (q: Queryable, a: AssignmentRow) => scenarioOfRoom(q, a, 'assignments');

function refuseIfPastDue(a: AssignmentRow): void {
  if (isPastDue(a))
    throw new RoomError(
      'past_due',
      `the assignment was due ${a.due_at!.toISOString()} (the server's clock); it is closed`,
    );
}

export async function traineeStatus(
  db: Database,
  id: string,
  token: string | null,
): Promise<TraineeStatus> {
  const me = await asTrainee(db, id, token);
  const scenario = await scenarioOf(db, me.assignment);
  const attempts = await attemptsOf(db, me.traineeId);
  return {
    assignment: publicAssignment(me.assignment),
    name: me.name,
    attemptsUsed: countedAttempts(attempts).length,
    attempts: attempts.map((a) => attemptView(scenario, a)),
  };
}

/**
 * Starts the trainee's next attempt and deals its market; an attempt still in play is
 * resumed instead (a reload or another browser), so starting again costs no attempt.
 */
export async function startAttempt(
  db: Database,
  id: string,
  token: string | null,
): Promise<{ attempt: AttemptView; resumed: boolean }> {
  return db.transaction(async (tx) => {
    const me = await asTrainee(tx, id, token);
    // the trainee's row, locked: two starts from two browsers take turns
    await tx.query('SELECT id FROM trainees WHERE id = $1 FOR UPDATE', [me.traineeId]);
    const scenario = await scenarioOf(tx, me.assignment);
    const attempts = await attemptsOf(tx, me.traineeId);
    const open = attempts.find((a) => a.finished_at === null);
    refuseIfPastDue(me.assignment);
    const voided = open !== undefined && (await voidIfOtherModel(tx, open));
    if (open && !voided) return { attempt: attemptView(scenario, open), resumed: true };
    const allowed = me.assignment.attempts;
    if (countedAttempts(attempts).filter((a) => !voided || a !== open).length >= allowed)
      throw new RoomError(
        'attempts_used',
        `all ${allowed} attempt${allowed === 1 ? '' : 's'} allowed ${allowed === 1 ? 'is' : 'are'} used`,
      );
    const seed = await dealSeed(tx, scenario, me.assignment.id);
    await tx.query(
      'INSERT INTO attempts (trainee_id, number, seed, model) VALUES ($1, $2, $3, $4)',
      [me.traineeId, attempts.length + 1, seed, MODEL_VERSION],
    );
    const started = await attemptOf(tx, me.traineeId, attempts.length + 1);
    await announceCohortChange(tx, me.assignment.id);
    return { attempt: attemptView(scenario, started), resumed: false };
  });
}

/** A decision of attempt `n`: checked against the server's replay, stored with its time. */
export async function decideAttempt(
  db: Database,
  signer: Signer,
  id: string,
  token: string | null,
  n: number,
  msg: AttemptDecide,
): Promise<AttemptView> {
  return db.transaction(async (tx) => {
    const me = await asTrainee(tx, id, token);
    const attempt = await attemptOf(tx, me.traineeId, n, true);
    const assigned = await scenarioOf(tx, me.assignment);
    const scenario = playedUnder(assigned, attempt);
    if (attempt.void_reason !== null) throw new RoomError('other_model', attempt.void_reason);
    if (attempt.finished_at !== null)
      throw new RoomError('game_over', `attempt ${n} is finished: every quarter is decided`);
    const problem = modelProblem(attempt);
    if (problem !== null)
      throw new RoomError(
        'other_model',
        `${problem}: start the assessment again for a new attempt; this one will not count`,
      );
    refuseIfPastDue(me.assignment);
    const played = attempt.choices.length;
    if (msg.quarter <= played)
      throw new RoomError(
        'duplicate',
        `quarter ${msg.quarter} is decided already; the next is ${played + 1}`,
      );
    if (msg.quarter > played + 1)
      throw new RoomError(
        'quarter_not_open',
        `quarter ${msg.quarter} is not open: the next is ${played + 1}`,
      );
    const waiting = replayed(scenario, attempt.seed, attempt.choices).state.situationId!;
    if (msg.situationId !== waiting)
      throw new RoomError('out_of_order', `situation "${msg.situationId}" is not the one waiting`);
    const situation = scenario.situations.find((s) => s.id === waiting)!;
    if (!situation.choices.some((c) => c.id === msg.choiceId))
      throw new RoomError(
        'not_offered',
        `"${msg.choiceId}" is not a reply of the waiting situation`,
      );
    await tx.query(
      `INSERT INTO attempt_decisions (trainee_id, number, quarter, situation_id, choice_id)
       VALUES ($1, $2, $3, $4, $5)`,
      [me.traineeId, n, msg.quarter, waiting, msg.choiceId],
    );
    const choices = [...attempt.choices, msg.choiceId];
    if (replayed(scenario, attempt.seed, choices).finished)
      await finishAttempt(tx, signer, me, scenario, attempt.number);
    await announceCohortChange(tx, me.assignment.id);
    return attemptView(assigned, await attemptOf(tx, me.traineeId, n));
  });
}

/** The signed result of a finished attempt, for its trainee. */
export async function attemptResult(db: Database, id: string, token: string | null, n: number) {
  const me = await asTrainee(db, id, token);
  const attempt = await attemptOf(db, me.traineeId, n);
  if (attempt.result === null)
    throw new RoomError('not_released', `attempt ${n} is not finished: there is no result yet`);
  return attempt.result;
}
