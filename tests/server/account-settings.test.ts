import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  hashPassword,
  MIN_N,
  parsePasswordHash,
  passwordMatches,
} from '../../src/server/accounts/password.ts';
import { readEnv } from '../../src/server/config.ts';
import { tempDir } from '../helpers/temp.ts';

// The accounts an admin writes into the environment: read when right, and when wrong a
// start that stops with every problem and where it is (the variable or file, and the line).

const hash = await hashPassword('a long enough password', { N: MIN_N, r: 8, p: 1 });

const errorOf = (env: NodeJS.ProcessEnv): string => {
  try {
    readEnv(env);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('the settings were accepted');
};

describe('accounts in the settings', () => {
  it('reads lines or ;-separated entries, skipping blanks and comments', () => {
    const env = readEnv({ TOW_ACCOUNTS: `# HR\nhana hr ${hash}\n\nfred facilitator ${hash}` });
    expect(env.accounts.map((a) => [a.name, a.role])).toEqual([
      ['hana', 'hr'],
      ['fred', 'facilitator'],
    ]);
    const one = readEnv({ TOW_ACCOUNTS: `ada admin ${hash}; hana hr ${hash}` });
    expect(errorOf({ TOW_ACCOUNTS: `ada admin ${hash}; hana boss ${hash}` })).toMatch(
      /entry 2: the role/,
    );
    expect(one.accounts.map((a) => a.name)).toEqual(['ada', 'hana']);
    expect(readEnv({}).accounts).toEqual([]);
    expect(readEnv({}).TOW_SESSION_HOURS).toBe(12);
  });

  it('names the entry and what is wrong with it, every problem at once', () => {
    const message = errorOf({
      TOW_ACCOUNTS: [
        `hana hr ${hash}`,
        `boss owner ${hash}`,
        'fred facilitator hunter2',
        `hana admin ${hash}`,
        'lonely',
        `fi<script> hr ${hash}`,
      ].join('\n'),
    });
    expect(message).toMatch(
      /TOW_ACCOUNTS line 2: the role "owner" of "boss" is not one of admin, hr, facilitator/,
    );
    expect(message).toMatch(
      /TOW_ACCOUNTS line 3: the password hash of "fred": not a password hash .*server:hash-password/,
    );
    expect(message).toMatch(/TOW_ACCOUNTS line 4: "hana" is listed already \(line 1\)/);
    expect(message).toMatch(/TOW_ACCOUNTS line 5: expected "name role password-hash" \(3 fields/);
    expect(message).toMatch(/TOW_ACCOUNTS line 6: the name "fi<script>" is not/);
    // a password never shows in the message, even a mistyped one in the hash's place
    expect(message).not.toMatch(/hunter2/);
  });

  it('refuses a hash cheaper than the hash command makes', () => {
    const weak = hash.replace(`scrypt$${MIN_N}$`, 'scrypt$1024$');
    expect(errorOf({ TOW_ACCOUNTS: `hana hr ${weak}` })).toMatch(
      /line 1: the password hash of "hana": the scrypt cost N=1024 is not a power of two of at least 16384/,
    );
  });

  it('reads a file, and says which file and line is wrong, or that it cannot be read', () => {
    const dir = tempDir('accounts');
    const file = join(dir, 'accounts.txt');
    writeFileSync(file, `hana hr ${hash}\nfred trainer ${hash}\n`);
    expect(errorOf({ TOW_ACCOUNTS_FILE: file })).toContain(`${file} line 2: the role "trainer"`);
    writeFileSync(file, `hana hr ${hash}\n`);
    expect(readEnv({ TOW_ACCOUNTS_FILE: file }).accounts).toHaveLength(1);
    expect(errorOf({ TOW_ACCOUNTS_FILE: join(dir, 'missing.txt') })).toMatch(
      /TOW_ACCOUNTS_FILE: .*missing\.txt cannot be read \(ENOENT\)/,
    );
    expect(errorOf({ TOW_ACCOUNTS_FILE: file, TOW_ACCOUNTS: `hana hr ${hash}` })).toMatch(
      /both set/,
    );
  });

  it('reports the accounts beside the other settings’ problems', () => {
    const message = errorOf({ TOW_ACCOUNTS: 'x', TOW_SESSION_HOURS: '-1' });
    expect(message).toMatch(/TOW_SESSION_HOURS/);
    expect(message).toMatch(/TOW_ACCOUNTS line 1/);
  });
});

describe('npm run server:hash-password', () => {
  const run = (input: string) =>
    spawnSync(process.execPath, ['scripts/cli.mjs', 'src/server/accounts/hash-password.ts'], {
      input,
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('prints a hash of the password it reads, which that password matches and no other', async () => {
    const out = run('correct horse battery staple\n');
    expect(out.status).toBe(0);
    const printed = out.stdout.trim();
    expect(printed).not.toContain('correct horse');
    const parsed = parsePasswordHash(printed);
    if (typeof parsed === 'string') throw new Error(parsed);
    expect(parsed.N).toBeGreaterThanOrEqual(2 ** 16);
    expect(await passwordMatches('correct horse battery staple', parsed)).toBe(true);
    expect(await passwordMatches('correct horse battery stapler', parsed)).toBe(false);
    expect(readEnv({ TOW_ACCOUNTS: `hana hr ${printed}` }).accounts[0]!.name).toBe('hana');
  }, 60_000);

  it('refuses a short password', () => {
    const out = run('short\n');
    expect(out.status).toBe(1);
    expect(out.stderr).toMatch(/at least 12 characters/);
    expect(out.stdout).toBe('');
  }, 60_000);
});
