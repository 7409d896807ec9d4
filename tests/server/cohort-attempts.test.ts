import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/csv.ts';
import { marketShort } from '../../src/lib/market-number.ts';
import type { CohortView } from '../../src/room/assignments.ts';
import { bundled, createAssignment, playThrough, start, tokenOf } from './assignment-helpers.ts';
import { serveDuringSuite } from './harness.ts';
import { DATABASES, json } from './helpers.ts';

// HR's cohort names which attempt a row's figures come from, and lists every attempt with
// its own market and result, in the JSON the page draws and in the CSV: a trainee's second
// attempt is never hidden behind the first's figures, nor the first's behind the second's
// market.

const tutorial = bundled('tutorial');
const ANA = 'ana@example.com';

describe.each(DATABASES)("HR's cohort lists every attempt on $kind", ({ open }) => {
  const server = serveDuringSuite(open);

  it('keeps the best attempt and its market together, and lists each attempt', async () => {
    // a mark nobody reaches, so both attempts are played and graded
    const made = await createAssignment(server.base, { passMark: 100, attempts: 2 });
    const id = made.assignment.id;
    const token = tokenOf(made, ANA);
    const first = await playThrough(
      server.base,
      id,
      token,
      tutorial,
      (await start(server.base, id, token)).body.attempt,
    );
    const second = await playThrough(
      server.base,
      id,
      token,
      tutorial,
      (await start(server.base, id, token)).body.attempt,
      (replies) => replies.at(-1)!,
    );
    const cohort = await json<CohortView>(server.base, `/api/assignments/${id}/cohort`, {
      secret: made.adminSecret,
    });
    const row = cohort.body.trainees.find((t) => t.trainee === ANA)!;
    expect(row.attempts).toEqual(
      [first, second].map((a) => ({
        number: a.number,
        seed: a.seed,
        finished: true,
        score: a.score,
        fairScore: a.fairScore,
        passed: false,
        voided: null,
      })),
    );
    expect(first.seed).not.toBe(second.seed);
    const best = row.attempts.find((a) => a.number === row.bestAttempt)!;
    expect(row.fairScore).toBe(best.fairScore);
    expect(row.score).toBe(best.score);
    expect(best.fairScore).toBe(Math.max(first.fairScore!, second.fairScore!));
    expect(row.latestSeed).toBe(second.seed);

    const csv = await fetch(`${server.base}/api/assignments/${id}/cohort.csv`, {
      headers: { authorization: `Bearer ${made.adminSecret}` },
    });
    const [header, ...rows] = parseCsv(await csv.text());
    const ana = Object.fromEntries(header!.map((h, i) => [h, rows.find((r) => r[0] === ANA)![i]]));
    expect(ana.best_attempt).toBe(String(best.number));
    expect(ana.best_market).toBe(marketShort(best.seed));
    expect(ana.best_seed).toBe(best.seed);
    expect(ana.each_attempt).toBe(
      [first, second]
        .map(
          (a) =>
            `Attempt ${a.number} · market ${marketShort(a.seed)} · fair score ${a.fairScore}, score ${a.score}, not passed`,
        )
        .join('; '),
    );
  });
});
