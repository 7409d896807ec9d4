import { spawnSync } from 'node:child_process';

// How `npm run bench` times things, and how it prints a row. Each figure is the median of
// several timed runs after a warm-up; a run that is too quick to time on its own repeats the
// work and divides. Both the wall time and the CPU time are shown: on a shared machine the
// wall time also counts the time spent waiting for a core, so the verdict is read off the
// CPU time, except where the work is spread over threads: there the CPU time adds the
// threads up, and what the user waits for is the wall time (or, for a whole command on a
// loaded machine, its CPU time shared out over the cores it may use).

export interface Timing {
  /** median wall-clock milliseconds of one call */
  wall: number;
  /** median CPU milliseconds (user + system, all of the process's threads) of one call */
  cpu: number;
}

export interface Row extends Timing {
  what: string;
  unit: 'µs' | 'ms' | 's';
  /** none: a figure to know, not a promise */
  target?: number;
  /**
   * what the target is read against: CPU time (the default), the wall time of work on
   * several threads, or the CPU time divided by `cores` (what that many free cores take)
   */
  verdictOn?: 'cpu' | 'wall' | 'cores';
  cores?: number;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Median time of one call of `work`, over `runs` runs of `repeat` calls each. */
export function time(work: () => void, runs: number, repeat = 1, warmup = 1): Timing {
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
export async function timeThreaded(work: () => Promise<unknown>, runs: number): Promise<Timing> {
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

/**
 * One of the project's commands (`node scripts/cli.mjs <source> ...args`) run as the user
 * runs it, start-up included: its wall time, and the CPU time of the process and all its
 * threads, which bash's `times` reads from the kernel once the command has ended.
 * `env` is called before each run (a fresh cache folder, say); `check` sees the command's
 * output, so that a figure is never taken from a command that did not do its work.
 */
export function timeCommand(
  source: string,
  args: () => string[],
  runs: number,
  env: () => Record<string, string> = () => ({}),
  check: (output: string) => void = () => {},
  /** exit codes of a command that did its work (the report exits 1 when a gate fails) */
  codes: readonly number[] = [0],
): Timing {
  const once = (): Timing => {
    const t0 = performance.now();
    const r = spawnSync(
      'bash',
      // the command's output goes to stderr, so that stdout holds only what `times` says
      ['-c', '"$@" 1>&2; code=$?; times; exit $code', 'bench'].concat(
        process.execPath,
        'scripts/cli.mjs',
        source,
        args(),
      ),
      {
        encoding: 'utf8',
        env: { ...process.env, ...env() },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const wall = performance.now() - t0;
    if (!codes.includes(r.status ?? -1))
      throw new Error(`${source} failed (${r.status}): ${r.stderr.slice(-2000)}`);
    // `times` prints the shell's own user and system time, then its children's
    const children = r.stdout.trim().split('\n').at(-1)!;
    const [user, system] = children.split(/\s+/).map(seconds);
    check(r.stderr);
    return { wall, cpu: (user! + system!) * 1000 };
  };
  once(); // builds the command's bundle, if a source changed
  const all = Array.from({ length: runs }, once);
  return { wall: median(all.map((t) => t.wall)), cpu: median(all.map((t) => t.cpu)) };
}

/** bash's "1m2.345s" in seconds. */
function seconds(text: string): number {
  const m = /^(\d+)m([\d.]+)s$/.exec(text);
  if (!m) throw new Error(`not a time from bash's times: ${text}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

export function format(row: Row): string {
  const scale = row.unit === 'µs' ? 1000 : row.unit === 's' ? 0.001 : 1;
  const show = (ms: number) => {
    const v = ms * scale;
    return `${v.toFixed(v < 10 ? 2 : v < 100 ? 1 : 0)} ${row.unit}`;
  };
  if (row.target === undefined)
    return `| ${row.what} | ${show(row.wall)} | ${show(row.cpu)} | — | — |`;
  const cores = row.cores ?? 1;
  const on = row.verdictOn ?? 'cpu';
  const figure = on === 'wall' ? row.wall : on === 'cores' ? row.cpu / cores : row.cpu;
  const verdict = figure <= row.target ? 'met' : 'MISSED';
  const how =
    on === 'wall' ? ' (wall)' : on === 'cores' ? ` (CPU ÷ ${cores} = ${show(figure)})` : '';
  return `| ${row.what} | ${show(row.wall)} | ${show(row.cpu)} | < ${show(row.target)} | ${verdict}${how} |`;
}
