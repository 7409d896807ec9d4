import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { SessionRecord } from '../record/record.ts';

// A checksum over a record proves nothing: anyone who reads the source can recompute it.
// What a trainee cannot change without changing the game is the market itself. So an
// assignment gives each trainee a market of their own: the game's seed is derived from
// the assignment's seed, its id and the trainee id. A colleague's record re-labelled with
// another trainee id no longer matches its seed; moving it to the other trainee's seed
// replays the same choices in a different market, to a different game and score.

const MARK = '~';
const HASH_LENGTH = 10;
// assignment seeds are [\w-]{1,28} (settingsProblems), so the mark cannot occur in them

function bindingHash(session: string, seed: string, trainee: string): string {
  return bytesToHex(sha256(utf8ToBytes(`tow-assign|${session}|${seed}|${trainee}`))).slice(
    0,
    HASH_LENGTH,
  );
}

/** The seed of the game a trainee plays for an assignment with per-trainee markets. */
export function traineeSeed(session: string, seed: string, trainee: string): string {
  return `${seed}${MARK}${bindingHash(session, seed, trainee)}`;
}

const BOUND = /^([\w-]{1,28})~([0-9a-f]{10})$/;

/** The assignment seed a bound game seed was derived from, or null if it is not bound. */
export function baseSeed(gameSeed: string): string | null {
  return BOUND.exec(gameSeed)?.[1] ?? null;
}

export type Binding =
  | { kind: 'bound' }
  | { kind: 'unbound'; note: string }
  | { kind: 'broken'; reason: string };

/** Whether the record's seed was made for the trainee and assignment it names. */
export function checkBinding(record: SessionRecord): Binding {
  const base = baseSeed(record.seed);
  if (base === null && record.seed.includes(MARK)) {
    return { kind: 'broken', reason: 'the seed is not one an assignment deals: it was edited' };
  }
  if (base === null) {
    return {
      kind: 'unbound',
      note: 'same market for everyone: the trainee id is not bound to the game',
    };
  }
  if (record.player === undefined || record.session === undefined) {
    return {
      kind: 'broken',
      reason: 'the seed was made for a trainee, but the record names no trainee or assignment',
    };
  }
  if (traineeSeed(record.session, base, record.player) !== record.seed) {
    return {
      kind: 'broken',
      reason: `the game was not dealt to trainee "${record.player}" in assignment "${record.session}": the trainee id, assignment or seed was edited`,
    };
  }
  return { kind: 'bound' };
}
