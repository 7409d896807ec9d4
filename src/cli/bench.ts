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
import { everyStrategy } from './census-pool.ts';
import { syntheticScenario } from './synthetic.ts';
import { threadCount } from './threads.ts';

// npm run bench: the speed figures of issues 2 and 4, as a markdown table for docs/benchmarks.md.
// Each figure is the median of several timed runs after a warm-up; a run that is too
// quick to time on its own repeats the work and divides. Both the wall time and the
// process's CPU time are shown: on a shared machine the wall time also counts the time
// spent waiting for a core, so the verdict is read off the CPU time, except where the work
// is spread over threads: there the CPU time adds the threads up, and what the user waits
// for is the wall time.

interface Timing {
  /** median wall-clock milliseconds of one call */
  wall: number;
  /** median CPU milliseconds (user + system, all of the process's threads) of one call */
  cpu: number;
}

interface Row extends Timing {
  what: string;
  unit: 'µs' | 'ms' | 's';
  /** none: a figure to know, not a promise */
  target?: number;
  /** what the target is read against: CPU time, unless the work runs on several threads */
  verdictOn?: 'cpu' | 'wall';
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Median time of one call of `work`, over `runs` runs of `repeat` calls each. */
function time(work: () => void, runs: number, repeat = 1, warmup = 1): Timing {
  for (let i = 0; i < warmup; i++) for (let r = 0; r < repeat; r++) work();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let r = 0; r < repeat; r++) work();
    walls.push((performance.now() - t0) / repeat);
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / 1000 / repeat);
  }
  return { wall: median(walls), cpu: median(cpus) };
}

/** time() for work that runs on threads, one call at a time. */
async function timeThreaded(work: () => Promise<unknown>, runs: number): Promise<Timing> {
  await work();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await work();
    walls.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / 1000);
  }
  return { wall: median(walls), cpu: median(cpus) };
}

function format(row: Row): string {
  const scale = row.unit === 'µs' ? 1000 : row.unit === 's' ? 0.001 : 1;
  const show = (ms: number) => {
    const v = ms * scale;
    return `${v.toFixed(v < 10 ? 2 : v < 100 ? 1 : 0)} ${row.unit}`;
  };
  if (row.target === undefined)
    return `| ${row.what} | ${show(row.wall)} | ${show(row.cpu)} | — | — |`;
  const wall = row.verdictOn === 'wall';
  const verdict = (wall ? row.wall : row.cpu) <= row.target ? 'met' : 'MISSED';
  return `| ${row.what} | ${show(row.wall)} | ${show(row.cpu)} | < ${show(row.target)} | ${verdict}${wall ? ' (wall)' : ''} |`;
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

const line = playPolicy(longest, seed, 'collaborative').choices;
const rows: Row[] = [];
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
const census83: Row = {
  what: `every strategy of ${eightByThree.id} (${n83.toLocaleString('en')}) on one seed`,
  ...time(() => census(eightByThree, seed), 11, 1, 2),
  unit: 'ms',
  target: 50,
};
rows.push(census83);
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

// the machine may be shared: say how busy it was, since a loaded machine inflates every figure
const load = loadavg()[0]!.toFixed(1);
console.log(
  `Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, load average ${load} at the end; median of several runs after a warm-up.\n`,
);
console.log('| measure | wall (median) | CPU (median) | target | on CPU time |');
console.log('|---|---|---|---|---|');
for (const row of rows) console.log(format(row));
