import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runSimulate } from '../../src/cli/simulate.ts';
import { decodeRecord } from '../../src/record/code.ts';
import { loadScenarioFile, SCENARIO_DIR } from '../../src/scenario/bundled.ts';
import { census, percentile, playChoices, score, shownOrder } from '../../src/sim/index.ts';

const tutorial = loadScenarioFile(`${SCENARIO_DIR}tutorial.yaml`);
const LINE = 'depot-visit,workshop,match-now';

function run(args: string[]) {
  return spawnSync(process.execPath, ['scripts/cli.mjs', 'src/cli/simulate.ts', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
}

async function json(args: string[]) {
  const r = await runSimulate(args);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe('npm run simulate', () => {
  it('prints byte-identical output for the same arguments, run twice as a process', () => {
    const args = ['--scenario', 'tutorial', '--seed', '42', '--policy', 'random', '--percentile'];
    const a = run(args);
    const b = run(args);
    expect(a.status).toBe(0);
    expect(a.stdout.length).toBeGreaterThan(1000);
    expect(b.stdout).toBe(a.stdout);
  });

  it('prints the quarters, outcomes, score and a record that replays to them', async () => {
    const out = await json(['--scenario', 'tutorial', '--seed', '7', '--choices', LINE]);
    const state = playChoices(tutorial.scenario, '7', LINE.split(','));
    expect(out.quarters.map((q: { metrics: unknown }) => q.metrics)).toEqual(
      state.history.map((h) => h.metrics),
    );
    expect(out.score).toBe(score(tutorial.scenario.rubric, state));
    expect(out.finished).toBe(true);
    expect(out.record).toMatchObject({ scenario: 'tutorial', seed: '7', choices: LINE.split(',') });
    const shelf = new Map([['tutorial', tutorial]]);
    expect(decodeRecord(out.code, shelf)).toEqual({ ok: true, record: out.record });
    expect(out.percentile).toBeUndefined();
  });

  it("prints each quarter's replies in the order the player sees them, shuffled per market", async () => {
    const shownOn = async (seed: string) =>
      (await json(['--scenario', 'tutorial', '--seed', seed, '--choices', LINE])).quarters.map(
        (q: { shown: string[] }) => q.shown,
      );
    const seven = await shownOn('7');
    const state = playChoices(tutorial.scenario, '7', LINE.split(','));
    expect(seven).toEqual(
      state.history.map((h) => {
        const situation = tutorial.scenario.situations.find((s) => s.id === h.situationId)!;
        return shownOrder('tutorial', '7', h.situationId, situation.choices).map((c) => c.id);
      }),
    );
    // the first quarter's replies, as listed in the file, and as shown on a few seeds
    const listed = tutorial.scenario.situations[0]!.choices.map((c) => c.id);
    expect([...seven[0]].sort()).toEqual([...listed].sort());
    const orders = new Set<string>();
    for (const seed of ['1', '2', '3', '4', '5', '6']) orders.add((await shownOn(seed))[0].join());
    expect(orders.size).toBeGreaterThan(1);
  });

  it('adds the percentile, how sure it is, and the par lines with --percentile', async () => {
    const out = await json([
      '--scenario',
      'tutorial',
      '--seed',
      '7',
      '--choices',
      LINE,
      '--percentile',
    ]);
    const c = census(tutorial.scenario, '7');
    expect(out.percentile).toBe(percentile(c, out.score));
    expect(out.census).toMatchObject({ played: 27, strategies: 27, exhaustive: true, margin: 0 });
    expect(out.fairScore).toBe(
      `better than ${out.percentile}% of the 27 possible strategies in this market`,
    );
    expect(out.par.map((p: { policy: string }) => p.policy)).toEqual([
      'directive',
      'collaborative',
      'best',
    ]);
    expect(out.par[2].score).toBe(c.best.score);
  });

  it('plays a policy when no choices are given', async () => {
    const out = await json(['--scenario', 'tutorial', '--seed', '7', '--policy', 'directive']);
    expect(out.quarters.map((q: { style: string }) => q.style)).toEqual([
      'directive',
      'directive',
      'directive',
    ]);
  });

  it.each([
    [['--seed', '1'], 2, '--scenario is required'],
    [['--scenario', 'tutorial'], 2, '--seed is required'],
    [['--scenario', 'tutorial', '--sed', '1'], 2, 'unknown option --sed; the options are'],
    [['--scenario', 'tutorial', '--seed'], 2, '--seed needs a value'],
    [['--scenario', 'tutorial', '--seed', '1', '--policy', 'bossy'], 2, 'unknown policy "bossy"'],
    [
      ['--scenario', 'tutorial', '--seed', '1', '--policy', 'random', '--choices', 'x'],
      2,
      'not both',
    ],
    [
      ['--scenario', 'atlantis', '--seed', '1'],
      1,
      'no scenario file or bundled scenario "atlantis"; the bundled ones are',
    ],
    [
      ['--scenario', 'tutorial', '--seed', '1', '--choices', 'depot-visit,wrkshop'],
      1,
      'quarter 2 ("Two reps, two stories") has no choice "wrkshop"; the valid ones are one-offer, workshop, let-them',
    ],
    [
      ['--scenario', 'tutorial', '--seed', '1', '--choices', `${LINE},ignore`],
      1,
      'the game is over after 3 decisions, but 4 choices were given',
    ],
    [
      ['--scenario', 'tutorial', '--seed', '1', '--choices', 'discount', '--percentile'],
      1,
      '--percentile needs a finished game',
    ],
  ])('rejects %j with a clear message', async (args, code, message) => {
    const r = await runSimulate(args);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });

  it('exits with the error code as a process too', () => {
    const r = run(['--scenario', 'tutorial', '--seed', '1', '--choices', 'nope']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('quarter 1 ("The first meeting") has no choice "nope"');
  });
});
