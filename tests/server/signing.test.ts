import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeRecord } from '../../src/record/code.ts';
import {
  canonicalJson,
  checkSignature,
  type KeySet,
  type SignedResultFile,
} from '../../src/record/signed.ts';
import { buildServer } from '../../src/server/app.ts';
import { openDatabase } from '../../src/server/db/open.ts';
import { tempDir } from '../helpers/temp.ts';
import { bundled, createAssignment, playThrough, start, tokenOf } from './assignment-helpers.ts';
import { serveDuringSuite, withServer } from './harness.ts';
import { json } from './helpers.ts';

// Signed results (issue 18): a genuine one always verifies against the keys the server
// publishes, after a restart and after a key rotation too; any edit, anywhere in the file,
// is caught; a result signed by another server is a foreign key's; the private keys are
// stored encrypted when a secret is set, and never served.

const tutorial = bundled('tutorial');
const SECRET = 'a signing secret for the tests';

async function playOne(base: string, attempts = 2): Promise<SignedResultFile> {
  const made = await createAssignment(base, { attempts, trainees: ['Ana', 'Ben'] });
  const id = made.assignment.id;
  const token = tokenOf(made, 'Ana');
  const attempt = (await start(base, id, token)).body.attempt;
  await playThrough(base, id, token, tutorial, attempt, (r, q) => r[q % r.length]!);
  const res = await json<SignedResultFile>(base, `/api/assignments/${id}/attempts/1/result`, {
    secret: token,
  });
  return res.body;
}

const keysOf = async (base: string) => (await json<KeySet>(base, '/.well-known/jwks.json')).body;

describe('signed results', () => {
  const server = serveDuringSuite(() => openDatabase({}));
  let genuine: SignedResultFile;
  let keys: KeySet;
  beforeAll(async () => {
    genuine = await playOne(server.base);
    keys = await keysOf(server.base);
  }, 120_000);

  it('verifies a genuine result however its file is re-indented', () => {
    expect(checkSignature(genuine, keys).kind).toBe('signed');
    const reindented = JSON.parse(JSON.stringify(genuine, null, 2));
    expect(checkSignature(reindented, keys).kind).toBe('signed');
  });

  it('catches the attempts a trainee would make on the file', () => {
    const edit = (change: (f: SignedResultFile) => void) => {
      const f = structuredClone(genuine);
      change(f);
      return checkSignature(f, keys).kind;
    };
    // attempt 2 re-encoded as attempt 1, the code made again to match
    expect(
      edit((f) => {
        f.record.attempt = 1 + (f.record.attempt ?? 0);
        f.code = encodeRecord(f.record, tutorial);
        f.server.attempt = f.record.attempt;
      }),
    ).toBe('edited');
    expect(edit((f) => (f.server.passed = !f.server.passed))).toBe('edited');
    expect(edit((f) => (f.server.fairScore = 100))).toBe('edited');
    expect(edit((f) => (f.record.player = 'Ben'))).toBe('edited');
    expect(edit((f) => (f.server.decisions[0]!.at = '2020-01-01T00:00:00.000Z'))).toBe('edited');
    expect(edit((f) => (f.signature.kid = 'someone-else'))).toBe('unknown-key');
    expect(edit((f) => Reflect.deleteProperty(f, 'signature'))).toBe('unsigned');
  });

  it('rejects 10,000 random edits of a signed result', () => {
    const original = canonicalJson(genuine);
    const text = JSON.stringify(genuine);
    const leaves: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]) => {
      if (v !== null && typeof v === 'object') {
        for (const [k, child] of Object.entries(v))
          walk(child, [...path, Array.isArray(v) ? Number(k) : k]);
      } else leaves.push(path);
    };
    walk(genuine, []);
    const setAt = (root: unknown, path: (string | number)[], value: unknown) => {
      let o = root as Record<string | number, unknown>;
      for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
      o[path.at(-1)!] = value;
    };
    const value = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.integer(), { maxLength: 2 }),
    );
    const anEdit = fc.oneof(
      // one field, anywhere in the file, given another value
      fc.record({ kind: fc.constant('leaf'), at: fc.nat(leaves.length - 1), value }),
      // a field added
      fc.record({
        kind: fc.constant('add'),
        at: fc.nat(leaves.length - 1),
        name: fc.string(),
        value,
      }),
      // one character of the file's text changed
      fc.record({
        kind: fc.constant('char'),
        at: fc.nat(text.length - 1),
        char: fc.string({ minLength: 1, maxLength: 1 }),
      }),
    );
    let edits = 0;
    fc.assert(
      fc.property(anEdit, (e) => {
        let edited: unknown;
        if (e.kind === 'char') {
          try {
            edited = JSON.parse(text.slice(0, e.at) + e.char + text.slice(e.at + 1));
          } catch {
            fc.pre(false); // no longer JSON, so not a result at all: not counted as an edit
          }
        } else {
          edited = structuredClone(genuine);
          const path = leaves[e.at]!;
          if (e.kind === 'leaf') setAt(edited, path, e.value);
          else {
            // a JSON array holds no named fields ("length" set on one is not a file at all)
            fc.pre(typeof path.at(-1) === 'string');
            setAt(edited, [...path.slice(0, -1), `${e.name}`], e.value);
          }
        }
        let same: boolean;
        try {
          same = canonicalJson(edited) === original;
        } catch {
          same = false;
        }
        // an edit that changed nothing (the same value written again) is not counted
        fc.pre(!same);
        edits++;
        return checkSignature(edited, keys).kind !== 'signed';
      }),
      // runs skipped by fc.pre do not count: these are 10,000 real edits
      { numRuns: 10_000, maxSkipsPerRun: 1 },
    );
    expect(edits).toBe(10_000);
  }, 300_000);

  it('calls a result signed by another server a foreign key’s', async () => {
    await withServer({}, async (other) => {
      const foreign = await playOne(other.base);
      const verdict = checkSignature(foreign, keys);
      expect(verdict.kind).toBe('unknown-key');
      expect(checkSignature(foreign, await keysOf(other.base)).kind).toBe('signed');
    });
  });
});

