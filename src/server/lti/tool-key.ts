import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import {
  calculateJwkThumbprint,
  createLocalJWKSet,
  type JWK,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from 'jose';
import { openPrivate, sealPrivate } from '../assignments/keys.ts';
import type { Database, Queryable } from '../db/database.ts';

// The tool's own key pair. LTI 1.3 asks tools to sign with RS256 (the deep-linking answer,
// the client assertion that asks a platform for a grade token), so this is an RSA key, apart
// from the Ed25519 keys that sign results. Like those it lives in the database, so every
// process and restart signs with the same key, its private half sealed with
// TOW_SIGNING_SECRET when set. Platforms find the public half at /lti/jwks.
//
// A rotation (`npm run server:rotate-key -- --lti`) retires the key and makes a new one,
// which signs from then on in every process: each signature looks up the newest key, so a
// running server needs no restart. The retired key stays in /lti/jwks for GRACE_DAYS, so a
// platform that cached the key set, or holds something the old key signed (an instructor's
// cohort link lasts eight hours), keeps verifying; after that it is no longer published.
// Every JWT names its key (kid), so a platform knows which one to check it with.

export const TOOL_ALG = 'RS256';
/** any fixed number, the same in every process: "lti k" in ASCII */
const LOCK_KEY = 0x6c74696b;
/** how long a retired key stays published */
export const GRACE_DAYS = 7;

interface ToolKeyRow {
  kid: string;
  public_jwk: JWK;
  private_key: string;
}

const ACTIVE_SQL = `SELECT kid, public_jwk, private_key FROM lti_tool_keys
  WHERE retired_at IS NULL ORDER BY created_at DESC, kid LIMIT 1`;

const PUBLISHED_SQL = `SELECT public_jwk FROM lti_tool_keys
  WHERE retired_at IS NULL OR retired_at > now() - make_interval(days => $1)
  ORDER BY created_at DESC, kid`;

async function makeKey(tx: Queryable, secret: string | null): Promise<ToolKeyRow> {
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = pair.publicKey.export({ format: 'jwk' }) as JWK;
  const kid = await calculateJwkThumbprint(jwk);
  const der = pair.privateKey.export({ format: 'der', type: 'pkcs8' });
  const made = {
    kid,
    public_jwk: { ...jwk, kid, alg: TOOL_ALG, use: 'sig' },
    private_key: sealPrivate(new Uint8Array(der), secret),
  };
  await tx.query('INSERT INTO lti_tool_keys (kid, public_jwk, private_key) VALUES ($1, $2, $3)', [
    made.kid,
    JSON.stringify(made.public_jwk),
    made.private_key,
  ]);
  return made;
}

export class ToolKey {
  private active: { kid: string; key: KeyObject } | null = null;

  constructor(
    private readonly db: Database,
    private readonly secret: string | null,
  ) {}

  /** Makes the key on first start (processes starting together take turns) and opens it. */
  async start(): Promise<void> {
    const row = await this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
      const [found] = await tx.query<ToolKeyRow>(ACTIVE_SQL);
      return found ?? makeKey(tx, this.secret);
    });
    this.open(row);
  }

  private open(row: ToolKeyRow): { kid: string; key: KeyObject } {
    const der = openPrivate(row.private_key, this.secret, row.kid);
    const key = createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' });
    this.active = { kid: row.kid, key };
    return this.active;
  }

  /** The newest key, opened again only when another process (or a rotation) changed it. */
  private async current(): Promise<{ kid: string; key: KeyObject }> {
    if (!this.active)
      throw new Error('the LTI tool key is not open: ToolKey.start() was not called');
    const [row] = await this.db.query<ToolKeyRow>(ACTIVE_SQL);
    if (!row || row.kid === this.active.kid) return this.active;
    return this.open(row);
  }

  /** Retires the signing key and makes a new one; returns the new key's id. */
  async rotate(): Promise<string> {
    const row = await this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
      await tx.query('UPDATE lti_tool_keys SET retired_at = now() WHERE retired_at IS NULL');
      return makeKey(tx, this.secret);
    });
    return this.open(row).kid;
  }

  /** A JWT of `claims`, signed by the tool's newest key (named in its header), valid for `seconds`. */
  async sign(claims: JWTPayload, seconds: number): Promise<string> {
    const { kid, key } = await this.current();
    return new SignJWT(claims)
      .setProtectedHeader({ alg: TOOL_ALG, kid, typ: 'JWT' })
      .setIssuedAt()
      .setExpirationTime(`${seconds}s`)
      .sign(key);
  }

  /** The claims of a JWT this tool signed for itself (`audience` says what for); null when it did not, or it expired. */
  async verifyOwn(token: string, audience: string): Promise<JWTPayload | null> {
    try {
      const keys = createLocalJWKSet(await this.keySet());
      const { payload } = await jwtVerify(token, keys, { audience, algorithms: [TOOL_ALG] });
      return payload;
    } catch {
      return null;
    }
  }

  /** The public keys: the signing one and those retired less than GRACE_DAYS ago, as a JWKS document. */
  async keySet(): Promise<{ keys: JWK[] }> {
    const rows = await this.db.query<{ public_jwk: JWK }>(PUBLISHED_SQL, [GRACE_DAYS]);
    return { keys: rows.map((r) => r.public_jwk) };
  }
}
