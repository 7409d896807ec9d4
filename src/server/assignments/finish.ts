import { makeRecord } from '../../record/record.ts';
import { resultFile } from '../../record/result-file.ts';
import type { ServerAttestation, SignedDecision } from '../../record/signed.ts';
import { fairScoreOf, playChoices, type ScenarioDef } from '../../sim/index.ts';
import type { Queryable } from '../db/database.ts';
import type { Signer } from './keys.ts';
import type { TraineeIdentity } from './rows.ts';

// The end of an attempt, in the transaction of its last decision: the server replays the
// stored choices, grades the game with the same census and percentile code the game and
// HR's verifier use (hr/fair.ts), writes the result file the game would have written, adds
// what only the server knows (its clock for each decision, its grade), signs all of it and
// stores it with the attempt. The trainee's page reports none of this: it only chose.

const day = (d: Date) => d.toISOString().slice(0, 10);

export async function finishAttempt(
  tx: Queryable,
  signer: Signer,
  me: TraineeIdentity,
  scenario: ScenarioDef,
  n: number,
): Promise<void> {
  const a = me.assignment;
  const [attempt] = await tx.query<{ seed: string; started_at: Date; now: Date }>(
    'SELECT seed, started_at, now() AS now FROM attempts WHERE trainee_id = $1 AND number = $2',
    [me.traineeId, n],
  );
  const decisions = await tx.query<{
    quarter: number;
    situation_id: string;
    choice_id: string;
    decided_at: Date;
  }>(
    `SELECT quarter, situation_id, choice_id, decided_at FROM attempt_decisions
     WHERE trainee_id = $1 AND number = $2 ORDER BY quarter`,
    [me.traineeId, n],
  );
  const state = playChoices(
    scenario,
    attempt!.seed,
    decisions.map((d) => d.choice_id),
    { trace: false },
  );
  const grade = fairScoreOf(scenario, state, a.pass_mark);
  const finishedAt = attempt!.now;
  const record = makeRecord(scenario, a.scenario_hash, state, {
    player: me.name,
    session: a.id,
    attempt: n,
    terms: {
      passMark: a.pass_mark,
      attempts: a.attempts,
      ...(a.due_at ? { due: day(a.due_at) } : {}),
    },
    finished: day(finishedAt),
  });
  const signed: SignedDecision[] = decisions.map((d) => ({
    quarter: d.quarter,
    situationId: d.situation_id,
    choiceId: d.choice_id,
    at: d.decided_at.toISOString(),
  }));
  const server: ServerAttestation = {
    assignment: a.id,
    title: a.title,
    trainee: me.name,
    attempt: n,
    attemptsAllowed: a.attempts,
    due: a.due_at ? a.due_at.toISOString() : null,
    startedAt: attempt!.started_at.toISOString(),
    finishedAt: finishedAt.toISOString(),
    decisions: signed,
    score: grade.raw,
    percentileTenths: Math.round((grade.percentile ?? 0) * 10),
    fairScore: grade.grade,
    passMark: a.pass_mark,
    passed: grade.passed,
  };
  const file = await signer.sign(tx, { ...resultFile(record, scenario), server });
  await tx.query(
    `UPDATE attempts SET finished_at = $3, score = $4, fair_score = $5, passed = $6, result = $7
     WHERE trainee_id = $1 AND number = $2`,
    [me.traineeId, n, finishedAt, grade.raw, grade.grade, grade.passed, JSON.stringify(file)],
  );
}
