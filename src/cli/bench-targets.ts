import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BalanceRun, seedList } from '../analysis/balance.ts';
import { gatesFor } from '../analysis/gates.ts';
import type { ScenarioDef } from '../sim/index.ts';
import { type Row, time, timeCommand } from './bench-timing.ts';
import { linksFor, makeResults } from './sample-results.ts';
import { scenarioFileText, twentyBySix } from './synthetic.ts';
import { threadCount } from './threads.ts';

// The speed targets of issue 14 ("fast enough to check everything") that whole commands
// meet or miss, each run as a user runs it: the first `verify` of a cohort with a market per
// trainee, the balance report of a shipped scenario, and every tool on a scenario far too
// large to walk whole. Everything they write goes under one temporary folder.

const SEEDS = 200;
const TRAINEES = 500;

export function commandRows(silos: ScenarioDef, largest: ScenarioDef): Row[] {
  const root = mkdtempSync(join(tmpdir(), 'tow-bench-'));
  try {
    return [
      verifyRow(root),
      reportRow(silos),
      ...(largest.id === silos.id ? [] : [reportRow(largest)]),
      ...largeScenarioRows(root, twentyBySix(silos)),
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function verifyRow(root: string): Row {
  const results = join(root, 'results');
  makeResults(results, 'silos', TRAINEES, 1, false);
  const links = join(root, 'links.csv');
  writeFileSync(links, linksFor('silos', TRAINEES, 1, false));
  let run = 0;
  const threads = threadCount();
  return {
    what: `the first \`npm run verify\` of ${TRAINEES} results from ${TRAINEES} per-trainee markets (silos: ${TRAINEES} censuses, none kept), the whole command on ${threads} threads, start-up included`,
    ...timeCommand(
      'src/cli/verify.ts',
      () => [results, '--links', links],
      3,
      // a new cache folder each run: nothing worked out before
      () => ({ TOW_CACHE_DIR: join(root, `cache-${run++}`) }),
      (out) => expectIn(out, `${TRAINEES} genuine`),
    ),
    unit: 's',
    target: 2000,
    verdictOn: 'cores',
    cores: threads,
  };
}

function reportRow(scenario: ScenarioDef): Row {
  const threads = threadCount();
  return {
    what: `\`npm run scenario:report -- scenarios/${scenario.id}.yaml --seeds ${SEEDS}\`: every strategy on every seed and the gates, the whole command on ${threads} threads (one run)`,
    ...timeCommand(
      'src/cli/report.ts',
      () => [`scenarios/${scenario.id}.yaml`, '--seeds', String(SEEDS)],
      1,
      () => ({}),
      (out) => expectIn(out, 'Verdict'),
      [0, 1],
    ),
    unit: 's',
    target: 10_000,
    verdictOn: 'cores',
    cores: threads,
  };
}

/** Each tool on 20 quarters × 6 replies: it must sample, say so, and finish. */
function largeScenarioRows(root: string, big: ScenarioDef): Row[] {
  const file = join(root, `${big.id}.yaml`);
  writeFileSync(file, scenarioFileText(big));
  const shape = '20 quarters × 6 replies (3.7e15 strategies)';
  return [
    {
      what: `\`npm run scenario:report\` on ${shape}, ${SEEDS} seeds: sampled, and says so (one run)`,
      ...timeCommand(
        'src/cli/report.ts',
        () => [file, '--seeds', String(SEEDS)],
        1,
        () => ({}),
        (out) => expectIn(out, 'this is the sampled balance report'),
      ),
      unit: 's',
      target: 10_000,
    },
    {
      what: `\`npm run simulate -- --percentile\` on ${shape}: the fair score from a sample, which it names`,
      ...timeCommand(
        'src/cli/simulate.ts',
        () => ['--scenario', file, '--seed', '3', '--policy', 'random', '--percentile'],
        3,
        () => ({}),
        (out) => expectIn(out, 'from a sample of 26,492'),
      ),
      unit: 's',
      target: 10_000,
    },
    {
      what: `the workshop's balance page on ${shape}, ${SEEDS} seeds (what its worker runs, in Node; one run)`,
      ...time(
        () => {
          const run = new BalanceRun(big);
          const list = seedList(SEEDS);
          for (const seed of list) run.add(seed);
          // too large for the gates, which the page then says
          if (gatesFor(big, list) !== null) throw new Error('the gates tried to walk 20x6');
          // sampled, not walked: the best path is searched for and named as found
          expectIn(run.result().search.kind, 'beam');
        },
        1,
        1,
        0,
      ),
      unit: 's',
      target: 10_000,
    },
  ];
}

function expectIn(text: string, needle: string): void {
  if (!text.includes(needle)) throw new Error(`expected "${needle}" in: ${text.slice(0, 2000)}`);
}
