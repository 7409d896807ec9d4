import { cpus, loadavg } from 'node:os';
import { loadBundledScenarios } from '../scenario/bundled.ts';
import {
  census,
  countStrategies,
  percentile,
  playChoices,
  playPolicy,
  type ScenarioDef,
  score,
} from '../sim/index.ts';
import { fail, parseArgs } from './args.ts';
import { commandRows } from './bench-targets.ts';
import { format, type Row, time, timeThreaded } from './bench-timing.ts';
import { everyStrategy } from './census-pool.ts';
import { syntheticScenario } from './synthetic.ts';
import { threadCount } from './threads.ts';

// npm run bench [-- --only model|commands]: the speed figures of issues 2, 4 and 14, as a
// markdown table for docs/benchmarks.md: the model's own figures, then whole commands
// (verify, the balance report, every tool on a 20 × 6 scenario). How each is timed, and
// which time the verdict reads: bench-timing.ts.

const USAGE = 'npm run bench [-- --only model|commands]';
let only: string | undefined;
try {
  only = parseArgs(process.argv.slice(2), [], ['only']).flags.get('only');
} catch (err) {
  fail((err as Error).message, USAGE);
}
if (only !== undefined && only !== 'model' && only !== 'commands') {
  fail('--only takes model or commands', USAGE);
}

const bundled = loadBundledScenarios();
if (bundled.length === 0) throw new Error('no bundled scenarios to measure');
const tutorial =
  bundled.find((b) => b.scenario.id === 'tutorial')?.scenario ?? bundled[0]!.scenario;
const longest = bundled.reduce((a, b) =>
  b.scenario.quarters > a.scenario.quarters ? b : a,
).scenario;
const largest = bundled.reduce((a, b) =>
  countStrategies(b.scenario) > countStrategies(a.scenario) ? b : a,
).scenario;
const is8x3 = (s: ScenarioDef) =>
  s.situations.length === 8 &&
  s.situations.every((x) => x.choices.length === 3 && !x.choices.some((c) => c.next));
const eightByThree =
  bundled.find((b) => is8x3(b.scenario))?.scenario ?? syntheticScenario(tutorial, 8, 3);
const tenByFour = syntheticScenario(tutorial, 10, 4);
const seed = 'bench-1';
/** Censuses played before the census rows are timed (see modelRows). */
const CENSUS_WARMUPS = 20;

const rows: Row[] = [];
if (only !== 'commands') await modelRows();
if (only !== 'model') {
  const silos = bundled.find((b) => b.scenario.id === 'silos')?.scenario ?? eightByThree;
  rows.push(...commandRows(silos, largest));
}

async function modelRows(): Promise<void> {
  const line = playPolicy(longest, seed, 'collaborative').choices;
  rows.push({
    what: `one full replay of the longest scenario (${longest.id}, ${line.length} quarters), as verify does it`,
    ...time(() => playChoices(longest, seed, line, { trace: false }), 15, 2000, 1),
    unit: 'µs',
    target: 0.05,
  });
  rows.push({
    what: `the same replay recording every cause, as the debrief does it`,
    ...time(() => playChoices(longest, seed, line), 15, 2000, 1),
    unit: 'µs',
  });
  const n83 = countStrategies(eightByThree);
  // the census's own cost, once the engine has compiled it: after two warm-ups the CPU
  // figure also counted the compiler's threads still optimising it (7.6 ms against 6.2–6.5
  // warm). verify's row below counts the warming up, as a user's run pays it.
  const census83: Row = {
    what: `every strategy of ${eightByThree.id} (${n83.toLocaleString('en')}) on one seed, after ${CENSUS_WARMUPS} warm-up censuses`,
    ...time(() => census(eightByThree, seed), 11, 1, CENSUS_WARMUPS),
    unit: 'ms',
    target: 5,
  };
  rows.push(census83);
  // the other shipped 8 × 3 scenarios, whose trees hold the same number of strategies
  for (const { scenario } of bundled) {
    if (scenario === eightByThree || !is8x3(scenario)) continue;
    rows.push({
      what: `every strategy of ${scenario.id} (${countStrategies(scenario).toLocaleString('en')}) on one seed, after ${CENSUS_WARMUPS} warm-up censuses`,
      ...time(() => census(scenario, seed), 11, 1, CENSUS_WARMUPS),
      unit: 'ms',
      target: 5,
    });
  }
  const player = playPolicy(eightByThree, seed, 'random');
  rows.push({
    what: `percentile of a game of ${eightByThree.id} (census + rank)`,
    ...time(() => percentile(census(eightByThree, seed), player.score), 11, 1, 2),
    unit: 'ms',
    target: 50,
  });
  const nLargest = countStrategies(largest);
  const largestGame = playPolicy(largest, seed, 'random');
  rows.push({
    what: `percentile of the largest bundled scenario (${largest.id}, ${nLargest.toLocaleString('en')} strategies${nLargest > 100_000 ? ', sampled' : ''})`,
    ...time(
      () => percentile(census(largest, seed), score(largest.rubric, largestGame.state)),
      7,
      1,
      1,
    ),
    unit: 'ms',
    target: 200,
  });
  // the census is bound by step(): one census of an 8x3 tree takes 3^1 + … + 3^8 = 9,840 steps
  const steps83 = eightByThree.situations.reduce((acc, _s, i) => acc + 3 ** (i + 1), 0);
  rows.push({
    what: `one step() inside the census (${eightByThree.id} census time / ${steps83.toLocaleString('en')} steps); every 10x4 strategy on one thread in 2 s would need < 1.43 µs`,
    wall: census83.wall / steps83,
    cpu: census83.cpu / steps83,
    unit: 'µs',
  });
  const n104 = countStrategies(tenByFour);
  rows.push({
    what: `every strategy of ${tenByFour.id} (${n104.toLocaleString('en')}) on one seed, one thread`,
    ...time(() => census(tenByFour, seed, { exhaustiveLimit: Number.POSITIVE_INFINITY }), 3, 1, 1),
    unit: 's',
  });
  rows.push({
    what: `the same on every core, as \`simulate --percentile --every-strategy\` plays it (${threadCount()} threads, started in each run; the model's bundle for them, about 50 ms, is built once per process)`,
    ...(await timeThreaded(() => everyStrategy(tenByFour, seed), 3)),
    unit: 's',
    target: 2000,
    verdictOn: 'wall',
  });
  rows.push({
    what: `percentile of ${tenByFour.id}, seeded sample (±1 point at 99%)`,
    ...time(() => census(tenByFour, seed), 5, 1, 1),
    unit: 'ms',
    target: 2000,
  });
}

// the machine may be shared: say how busy it was, since a loaded machine inflates every figure
const load = loadavg()[0]!.toFixed(1);
console.log(
  `Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, load average ${load} at the end; median of several runs after a warm-up.\n`,
);
console.log('| measure | wall (median) | CPU (median) | target | on CPU time |');
console.log('|---|---|---|---|---|');
for (const row of rows) console.log(format(row));
