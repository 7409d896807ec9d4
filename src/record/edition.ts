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
