import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

// Passwords are kept only as scrypt hashes (node:crypto: no native add-on to build, and a
// memory-hard function OWASP lists beside argon2id), written as one self-describing string:
//   scrypt$<N>$<r>$<p>$<salt, base64url>$<key, base64url>
// so the cost can be raised later without breaking the hashes already in the environment.

const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** the cost `npm run server:hash-password` uses: about 64 MiB and a tenth of a second */
export const DEFAULT_COST = { N: 2 ** 16, r: 8, p: 1 } as const;
/** a hash cheaper than this is refused at start-up: too quick to guess offline */
export const MIN_N = 2 ** 14;

export interface PasswordHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

const FORMAT = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9_-]{16,})\$([A-Za-z0-9_-]{43})$/;

/** The hash read from its string, or a sentence saying what is wrong with it. */
export function parsePasswordHash(text: string): PasswordHash | string {
  const m = FORMAT.exec(text);
  if (!m)
    return 'not a password hash of the form scrypt$N$r$p$salt$key: make one with npm run server:hash-password';
  const [N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!Number.isSafeInteger(N) || N < MIN_N || (N & (N - 1)) !== 0)
    return `the scrypt cost N=${m[1]} is not a power of two of at least ${MIN_N}: make a new hash with npm run server:hash-password`;
  if (r < 1 || r > 32 || p < 1 || p > 16)
    return `the scrypt parameters r=${r}, p=${p} are out of range (r 1–32, p 1–16)`;
  return { N, r, p, salt: Buffer.from(m[4]!, 'base64url'), key: Buffer.from(m[5]!, 'base64url') };
}

function derive(password: string, salt: Buffer, cost: ScryptOptions & { N: number; r: number }) {
  return new Promise<Buffer>((resolve, reject) =>
    // scrypt needs 128·N·r bytes; Node's default cap (32 MiB) is below the default cost
    scrypt(
      password.normalize('NFC'),
      salt,
      KEY_BYTES,
      { ...cost, maxmem: 256 * cost.N * cost.r },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  );
}

export async function hashPassword(
  password: string,
  cost: { N: number; r: number; p: number } = DEFAULT_COST,
): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, cost);
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** Whether `password` is the one hashed, compared in time that does not depend on where they differ. */
export async function passwordMatches(password: string, hash: PasswordHash): Promise<boolean> {
  const key = await derive(password, hash.salt, hash);
  return key.length === hash.key.length && timingSafeEqual(key, hash.key);
}
