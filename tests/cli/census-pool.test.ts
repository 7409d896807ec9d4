import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gateReport } from '../../src/analysis/gates.ts';
import { censuses, everyStrategy } from '../../src/cli/census-pool.ts';
import { gateReportOnThreads } from '../../src/cli/gate-pool.ts';
import { runSimulate } from '../../src/cli/simulate.ts';
import { syntheticScenario } from '../../src/cli/synthetic.ts';
import { onThreads } from '../../src/cli/threads.ts';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import {
  census,
  countStrategies,
  percentile,
  playPolicy,
  type ScenarioDef,
  score,
} from '../../src/sim/index.ts';
import { tempDir } from '../helpers/temp.ts';

const bundled = loadBundledScenarios();
const tutorial = bundled.find((b) => b.scenario.id === 'tutorial')!.scenario;
const whoOwns = bundled.find((b) => b.scenario.id === 'who-owns')!.scenario;
const every = { exhaustiveLimit: Number.POSITIVE_INFINITY };

describe('censuses on threads', () => {
  it('gives every strategy of a market on two threads exactly as one thread does', async () => {
    const wide = syntheticScenario(tutorial, 7, 4);
    for (const [sc, seed] of [
      [wide, 'threads-1'],
      [whoOwns, 'threads-2'],
    ] as const) {
      expect(await everyStrategy(sc, seed, 2)).toEqual(census(sc, seed, every));
    }
  });

  it('gives the balance gates on two threads exactly as one thread does, and counts the seeds', async () => {
    const seeds = Array.from({ length: 6 }, (_, i) => `gates-${i}`);
    const heard: number[] = [];
    const { elapsedMs: _two, ...onTwo } = await gateReportOnThreads(
      whoOwns,
      seeds,
      (done) => heard.push(done),
      2,
    );
    const { elapsedMs: _one, ...onOne } = gateReport(whoOwns, seeds);
    expect(onTwo).toEqual(onOne);
    // one step of the progress line per seed, ending at the whole
    expect(heard).toHaveLength(seeds.length);
    expect(heard.at(-1)).toBe(1);
  });

  it('gives each market of a cohort on two threads exactly as one thread does', async () => {
    const silos = bundled.find((b) => b.scenario.id === 'silos')!.scenario;
    const markets = ['a', 'b', 'c'].map((s) => ({ key: s, scenario: silos, seed: s }));
    const heard = new Map<string, unknown>();
    const pooled = await censuses(markets, 2, (m, c) => heard.set(m.key, c));
    for (const m of markets) expect(pooled.get(m.key)).toEqual(census(silos, m.seed));
    // each census is told as it comes, once, to whoever keeps them
    expect(heard).toEqual(pooled);
  });

  it('reports a market the model cannot play with the model’s own message', async () => {
    const broken: ScenarioDef = {
      ...tutorial,
      situations: tutorial.situations.map((s, i) => (i === 0 ? { ...s, next: 'gone' } : s)),
    };
    const markets = [
      { key: 'ok', scenario: tutorial, seed: '1' },
      { key: 'bad', scenario: broken, seed: '1' },
    ];
    await expect(censuses(markets, 2)).rejects.toThrow('no situation "gone"');
    // the same failure met inside a thread, where the census runs, rejects with its message
    const jobs = [
      { kind: 'market' as const, scenario: 0, seed: '1' },
      { kind: 'market' as const, scenario: 1, seed: '1' },
      { kind: 'market' as const, scenario: 0, seed: '2' },
    ];
    await expect(onThreads([tutorial, broken], jobs, 2)).rejects.toThrow('no situation "gone"');
    await expect(onThreads([tutorial], jobs, 2)).rejects.toThrow('names scenario 1');
  });

  it('tells each answer from a thread as it comes, up to a failure', async () => {
    // one thread, in order: four markets answered, then the fifth fails
    const broken: ScenarioDef = {
      ...tutorial,
      situations: tutorial.situations.map((s, i) => (i === 0 ? { ...s, next: 'gone' } : s)),
    };
    const jobs = ['1', '2', '3', '4', '5'].map((seed, i) => ({
      kind: 'market' as const,
      scenario: i === 4 ? 1 : 0,
      seed,
    }));
    const heard: [number, unknown][] = [];
    const run = onThreads([tutorial, broken], jobs, 1, (i, c) => heard.push([i, c]));
    await expect(run).rejects.toThrow('no situation "gone"');
    expect(heard).toEqual(['1', '2', '3', '4'].map((seed, i) => [i, census(tutorial, seed)]));
  });
});

describe('npm run simulate -- --percentile --every-strategy', () => {
  it('plays every strategy where --percentile alone would play a sample', async () => {
    // 3^11 = 177,147 strategies: above the 100,000 where the census samples
    const big = { ...syntheticScenario(tutorial, 11, 3), id: 'eleven-by-three' };
    const file = join(tempDir('every'), 'big.json');
    writeFileSync(file, JSON.stringify(big));
    const args = ['--scenario', file, '--seed', '5', '--policy', 'collaborative', '--percentile'];
    const sampled = JSON.parse((await runSimulate(args)).stdout);
    expect(sampled.census.exhaustive).toBe(false);
    const run = await runSimulate([...args, '--every-strategy']);
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout);
    expect(countStrategies(big)).toBe(177_147);
    expect(out.census).toMatchObject({ played: 177_147, exhaustive: true, margin: 0 });
    const played = playPolicy(big, '5', 'collaborative').state;
    expect(out.score).toBe(score(big.rubric, played));
    expect(out.percentile).toBe(percentile(census(big, '5', every), out.score));
    expect(out.fairScore).toBe(
      `better than ${out.percentile}% of the 177,147 possible strategies in this market`,
    );
  });

  it('runs as a command on two threads and ends when it is done', () => {
    const big = { ...syntheticScenario(tutorial, 11, 3), id: 'eleven-by-three' };
    const file = join(tempDir('every'), 'big.json');
    writeFileSync(file, JSON.stringify(big));
    const args = ['--scenario', file, '--seed', '6', '--percentile', '--every-strategy'];
    const run = spawnSync(process.execPath, ['scripts/cli.mjs', 'src/cli/simulate.ts', ...args], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, TOW_THREADS: '2' },
    });
    // a thread left waiting for work would keep the process alive until the timeout
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).census).toMatchObject({ played: 177_147, exhaustive: true });
  });

  it('asks for --percentile when --every-strategy comes alone', async () => {
    const r = await runSimulate(['--scenario', 'tutorial', '--seed', '1', '--every-strategy']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--every-strategy goes with --percentile');
  });
});
