import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { CODE_ALPHABET, CODE_LENGTH } from '../../room/limits.ts';

// Capabilities (the facilitator's admin secret, a trainee's token) are 32 random bytes; the
// database keeps only their SHA-256, so a copy of the database lets nobody act for anyone.
// Secrets this long need no slow hash: there is nothing to guess.

export const newSecret = (): string => randomBytes(32).toString('base64url');

export const hashSecret = (secret: string): string =>
  createHash('sha256').update(secret).digest('hex');

/** Whether `secret` hashes to `hash`, in time that does not depend on where they differ. */
export function matchesHash(secret: string, hash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A join code: short to type from a projector, with no look-alike characters. */
export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}
