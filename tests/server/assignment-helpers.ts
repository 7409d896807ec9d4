import type { AttemptView, CreateAssignmentResponse } from '../../src/room/assignments.ts';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { playChoices, type ScenarioDef, situationById } from '../../src/sim/index.ts';
import { json } from './helpers.ts';

// An assessed assignment driven through the API as HR and trainees would drive it.

export const bundled = (id: string): ScenarioDef =>
  loadBundledScenarios().find((b) => b.scenario.id === id)!.scenario;

export async function createAssignment(
  base: string,
  body: Record<string, unknown> = {},
): Promise<CreateAssignmentResponse> {
  const res = await json<CreateAssignmentResponse>(base, '/api/assignments', {
    body: {
      title: 'Sales academy, March',
      scenario: { kind: 'bundled', id: 'tutorial' },
      passMark: 50,
      attempts: 2,
      trainees: ['ana@example.com', 'ben@example.com'],
      ...body,
    },
  });
  if (res.status !== 201) throw new Error(`assignment not made: ${JSON.stringify(res.body)}`);
  return res.body;
}

export const tokenOf = (made: CreateAssignmentResponse, name: string) =>
  made.trainees.find((t) => t.name === name)!.token;

export async function start(base: string, id: string, token: string) {
  return json<{ attempt: AttemptView; resumed: boolean }>(base, `/api/assignments/${id}/attempts`, {
    body: {},
    secret: token,
  });
}

export async function decide(
  base: string,
  id: string,
  token: string,
  n: number,
  body: Record<string, unknown>,
) {
  return json<AttemptView & { error?: string; message?: string }>(
    base,
    `/api/assignments/${id}/attempts/${n}/decisions`,
    { body, secret: token },
  );
}

/** Plays attempt `n` to the end, each quarter's reply picked by `pick` from those offered. */
export async function playThrough(
  base: string,
  id: string,
  token: string,
  scenario: ScenarioDef,
  attempt: AttemptView,
  pick: (replies: string[], quarter: number) => string = (r) => r[0]!,
): Promise<AttemptView> {
  let view = attempt;
  while (view.situationId !== null) {
    const situation = situationById(scenario, view.situationId);
    const quarter = view.choices.length + 1;
    const res = await decide(base, id, token, attempt.number, {
      quarter,
      situationId: situation.id,
      choiceId: pick(
        situation.choices.map((c) => c.id),
        quarter,
      ),
    });
    if (res.status !== 200) throw new Error(`refused: ${JSON.stringify(res.body)}`);
    view = res.body;
  }
  return view;
}

export const situationAfter = (scenario: ScenarioDef, seed: string, choices: string[]) =>
  playChoices(scenario, seed, choices).situationId;
