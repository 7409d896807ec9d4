import { describe, expect, it } from 'vitest';
import type { CohortRow } from '../../src/room/assignments.ts';
import { CLOSE_UNAUTHORISED } from '../../src/room/close-codes.ts';
import { type CohortServerMessage, cohortServerMessageSchema } from '../../src/room/cohort-live.ts';
import { situationById } from '../../src/sim/index.ts';
import { bundled, createAssignment, decide, start, tokenOf } from './assignment-helpers.ts';
import { serveDuringSuite } from './harness.ts';
import { DATABASES, Live } from './helpers.ts';

// HR's live cohort (issue 18): a socket that says hello with the assignment's admin secret
// gets the whole cohort, then every change as the server makes it: an attempt started,
// each quarter decided, the grade, the due date passing with nobody deciding. Without
// the secret it gets nothing.

const tutorial = bundled('tutorial');
const ANA = 'ana@example.com';
const BEN = 'ben@example.com';

type CohortLive = Live<CohortServerMessage>;

describe.each(DATABASES)('the live cohort on $kind', ({ open }) => {
  const server = serveDuringSuite(open, { cohortCoalesceMs: 30 });

  const follow = (id: string) =>
    Live.openWith(
      `${server.base.replace('http', 'ws')}/api/assignments/${id}/live`,
      cohortServerMessageSchema,
    );

  /** the next changes message whose row of `trainee` matches */
  const rowChange = async (
    live: CohortLive,
    trainee: string,
    match: (row: CohortRow) => boolean,
    ms = 10_000,
  ): Promise<CohortRow> => {
    const m = await live.next(
      'changes',
      (c) => c.trainees.some((t) => t.trainee === trainee && match(t)),
      ms,
    );
    return m.trainees.find((t) => t.trainee === trainee)!;
  };

  it('sends the whole cohort, then each status change of a trainee in order', async () => {
    const made = await createAssignment(server.base, { attempts: 1 });
    const id = made.assignment.id;
    const live = await follow(id);
    const hello = await live.ask({ type: 'hello', secret: made.adminSecret }, 'cohort');
    if (hello.type !== 'cohort') throw new Error(`refused: ${JSON.stringify(hello)}`);
    expect(hello.view.trainees.map((t) => [t.trainee, t.status])).toEqual([
      [ANA, 'not started'],
      [BEN, 'not started'],
    ]);

    const token = tokenOf(made, ANA);
    const attempt = (await start(server.base, id, token)).body.attempt;
    expect(await rowChange(live, ANA, () => true)).toMatchObject({
      status: 'in progress',
      quartersDecided: 0,
      attemptsUsed: 1,
    });

    let situationId = attempt.situationId;
    let last = attempt;
    for (let quarter = 1; situationId !== null; quarter++) {
      const situation = situationById(tutorial, situationId);
      const res = await decide(server.base, id, token, 1, {
        quarter,
        situationId,
        choiceId: situation.choices[0]!.id,
      });
      expect(res.status).toBe(200);
      last = res.body;
      situationId = last.situationId;
      const row = await rowChange(live, ANA, () => true);
      if (situationId !== null)
        expect(row).toMatchObject({ status: 'in progress', quartersDecided: quarter });
      else
        expect(row).toMatchObject({
          status: last.passed ? 'submitted' : 'over attempts',
          quartersDecided: null,
          bestAttempt: 1,
          fairScore: last.fairScore,
          passed: last.passed,
        });
    }
    expect(last.finishedAt).not.toBeNull();
    // only Ana's row moved: Ben's was never sent again
    expect(live.received.filter((m) => m.type === 'changes')).toEqual([]);
    live.close();
  });

  it('refuses a hello without the admin secret, and tells nothing of the cohort', async () => {
    const made = await createAssignment(server.base);
    const id = made.assignment.id;

    const asTrainee = await follow(id);
    const refused = await asTrainee.ask({ type: 'hello', secret: tokenOf(made, ANA) }, 'cohort');
    expect(refused).toMatchObject({ type: 'error', error: 'unauthorized' });
    await expect(asTrainee.next('cohort', () => true, 500)).rejects.toThrow(/closed \(4401\)/);
    expect(asTrainee.closed?.code).toBe(CLOSE_UNAUTHORISED);

    // no secret and nobody signed in (following on a sign-in: accounts.test.ts)
    const noSecret = await follow(id);
    const unsigned = await noSecret.ask({ type: 'hello' }, 'cohort');
    expect(unsigned).toMatchObject({ type: 'error', error: 'unauthorized' });

    // a refused socket hears nothing when the cohort changes
    await start(server.base, id, tokenOf(made, ANA));
    await new Promise((r) => setTimeout(r, 300));
    expect(noSecret.received.filter((m) => m.type !== 'error')).toEqual([]);
    noSecret.close();
  });

  it('marks trainees late once the due date passes, with nobody deciding', async () => {
    const made = await createAssignment(server.base, {
      due: new Date(Date.now() + 1500).toISOString(),
    });
    const id = made.assignment.id;
    await start(server.base, id, tokenOf(made, ANA));
    const live = await follow(id);
    const hello = await live.ask({ type: 'hello', secret: made.adminSecret }, 'cohort');
    if (hello.type !== 'cohort') throw new Error(`refused: ${JSON.stringify(hello)}`);
    expect(hello.view.trainees.map((t) => t.status)).toEqual(['in progress', 'not started']);

    const changes = await live.next('changes', () => true, 5_000);
    expect(Date.parse(changes.assignment.now)).toBeGreaterThan(Date.parse(made.assignment.due!));
    expect(changes.trainees.map((t) => [t.trainee, t.status])).toEqual([
      [ANA, 'late'],
      [BEN, 'late'],
    ]);
    live.close();
  });

  it('gathers a crowd deciding at once into a few messages that end on the true cohort', async () => {
    const names = Array.from({ length: 40 }, (_, i) => `trainee${i}@example.com`);
    const made = await createAssignment(server.base, { trainees: names });
    const id = made.assignment.id;
    const live = await follow(id);
    await live.ask({ type: 'hello', secret: made.adminSecret }, 'cohort');

    // every trainee starts and decides the first quarter, all at once: 80 changes
    await Promise.all(
      names.map(async (name) => {
        const token = tokenOf(made, name);
        const a = (await start(server.base, id, token)).body.attempt;
        const s = situationById(tutorial, a.situationId!);
        await decide(server.base, id, token, 1, {
          quarter: 1,
          situationId: s.id,
          choiceId: s.choices[0]!.id,
        });
      }),
    );
    const rows = new Map<string, CohortRow>();
    const deadline = Date.now() + 10_000;
    while ([...rows.values()].filter((r) => r.quartersDecided === 1).length < names.length) {
      if (Date.now() > deadline) throw new Error('the cohort never showed every decision');
      const m = await live.next('changes');
      for (const t of m.trainees) rows.set(t.trainee, t);
    }
    const messages = live.received.length + 1;
    expect(rows.size).toBe(names.length);
    // far fewer messages than changes: they were gathered
    expect(messages).toBeLessThan(20);
    live.close();
  });
});
