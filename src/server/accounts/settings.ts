import { readFileSync } from 'node:fs';
import { accountNameSchema, type Role, roleSchema } from '../../room/accounts.ts';
import { type PasswordHash, parsePasswordHash } from './password.ts';

// Who may sign in: accounts listed in the environment, one a line,
//   <name> <role> <password hash>
// in TOW_ACCOUNTS (lines, or entries separated by ";") or in the file TOW_ACCOUNTS_FILE
// names; blank lines and lines starting with # are skipped. Every problem is reported with
// where it is (the variable or file, and the line), all at once, and the start stops.

export interface AccountEntry {
  name: string;
  role: Role;
  hash: PasswordHash;
}

export interface AccountSettings {
  TOW_ACCOUNTS?: string | undefined;
  TOW_ACCOUNTS_FILE?: string | undefined;
}

export class AccountsError extends Error {}

/** The accounts the settings list (none when neither variable is set); AccountsError when any is wrong. */
export function readAccounts(env: AccountSettings): AccountEntry[] {
  if (env.TOW_ACCOUNTS && env.TOW_ACCOUNTS_FILE)
    throw new AccountsError(
      'TOW_ACCOUNTS and TOW_ACCOUNTS_FILE are both set: keep the accounts in one of them',
    );
  if (env.TOW_ACCOUNTS) {
    // entries on lines are counted by line; on one line separated by ";", by entry
    const separator = env.TOW_ACCOUNTS.includes(';') ? /\r?\n|;/ : /\r?\n/;
    return parseAccounts(env.TOW_ACCOUNTS, 'TOW_ACCOUNTS', separator);
  }
  if (env.TOW_ACCOUNTS_FILE) {
    let text: string;
    try {
      text = readFileSync(env.TOW_ACCOUNTS_FILE, 'utf8');
    } catch (err) {
      throw new AccountsError(
        `TOW_ACCOUNTS_FILE: ${env.TOW_ACCOUNTS_FILE} cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
      );
    }
    return parseAccounts(text, env.TOW_ACCOUNTS_FILE, /\r?\n/);
  }
  return [];
}

/** `source` names where the text came from in every error: a variable or a file. */
export function parseAccounts(text: string, source: string, separator: RegExp): AccountEntry[] {
  const accounts: AccountEntry[] = [];
  const problems: string[] = [];
  const firstLine = new Map<string, number>();
  const what = separator.source.includes(';') ? 'entry' : 'line';
  text.split(separator).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const at = `${source} ${what} ${i + 1}`;
    const fields = line.split(/\s+/);
    if (fields.length !== 3) {
      problems.push(
        `${at}: expected "name role password-hash" (3 fields separated by spaces), found ${fields.length}`,
      );
      return;
    }
    const [name, role, hashText] = fields as [string, string, string];
    const shown = JSON.stringify(name.slice(0, 64));
    if (!accountNameSchema.safeParse(name).success)
      problems.push(`${at}: the name ${shown} is not up to 64 letters, digits and . _ @ + -`);
    const parsedRole = roleSchema.safeParse(role);
    if (!parsedRole.success)
      problems.push(
        `${at}: the role ${JSON.stringify(role.slice(0, 32))} of ${shown} is not one of ${roleSchema.options.join(', ')}`,
      );
    const hash = parsePasswordHash(hashText);
    if (typeof hash === 'string') problems.push(`${at}: the password hash of ${shown}: ${hash}`);
    const earlier = firstLine.get(name);
    if (earlier !== undefined)
      problems.push(`${at}: ${shown} is listed already (${what} ${earlier}); names must differ`);
    else firstLine.set(name, i + 1);
    if (parsedRole.success && typeof hash !== 'string')
      accounts.push({ name, role: parsedRole.data, hash });
  });
  if (problems.length > 0) throw new AccountsError(problems.join('\n  '));
  return accounts;
}
