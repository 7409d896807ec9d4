import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { GATE_QUESTIONS } from '../../src/analysis/gate-words.ts';
import { GATE_TREE_LIMIT } from '../../src/analysis/gates.ts';
import { syntheticScenario } from '../../src/cli/synthetic.ts';
import { loadScenarioFile, SCENARIO_DIR } from '../../src/scenario/bundled.ts';
import { countStrategies } from '../../src/sim/index.ts';
import { market } from '../helpers/market.ts';
import { twentyBySix, writeScenario } from '../helpers/scenario-file.ts';

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/cli.mjs', 'src/cli/report.ts', ...args], {
    encoding: 'utf8',
  });

const GATES = [
  'label-reading policies lose',
  'judgement matters',
  'no dead choice',
  'luck stays second',
];

/** One reply always better than the other, and labelled directive: fails three gates. */
const dominated = market({
  id: 'dominated',
  params: { noise: 0 },
  situations: ['d1', 'd2'].map((id) => ({
    id,
    title: id,
    text: id,
    choices: [
      { id: 'good', label: 'Good', style: 'directive', effects: { home: 0.3 } },
      { id: 'bad', label: 'Bad', style: 'collaborative' },
    ],
  })),
});

describe('npm run scenario:report', () => {
  it('prints the verdict first, then every gate by name, and exits 1 exactly when a gate fails', () => {
    const r = run('tutorial', '--seeds', '5');
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^# Balance gates: .*\(`tutorial`\)/);
    expect(r.stdout).toContain('on each of 5 seeds');
    const verdict = r.stdout.split('\n').find((l) => l.startsWith('**Verdict: '))!;
    expect(verdict).toMatch(
      /^\*\*Verdict: (the scenario passes every gate|\d of 4 gates fail)\.\*\*/,
    );
    // each gate asked as its question, answered yes or no
    const lines = r.stdout.split('\n');
    for (const name of GATES) {
      const line = lines.find((l) => l.includes(`**${GATE_QUESTIONS[name]}**`));
      expect(line, name).toMatch(/^- (PASS: .* Yes: |FAIL: .* No: )/);
    }
    const failing = (r.stdout.match(/^- FAIL: /gm) ?? []).length;
    expect(r.status).toBe(failing === 0 ? 0 : 1);
    expect(verdict.includes('passes')).toBe(failing === 0);
    expect(r.stdout).toContain('| a player who always takes the first reply shown |');
    expect(r.stdout).toContain('| a player who picks replies at random (for comparison) |');
  });

  it('exits 1 and names the failing gates for a scenario that can be won by reading labels', () => {
    const r = run(writeScenario(dominated), '--seeds', '3');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('**Verdict: 3 of 4 gates fail.**');
    const line = (name: string) =>
      r.stdout.split('\n').find((l) => l.includes(`**${GATE_QUESTIONS[name]}**`))!;
    const labels = line('label-reading policies lose');
    expect(labels).toMatch(/^- FAIL: .* No: /);
    // the label-reader and the one-quarter-ahead player both find the winning reply
    expect(labels).toContain(
      'A player who always takes the directive reply does better than 75% of all ways to play',
    );
    expect(labels).toContain(
      'A player who takes the best-looking reply for the next quarter only does better than 75%',
    );
    expect(labels).not.toContain('the collaborative reply does');
    expect(line('judgement matters')).toMatch(/^- FAIL: /);
    expect(line('no dead choice')).toContain(
      'No: these replies are part of a top-10% way of playing on fewer than 5% of seeds (the least a reply needs): "Bad" (d1/bad), "Bad" (d2/bad).',
    );
    expect(line('luck stays second')).toMatch(/^- PASS: .* Yes: /);
    // under each failing gate, what to change in the file, and where the advice is told
    const after = r.stdout.split('\n')[r.stdout.split('\n').indexOf(line('no dead choice')) + 1]!;
    expect(after).toMatch(/^ {2}\*What to change:\* Give each reply listed a situation/);
    expect(after).toContain('(docs/authoring.md#reaching-each-target)');
  });

  it('prints the gates as JSON on request, with the same exit code', () => {
    const r = run('scenarios/tutorial.yaml', '--seeds=3', '--json');
    const report = JSON.parse(r.stdout) as {
      seeds: number;
      pass: boolean;
      gates: { name: string; pass: boolean; why: string }[];
    };
    expect(report.seeds).toBe(3);
    expect(report.gates.map((g) => g.name)).toEqual(GATES);
    expect(report.pass).toBe(report.gates.every((g) => g.pass));
    expect(r.status).toBe(report.pass ? 0 : 1);
  });

  it(`falls back to the sampled balance report, and says so, above ${GATE_TREE_LIMIT.toLocaleString('en')} strategies`, () => {
    const tutorial = loadScenarioFile(`${SCENARIO_DIR}tutorial.yaml`).scenario;
    const big = syntheticScenario(tutorial, 7, 5);
    expect(countStrategies(big)).toBeGreaterThan(GATE_TREE_LIMIT);
    const r = run(writeScenario(big), '--seeds', '1');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /^Note: synthetic-7x5 has 78,125 strategies per seed, more than the 60,000 the balance gates walk whole; this is the sampled balance report, without the gates' verdict\./,
    );
    expect(r.stdout).toContain('# Balance report: ');
    expect(r.stdout).not.toContain('Verdict');
  }, 120_000);

  it('finishes on a valid scenario of 20 quarters and 6 replies, saying it sampled', () => {
    // 6^20 = 3.7e15 strategies: nothing may try to walk them all (the beam's check did)
    const r = run(writeScenario(twentyBySix()), '--seeds', '2');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Note: twenty-by-six has 3,656,158,440,062,976 strategies per seed/);
    expect(r.stdout).toContain('the best path is the best found, not proven best');
  }, 120_000);

  it('refuses a bad seed count and an unknown scenario with a message', () => {
    const bad = run('tutorial', '--seeds', 'many');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--seeds must be a whole number');
    const missing = run('no-such-scenario');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no-such-scenario');
  });
});
