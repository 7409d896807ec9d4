import { balanceReport, seedList } from '../analysis/balance.ts';
import { departedNamesWarnings } from '../analysis/departed-names.ts';
import { GATE_TREE_LIMIT } from '../analysis/gates.ts';
import { gatesMarkdown } from '../analysis/gates-markdown.ts';
import { balanceMarkdown } from '../analysis/markdown.ts';
import { countStrategies } from '../sim/index.ts';
import { fail, parseArgs } from './args.ts';
import { gateReportOnThreads } from './gate-pool.ts';
import { progressLine } from './progress.ts';
import { resolveScenario } from './resolve.ts';

// npm run scenario:report -- <file|id> [--seeds N] [--json]
// The balance gates of a scenario over seeds 1..N, as Markdown (or JSON), with a verdict a
// facilitator can act on; exit 1 when a gate fails. A scenario too large to walk whole
// gets the sampled balance report instead, and is told so.

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
const json = args.flags.has('json');
const strategies = countStrategies(bundle.scenario);
if (strategies > GATE_TREE_LIMIT) {
  const report = balanceReport(bundle.scenario, seedList(seeds));
  if (json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else {
    process.stdout.write(
      `Note: ${bundle.scenario.id} has ${strategies.toLocaleString('en')} strategies per seed, more than the ${GATE_TREE_LIMIT.toLocaleString('en')} the balance gates walk whole; this is the sampled balance report, without the gates' verdict.\n\n`,
    );
    process.stdout.write(balanceMarkdown(report));
  }
} else {
  const progress = progressLine('seeds played');
  const report = await gateReportOnThreads(bundle.scenario, seedList(seeds), (done) =>
    progress.update(Math.round(done * seeds), seeds),
  ).catch((err: unknown) => {
    progress.end();
    console.error(`error: the report could not be worked out: ${(err as Error).message}`);
    process.exit(1);
  });
  progress.end();
  if (json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else process.stdout.write(gatesMarkdown(report));
  if (!report.pass) process.exitCode = 1;
}
// a card that names someone who has left: a warning, since the results are not wrong
if (!json) {
  const names = departedNamesWarnings(bundle.scenario, seedList(Math.min(seeds, 100)));
  if (names.length > 0) {
    process.stdout.write(
      `\n## Names of people who have left\n\nIn games played with random replies on ${Math.min(seeds, 100)} seeds:\n\n${names.map((n) => `- ${n}`).join('\n')}\n`,
    );
  }
}
