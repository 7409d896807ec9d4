import { createCipheriv, createDecipheriv, createHash, randomBytes, scryptSync } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519.js';
import {
  type Ed25519Jwk,
  fromBase64Url,
  type KeySet,
  type ResultSignature,
  SIGNATURE_ALG,
  signedBytes,
  toBase64Url,
} from '../../record/signed.ts';
import type { Database, Queryable } from '../db/database.ts';

// The server's Ed25519 signing keys, kept in the database so that every process and every
// restart signs with the same key and publishes the same public keys. The newest key not
// retired signs; a rotation retires it and makes a new one, and the retired key's public
// half stays published, so results it signed keep verifying. The private half never leaves
// the server: it is not in any answer, and with TOW_SIGNING_SECRET set it is stored
// encrypted (AES-256-GCM, key from scrypt), so a copy of the database cannot sign.

/** any fixed number, the same in every process: "tow keys" in ASCII, shortened */
const LOCK_KEY = 0x746f776b;
const SALT = 'tug-of-war signing keys';

interface KeyRow {
  kid: string;
  public_key: string;
  private_key: string;
}

const derived = new Map<string, Buffer>();
function wrappingKey(secret: string): Buffer {
  let key = derived.get(secret);
  if (!key) {
    key = scryptSync(secret, SALT, 32);
    derived.set(secret, key);
  }
  return key;
}

export function sealPrivate(privateKey: Uint8Array, secret: string | null): string {
  if (secret === null) return `plain:${toBase64Url(privateKey)}`;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey(secret), iv);
  const sealed = Buffer.concat([cipher.update(privateKey), cipher.final()]);
  return `enc:${[iv, cipher.getAuthTag(), sealed].map((b) => b.toString('base64url')).join('.')}`;
}

export function openPrivate(stored: string, secret: string | null, kid: string): Uint8Array {
  if (stored.startsWith('plain:')) return fromBase64Url(stored.slice(6))!;
  if (secret === null) {
    throw new Error(
      `signing key ${kid} is encrypted: start the server with the TOW_SIGNING_SECRET it was made with`,
    );
  }
  const [iv, tag, sealed] = stored
    .slice(4)
    .split('.')
    .map((p) => Buffer.from(p, 'base64url'));
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey(secret), iv!);
    decipher.setAuthTag(tag!);
    return new Uint8Array(Buffer.concat([decipher.update(sealed!), decipher.final()]));
  } catch {
    throw new Error(`signing key ${kid} does not open with this TOW_SIGNING_SECRET`);
  }
}

/** RFC 7638's thumbprint of the public key: a key id anyone can recompute from the key. */
function thumbprint(x: string): string {
  const canonical = `{"crv":"Ed25519","kty":"OKP","x":"${x}"}`;
  return createHash('sha256').update(canonical).digest('base64url');
}

async function insertKey(q: Queryable, secret: string | null): Promise<KeyRow> {
  const { secretKey, publicKey } = ed25519.keygen();
  const x = toBase64Url(publicKey);
  const row = { kid: thumbprint(x), public_key: x, private_key: sealPrivate(secretKey, secret) };
  await q.query('INSERT INTO signing_keys (kid, public_key, private_key) VALUES ($1, $2, $3)', [
    row.kid,
    row.public_key,
    row.private_key,
  ]);
  return row;
}

const ACTIVE_SQL = `SELECT kid, public_key, private_key FROM signing_keys
  WHERE retired_at IS NULL ORDER BY created_at DESC, kid LIMIT 1`;

export class Signer {
  constructor(
    private readonly db: Database,
    private readonly secret: string | null,
  ) {}

  /** The key that signs now, made on first use (two processes starting together take turns). */
  private async activeKey(): Promise<KeyRow> {
    const [found] = await this.db.query<KeyRow>(ACTIVE_SQL);
    if (found) return found;
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
      const [again] = await tx.query<KeyRow>(ACTIVE_SQL);
      return again ?? insertKey(tx, this.secret);
    });
  }

  /** Checks the key opens (the secret is right) before the server takes requests. */
  async start(): Promise<void> {
    const key = await this.activeKey();
    openPrivate(key.private_key, this.secret, key.kid);
  }

  /**
   * `file` with the server's signature over all of it. `q`: the transaction that stores it
   * (the key was made by start(), so this only reads).
   */
  async sign<T extends Record<string, unknown>>(
    q: Queryable,
    file: T,
  ): Promise<T & { signature: ResultSignature }> {
    const [key] = await q.query<KeyRow>(ACTIVE_SQL);
    if (!key) throw new Error('no signing key: Signer.start() was not called');
    const privateKey = openPrivate(key.private_key, this.secret, key.kid);
    const value = toBase64Url(ed25519.sign(signedBytes(file), privateKey));
    return { ...file, signature: { alg: SIGNATURE_ALG, kid: key.kid, value } };
  }

  /** Retires the signing key and makes a new one; returns the new key's id. */
  async rotate(): Promise<string> {
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
      await tx.query('UPDATE signing_keys SET retired_at = now() WHERE retired_at IS NULL');
      return (await insertKey(tx, this.secret)).kid;
    });
  }

  /** Every public key, retired ones included, as a JWKS document. */
  async keySet(): Promise<KeySet> {
    await this.activeKey();
    const rows = await this.db.query<{ kid: string; public_key: string }>(
      'SELECT kid, public_key FROM signing_keys ORDER BY created_at DESC, kid',
    );
    const keys: Ed25519Jwk[] = rows.map((r) => ({
      kty: 'OKP',
      crv: 'Ed25519',
      kid: r.kid,
      x: r.public_key,
      alg: SIGNATURE_ALG,
      use: 'sig',
    }));
    return { keys };
  }
}
