import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/cli.mjs', 'src/cli/report.ts', ...args], {
    encoding: 'utf8',
  });

describe('npm run scenario:report', () => {
  it('prints a Markdown report of a bundled scenario', () => {
    const r = run('tutorial', '--seeds', '5');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^# Balance report: .*\(`tutorial`\)/);
    expect(r.stdout).toContain('5 seeds (1…5)');
    expect(r.stdout).toContain('| always directive |');
    expect(r.stdout).toContain('| best path |');
  });

  it('prints JSON with every seed score on request', () => {
    const r = run('scenarios/tutorial.yaml', '--seeds=3', '--json');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { seeds: string[]; policies: { scores: number[] }[] };
    expect(report.seeds).toEqual(['1', '2', '3']);
    expect(report.policies.every((p) => p.scores.length === 3)).toBe(true);
  });

  it('refuses a bad seed count and an unknown scenario with a message', () => {
    const bad = run('tutorial', '--seeds', 'many');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--seeds must be a whole number');
    const missing = run('no-such-scenario');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no-such-scenario');
  });
});
