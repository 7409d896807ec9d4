import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { hashPassword } from './password.ts';

// `npm run server:hash-password`: asks for a password (twice, not shown, at a terminal; or
// reads one line from a pipe) and prints its hash for a TOW_ACCOUNTS line. The password is
// never an argument, so it stays out of the shell's history and the process list.

const MIN_LENGTH = 12;

async function ask(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _enc, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: process.stdin.isTTY });
  process.stderr.write(question);
  muted = true;
  const answer = await new Promise<string>((resolve, reject) => {
    rl.once('line', resolve);
    rl.once('close', () => reject(new Error('no password was given')));
  });
  rl.close();
  if (process.stdin.isTTY) process.stderr.write('\n');
  return answer;
}

async function main(): Promise<void> {
  const password = await ask('Password: ');
  if (process.stdin.isTTY && (await ask('Again: ')) !== password)
    throw new Error('the two passwords differ');
  if (password.length < MIN_LENGTH)
    throw new Error(`a password needs at least ${MIN_LENGTH} characters`);
  console.log(await hashPassword(password));
}

main().catch((err: Error) => {
  console.error(`hash-password: ${err.message}`);
  process.exit(1);
});
