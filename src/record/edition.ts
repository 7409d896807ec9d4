import type { ScenarioDef } from '../sim/index.ts';

// A shipped scenario's text changes from one release of the game to the next (a debrief
// sentence, a clearer reply), and its content hash with it; a result played before the
// update names the earlier hash. The game keeps the earlier editions it shipped
// (scenarios/editions/), each under its id and hash, beside the current one under its id,
// so such a result is still replayed on the very scenario it was played on.

/** The key an earlier edition of a scenario is kept under: its id and its content hash. */
export const editionKey = (id: string, hash: string): string => `${id}@${hash}`;

/** What an edition key looks like: an id, "@", and a 16-digit content hash. */
export const EDITION_KEY = /^[\w-]+@[0-9a-f]{16}$/;

/** The scenario a record was played on: the edition of its hash where kept, else its id's. */
export function playedOn<T>(
  shelf: { get(key: string): T | undefined },
  id: string,
  hash: string,
): T | undefined {
  return shelf.get(editionKey(id, hash)) ?? shelf.get(id);
}

/**
 * The editions only release b439f31 shipped. Its model let an event make someone leave who
 * had already gone (hired away, then resigning in the same quarter); the next release
 * stopped that without raising the model version, so these editions are replayed under
 * the earlier rule (ScenarioDef.leavesTwice). Of the shipped scenarios only who-owns's
 * results differ: about a quarter of its games where a directive or random player lost Sara.
 */
const PLAYED_WHEN_PEOPLE_LEFT_TWICE: ReadonlySet<string> = new Set([
  'distrustful-account@7bc3ade331660327',
  'scripts-or-judgement@9cb0df85e247e58a',
  'tutorial@1a483ab649c64d08',
  'who-owns@f277fa239fa7b59d',
]);

/** An earlier edition as it was played: with the rules of the release that shipped it. */
export function asReleased<T extends { scenario: ScenarioDef; hash: string }>(edition: T): T {
  if (!PLAYED_WHEN_PEOPLE_LEFT_TWICE.has(editionKey(edition.scenario.id, edition.hash)))
    return edition;
  return { ...edition, scenario: { ...edition.scenario, leavesTwice: true } };
}
