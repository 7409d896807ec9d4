import { readFileSync } from 'node:fs';
import { formatIssue } from '../scenario/errors.ts';
import { loadScenario } from '../scenario/load.ts';

// npm run scenario:check -- <files...>: every error and warning, one a line, as
// file:line:col: path: message. Exit 0 when every file is valid.

const files = process.argv.slice(2).filter((a) => a !== '--');
if (files.length === 0) {
  console.error('usage: npm run scenario:check -- <scenario.yaml> [more files...]');
  process.exit(2);
}
let failed = 0;
for (const file of files) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    console.log(
      `${file}:1:1: (file): cannot read the file (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
    );
    failed++;
    continue;
  }
  const result = loadScenario(text, file);
  for (const w of result.warnings) console.log(`${formatIssue(w)} (warning)`);
  if (!result.ok) {
    failed++;
    for (const i of result.issues) console.log(formatIssue(i));
  } else {
    console.error(`${file}: ok (${result.scenario.quarters} quarters, hash ${result.hash})`);
  }
}
process.exit(failed > 0 ? 1 : 0);
