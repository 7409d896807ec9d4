import { randomBytes } from 'node:crypto';
import { marketIndex, type ScenarioDef } from '../../sim/index.ts';
import type { Queryable } from '../db/database.ts';

// The market an attempt is dealt: a fresh random seed, so it cannot be known, solved or
// shared beforehand. Where the scenario has market variants (src/sim/market.ts), the seed
// is drawn until it deals the next variant in turn across the assignment's attempts, so two
// colleagues who start one after the other read different starting situations, and a
// colleague's replies carry over only as far as the two variants' best paths coincide
// (issue 18; the balance report's line "a copy on the next starting situation dealt"
// measures it); a trainee's next attempt differs too.

/** Enough draws that a wanted variant of up to 8 is all but certain to come up. */
const DRAWS = 256;

export async function dealSeed(
  q: Queryable,
  scenario: ScenarioDef,
  assignmentId: string,
): Promise<string> {
  const draw = () => randomBytes(12).toString('base64url');
  const variants = scenario.markets?.length ?? 0;
  if (variants < 2) return draw();
  const [row] = await q.query<{ n: string }>(
    `SELECT count(*) AS n FROM attempts a JOIN trainees t ON t.id = a.trainee_id
     WHERE t.assignment_id = $1`,
    [assignmentId],
  );
  const wanted = Number(row?.n ?? 0) % variants;
  let seed = draw();
  for (let i = 0; i < DRAWS && marketIndex(scenario, seed) !== wanted; i++) seed = draw();
  return seed;
}
