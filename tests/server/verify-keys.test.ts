import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeRecord } from '../../src/record/record.ts';
import { resultFile } from '../../src/record/result-file.ts';
import type { SignedResultFile } from '../../src/record/signed.ts';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { openDatabase } from '../../src/server/db/open.ts';
import { playPolicy } from '../../src/sim/index.ts';
import { tempDir } from '../helpers/temp.ts';
import { bundled, createAssignment, playThrough, start, tokenOf } from './assignment-helpers.ts';
import { serveDuringSuite, withServer } from './harness.ts';
import { json } from './helpers.ts';

// `npm run verify -- … --keys`: a signed result checked offline against the server's keys,
// from a saved jwks.json or from the server's address, each verdict said in words beside
// the replay's.

const run = promisify(execFile);
const tutorial = bundled('tutorial');

async function verifyCli(args: string[]) {
  try {
    const out = await run(process.execPath, ['scripts/cli.mjs', 'src/cli/verify.ts', ...args], {
      env: { ...process.env, TOW_CACHE_DIR: tempDir('cache') },
    });
    return { code: 0, stdout: out.stdout, stderr: out.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function signedResult(base: string): Promise<SignedResultFile> {
  const made = await createAssignment(base, { trainees: ['Ana'] });
  const id = made.assignment.id;
  const attempt = (await start(base, id, tokenOf(made, 'Ana'))).body.attempt;
  await playThrough(base, id, tokenOf(made, 'Ana'), tutorial, attempt);
  return (
    await json<SignedResultFile>(base, `/api/assignments/${id}/attempts/1/result`, {
      secret: tokenOf(made, 'Ana'),
    })
  ).body;
}

describe('npm run verify --keys', () => {
  const server = serveDuringSuite(() => openDatabase({}));
  let dir: string;
  let kid: string;
  beforeAll(async () => {
    dir = tempDir('verify-keys');
    const genuine = await signedResult(server.base);
    kid = genuine.signature.kid;
    writeFileSync(join(dir, 'genuine.json'), JSON.stringify(genuine, null, 2));
    const edited = structuredClone(genuine);
    edited.server.passed = true;
    edited.server.fairScore = 100;
    writeFileSync(join(dir, 'edited.json'), JSON.stringify(edited));
    const { signature: _gone, ...stripped } = genuine;
    writeFileSync(join(dir, 'stripped.json'), JSON.stringify(stripped));
    await withServer({}, async (other) => {
      writeFileSync(join(dir, 'foreign.json'), JSON.stringify(await signedResult(other.base)));
    });
    const { state } = playPolicy(tutorial, 'static-1', 'directive');
    const plain = makeRecord(
      tutorial,
      loadBundledScenarios().find((b) => b.scenario.id === 'tutorial')!.hash,
      state,
      { player: 'Cy', session: 's' },
    );
    writeFileSync(join(dir, 'static.json'), JSON.stringify(resultFile(plain)));
    writeFileSync(
      join(dir, 'jwks.json'),
      JSON.stringify((await json(server.base, '/.well-known/jwks.json')).body),
    );
  }, 180_000);

  const lineOf = (stdout: string, file: string) =>
    stdout.split('\n').find((l) => l.includes(`${file}.json:`)) ?? '';

  it('says which results the server signed, which were edited, unsigned or signed elsewhere', async () => {
    const out = await verifyCli([dir, '--keys', join(dir, 'jwks.json')]);
    expect(lineOf(out.stdout, 'genuine')).toMatch(
      new RegExp(`^genuine .*signed by this server \\(key ${kid}\\)`),
    );
    expect(lineOf(out.stdout, 'genuine')).toContain('market dealt by the server');
    expect(lineOf(out.stdout, 'edited')).toMatch(/^NOT GENUINE .*edited after signing/);
    expect(lineOf(out.stdout, 'foreign')).toMatch(/^NOT GENUINE .*signed by an unknown key/);
    // the signature taken off: the same game as the genuine one, counted once, and unsigned
    expect(lineOf(out.stdout, 'stripped')).toMatch(/^DUPLICATE .*not signed/);
    expect(lineOf(out.stdout, 'static')).toMatch(/^genuine .*not signed/);
    expect(out.code).toBe(1);
  });

  it('fetches the keys from the server’s address', async () => {
    const out = await verifyCli([
      join(dir, 'genuine.json'),
      '--keys',
      `${server.base}/.well-known/jwks.json`,
    ]);
    expect(out.stdout).toContain(`signed by this server (key ${kid})`);
    expect(out.code).toBe(0);
  });

  it('without keys, says a result is signed but unchecked; a bad key file is a clear error', async () => {
    const out = await verifyCli([join(dir, 'genuine.json')]);
    expect(out.stdout).toContain(`signed (key ${kid}), not checked: give the server's keys`);
    const bad = await verifyCli([join(dir, 'genuine.json'), '--keys', join(dir, 'static.json')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('not a key set');
  });

  it('with --signed-only counts only what the server signed: an unsigned result is listed, not counted', async () => {
    const out = await verifyCli([
      join(dir, 'genuine.json'),
      join(dir, 'static.json'),
      '--keys',
      join(dir, 'jwks.json'),
      '--signed-only',
      '--csv',
      join(dir, 'cohort.csv'),
    ]);
    expect(lineOf(out.stdout, 'genuine')).toMatch(
      new RegExp(`^genuine .*signed by this server \\(key ${kid}\\)`),
    );
    expect(lineOf(out.stdout, 'static')).toMatch(
      /^NOT COUNTED {2}.*static\.json: Cy .*not signed — not counted: it carries no signature of the server: a result of the static game/,
    );
    expect(out.stdout).toContain('1 not signed (not counted)');
    expect(out.code).toBe(1);
    // the trainee with only an unsigned result is graded on nothing
    const cy = readFileSync(join(dir, 'cohort.csv'), 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Cy,'));
    expect(cy).toContain('not signed only');
    // only signed results: all counted, exit 0
    const signed = await verifyCli([
      join(dir, 'genuine.json'),
      '--keys',
      join(dir, 'jwks.json'),
      '--signed-only',
    ]);
    expect(signed.code).toBe(0);
    expect(signed.stdout).toContain('0 not signed (not counted)');
    // it needs the keys to know what the server signed
    const keyless = await verifyCli([join(dir, 'genuine.json'), '--signed-only']);
    expect(keyless.code).toBe(2);
    expect(keyless.stderr).toContain('give them with --keys');
  });
});
