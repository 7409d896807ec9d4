import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatIssue } from '../scenario/errors.ts';
import { loadScenario } from '../scenario/load.ts';
import { checksNotYetRun } from '../scenario/stages.ts';

// npm run scenario:check -- <files or folders...>: every error, one a line, as
// file:line:col: path: message (warnings as "path: warning: message"), which an editor or
// CI can pick out; then each file's verdict ("file: ok (…)", "file: 2 errors", with what is
// not checked yet when the errors stopped the checks early: stages.ts) and a
// summary. Everything goes to stdout, in order: with the verdicts on stderr, a terminal or
// a log that gathers both streams could print a file's verdict on the line of the previous
// file's last error. Exit 0 when every file is valid, 1 when any is not, 2 when there is
// nothing to check.

function expand(arg: string): string[] {
  try {
    if (statSync(arg).isDirectory()) {
      return readdirSync(arg)
        .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
        .sort()
        .map((f) => join(arg, f));
    }
  } catch {
    // a path that does not exist is reported when it is read
  }
  return [arg];
}

const args = process.argv.slice(2).filter((a) => a !== '--');
const files = args.flatMap(expand);
if (args.length === 0 || files.length === 0) {
  console.error('usage: npm run scenario:check -- <scenario.yaml or folder> [more...]');
  process.exit(2);
}

let failed = 0;
for (const file of files) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder' : code;
    console.log(`${file}:1:1: (file): cannot read the file (${why ?? 'error'})`);
    failed++;
    continue;
  }
  const result = loadScenario(text, file);
  const lines = [
    ...(result.ok ? [] : result.issues.map((i) => ({ ...i, warning: false }))),
    ...result.warnings.map((w) => ({ ...w, warning: true })),
  ].sort((a, b) => a.line - b.line || a.col - b.col);
  for (const i of lines) {
    console.log(formatIssue(i.warning ? { ...i, message: `warning: ${i.message}` } : i));
  }
  if (!result.ok) {
    failed++;
    const n = result.problems;
    const later = checksNotYetRun(result.stage, n);
    console.log(
      `${file}: ${n.toLocaleString('en')} error${n === 1 ? '' : 's'}${later ? `. ${later}` : ''}`,
    );
  } else console.log(`${file}: ok (${result.scenario.quarters} quarters, hash ${result.hash})`);
}
console.log(
  files.length === 1
    ? failed === 0
      ? '1 file checked: valid'
      : '1 file checked: it has errors'
    : `${files.length} files checked: ${files.length - failed} valid, ${failed} with errors`,
);
process.exit(failed > 0 ? 1 : 0);
