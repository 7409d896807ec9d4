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
import type { Database } from '../db/database.ts';

// The tool's own key pair. LTI 1.3 asks tools to sign with RS256 (the deep-linking answer,
// the client assertion that asks a platform for a grade token), so this is an RSA key, apart
// from the Ed25519 keys that sign results. Like those it lives in the database, so every
// process and restart signs with the same key, its private half sealed with
// TOW_SIGNING_SECRET when set. Platforms find the public half at /lti/jwks.

export const TOOL_ALG = 'RS256';
/** any fixed number, the same in every process: "lti k" in ASCII */
const LOCK_KEY = 0x6c74696b;

interface ToolKeyRow {
  kid: string;
  public_jwk: JWK;
  private_key: string;
}

const ACTIVE_SQL = `SELECT kid, public_jwk, private_key FROM lti_tool_keys
  WHERE retired_at IS NULL ORDER BY created_at DESC, kid LIMIT 1`;

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
      if (found) return found;
      const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const jwk = pair.publicKey.export({ format: 'jwk' }) as JWK;
      const kid = await calculateJwkThumbprint(jwk);
      const der = pair.privateKey.export({ format: 'der', type: 'pkcs8' });
      const made = {
        kid,
        public_jwk: { ...jwk, kid, alg: TOOL_ALG, use: 'sig' },
        private_key: sealPrivate(new Uint8Array(der), this.secret),
      };
      await tx.query(
        'INSERT INTO lti_tool_keys (kid, public_jwk, private_key) VALUES ($1, $2, $3)',
        [made.kid, JSON.stringify(made.public_jwk), made.private_key],
      );
      return made;
    });
    const der = openPrivate(row.private_key, this.secret, row.kid);
    const key = createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' });
    this.active = { kid: row.kid, key };
  }

  /** A JWT of `claims`, signed by the tool, valid for `seconds`. */
  async sign(claims: JWTPayload, seconds: number): Promise<string> {
    if (!this.active)
      throw new Error('the LTI tool key is not open: ToolKey.start() was not called');
    return new SignJWT(claims)
      .setProtectedHeader({ alg: TOOL_ALG, kid: this.active.kid, typ: 'JWT' })
      .setIssuedAt()
      .setExpirationTime(`${seconds}s`)
      .sign(this.active.key);
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

  /** Every public key, retired ones included, as a JWKS document. */
  async keySet(): Promise<{ keys: JWK[] }> {
    const rows = await this.db.query<{ public_jwk: JWK }>(
      'SELECT public_jwk FROM lti_tool_keys ORDER BY created_at DESC, kid',
    );
    return { keys: rows.map((r) => r.public_jwk) };
  }
}