describe('signing keys', () => {
  it('survive a restart and a rotation: old results verify with the old key, new ones sign with the new', async () => {
    const dir = tempDir('signing-keys');
    const first = await openDatabase({ dataDir: dir });
    const { before, newKid, after } = await withServer(
      { db: first, signingSecret: SECRET },
      async (server) => {
        const before = await playOne(server.base);
        const stored = await first.query<{ private_key: string }>(
          'SELECT private_key FROM signing_keys',
        );
        expect(stored).toHaveLength(1);
        expect(stored[0]!.private_key).toMatch(/^enc:/);
        const jwks = await keysOf(server.base);
        expect(JSON.stringify(jwks)).not.toContain(stored[0]!.private_key.slice(4, 20));
        expect(Object.keys(jwks.keys[0]!).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x']);

        const newKid = await server.signer.rotate();
        expect(newKid).not.toBe(before.signature.kid);
        const after = await playOne(server.base);
        expect(after.signature.kid).toBe(newKid);
        return { before, newKid, after };
      },
    );
    await first.close();

    // the process stops and starts again on the same database
    const db = await openDatabase({ dataDir: dir });
    await withServer({ db, signingSecret: SECRET }, async (server) => {
      const published = await keysOf(server.base);
      expect(published.keys.map((k) => k.kid).sort()).toEqual(
        [before.signature.kid, newKid].sort(),
      );
      expect(checkSignature(before, published)).toEqual({
        kind: 'signed',
        kid: before.signature.kid,
      });
      expect(checkSignature(after, published)).toEqual({ kind: 'signed', kid: newKid });
      const later = await playOne(server.base);
      expect(later.signature.kid).toBe(newKid);
    });
    // a wrong secret, or none, stops the start with a reason rather than failing at a finish
    const base = { db, distDir: null, ttlHours: 1, sweepSeconds: 3600, rateLimit: 100, wsRate: 10 };
    await expect(
      buildServer({ ...base, signingSecret: 'not the secret it was made with' }),
    ).rejects.toThrow(/does not open with this TOW_SIGNING_SECRET/);
    await expect(buildServer({ ...base, signingSecret: null })).rejects.toThrow(
      /is encrypted: start the server with the TOW_SIGNING_SECRET/,
    );
    await db.close();
  }, 120_000);
});
