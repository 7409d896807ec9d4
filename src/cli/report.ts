import { balanceReport, seedList } from '../analysis/balance.ts';
import { balanceMarkdown } from '../analysis/markdown.ts';
import { fail, parseArgs } from './args.ts';
import { resolveScenario } from './resolve.ts';

// npm run scenario:report -- <file|id> [--seeds N] [--json]
// prints the balance report of a scenario over seeds 1..N as Markdown (or JSON).

const USAGE = 'npm run scenario:report -- <file|id> [--seeds N] [--json]';

let args: ReturnType<typeof parseArgs>;
try {
  args = parseArgs(process.argv.slice(2), ['json']);
} catch (err) {
  fail((err as Error).message, USAGE);
}
const target = args.rest[0] ?? fail('name a scenario file or bundled id', USAGE);
const seeds = Number(args.flags.get('seeds') ?? '200');
if (!Number.isInteger(seeds) || seeds < 1 || seeds > 100_000) {
  fail('--seeds must be a whole number from 1 to 100000', USAGE);
}
let bundle: ReturnType<typeof resolveScenario>;
try {
  bundle = resolveScenario(target);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
const report = balanceReport(bundle.scenario, seedList(seeds));
if (args.flags.has('json')) {
  // the per-seed score lists make the JSON long but let another tool redo every figure
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else {
  process.stdout.write(balanceMarkdown(report));
}
