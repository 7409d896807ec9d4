import { type ChildProcess, fork } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { FuzzReply } from './fuzz-worker.ts';

// 1,200 random mutations of the bundled scenarios (lines deleted, duplicated, swapped or
// re-indented, characters changed, values swapped, numbers made absurd, files cut short).
// Whatever the damage, loading must end within a time bound, and yield either a scenario
// that plays to its last quarter, or errors that each name a line inside the file and say
// something. Loads run in a child process that is killed if one takes too long.

const RUNS = Number(process.env.FUZZ_RUNS ?? 1200);
const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
/** A hang guard, not a speed target: a load takes milliseconds. */
const LIMIT_MS = 10_000;

const DIR = new URL('../../scenarios/', import.meta.url);
const BASES = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => ({ name: f, text: readFileSync(new URL(f, DIR), 'utf8') }));

const SPECIAL = [...':- \t\n#&*![]{}"\'|>%@`\\?,x0', '\u0000', '\u00e9', '\ufeff', '\r', '\u2028'];
const ODD_VALUES = [
  '.nan',
  '.inf',
  '-.inf',
  '1e999',
  '-0',
  '0x1F',
  '"7"',
  '999999999',
  '',
  '~',
  'yes',
  '[]',
  '{}',
  '&a 1',
  '*a',
  '!!binary aGk=',
  '__proto__',
  '<b>x</b>',
];

const KINDS = [
  'deleteLine',
  'duplicateLine',
  'swapLines',
  'changeChar',
  'insertChar',
  'deleteChars',
  'swapValues',
  'indent',
  'truncate',
  'oddValue',
  'copyLine',
  'tabify',
] as const;

interface Op {
  kind: (typeof KINDS)[number];
  a: number;
  b: number;
  c: number;
}

const VALUE_LINE = /^(\s*(?:- )?[\w-]+:)( .+)$/;

function mutate(text: string, op: Op): string {
  const lines = text.split('\n');
  const n = lines.length;
  const li = op.a % n;
  const lj = op.b % n;
  const at = op.a % Math.max(1, text.length);
  switch (op.kind) {
    case 'deleteLine':
      lines.splice(li, 1 + (op.c % 3));
      return lines.join('\n');
    case 'duplicateLine':
      lines.splice(li, 0, lines[li]!);
      return lines.join('\n');
    case 'swapLines':
      [lines[li], lines[lj]] = [lines[lj]!, lines[li]!];
      return lines.join('\n');
    case 'changeChar':
      return text.slice(0, at) + SPECIAL[op.c % SPECIAL.length] + text.slice(at + 1);
    case 'insertChar':
      return text.slice(0, at) + SPECIAL[op.c % SPECIAL.length] + text.slice(at);
    case 'deleteChars':
      return text.slice(0, at) + text.slice(at + 1 + (op.b % 12));
    case 'swapValues': {
      const valued = lines.flatMap((l, i) => (VALUE_LINE.test(l) ? [i] : []));
      if (valued.length < 2) return text;
      const x = valued[op.a % valued.length]!;
      const y = valued[op.b % valued.length]!;
      const [, kx, vx] = VALUE_LINE.exec(lines[x]!)!;
      const [, ky, vy] = VALUE_LINE.exec(lines[y]!)!;
      lines[x] = kx + vy!;
      lines[y] = ky + vx!;
      return lines.join('\n');
    }
    case 'indent': {
      const shift = (op.c % 7) - 3;
      const line = lines[li]!;
      lines[li] = shift >= 0 ? ' '.repeat(shift) + line : line.replace(/^ {1,3}/, '');
      return lines.join('\n');
    }
    case 'truncate':
      return text.slice(0, at);
    case 'oddValue': {
      const valued = lines.flatMap((l, i) => (VALUE_LINE.test(l) ? [i] : []));
      if (valued.length === 0) return text;
      const x = valued[op.b % valued.length]!;
      lines[x] = `${VALUE_LINE.exec(lines[x]!)![1]} ${ODD_VALUES[op.c % ODD_VALUES.length]}`;
      return lines.join('\n');
    }
    case 'copyLine':
      lines.splice(lj, 0, lines[li]!);
      return lines.join('\n');
    case 'tabify':
      lines[li] = lines[li]!.replace(/^( +)/, '\t');
      return lines.join('\n');
  }
}

/** One loader process, restarted if a load had to be killed. */
class Loader {
  private child: ChildProcess | null = null;
  times: number[] = [];
  loads = 0;
  valid = 0;

  /** The loader process, started (and waited for) when there is none. */
  private async start(): Promise<ChildProcess> {
    if (this.child) return this.child;
    const child = fork(new URL('./fuzz-worker.ts', import.meta.url), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    await new Promise((resolve) => child.once('message', resolve));
    this.child = child;
    return child;
  }

  async load(source: string, file: string): Promise<FuzzReply> {
    const child = await this.start();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        this.child = null;
        reject(new Error(`loading took more than ${LIMIT_MS} ms`));
      }, LIMIT_MS);
      child.once('message', (reply: FuzzReply) => {
        clearTimeout(timer);
        this.loads++;
        if (reply.ok) this.valid++;
        this.times.push(reply.ms);
        resolve(reply);
      });
      child.send({ source, file });
    });
  }

  stop() {
    this.child?.kill();
  }
}

describe('fuzzing the scenario loader', () => {
  const loader = new Loader();
  afterAll(() => loader.stop());

  it(`survives ${RUNS} random mutations of the bundled scenarios`, async () => {
    expect(BASES.length).toBeGreaterThan(0);
    const op = fc.record({
      kind: fc.constantFrom(...KINDS),
      a: fc.nat(),
      b: fc.nat(),
      c: fc.nat(),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: BASES.length - 1 }),
        fc.array(op, { minLength: 1, maxLength: 4 }),
        async (which, ops) => {
          const base = BASES[which]!;
          const source = ops.reduce(mutate, base.text);
          const file = `mutated-${base.name}`;
          const reply = await loader.load(source, file);
          if (reply.ok) {
            expect(reply.playError, 'a scenario that loads must play to its end').toBeUndefined();
            return;
          }
          const lineCount = source.split('\n').length;
          expect(reply.issues.length).toBeGreaterThan(0);
          for (const issue of reply.issues) {
            expect(issue.file).toBe(file);
            expect(Number.isInteger(issue.line) && issue.line >= 1).toBe(true);
            expect(issue.line).toBeLessThanOrEqual(lineCount);
            expect(issue.col).toBeGreaterThanOrEqual(1);
            expect(issue.message.trim().length).toBeGreaterThan(0);
            expect(issue.message).not.toMatch(/\n|checker failed/);
            expect(issue.path).not.toMatch(/\n/);
          }
        },
      ),
      { numRuns: RUNS, seed: SEED, endOnFailure: false },
    );
    const sorted = [...loader.times].sort((x, y) => x - y);
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
    console.log(
      `fuzz: ${loader.loads} loads (${loader.valid} still valid); ms per load: median ${at(0.5).toFixed(1)}, p99 ${at(0.99).toFixed(1)}, max ${at(1).toFixed(1)}`,
    );
    expect(loader.loads).toBeGreaterThanOrEqual(RUNS);
  }, 600_000);
});
