import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seedList } from '../../src/analysis/balance.ts';
import { GATE_TARGETS, gateReport } from '../../src/analysis/gates.ts';
import { PARAM_DOCS, STYLE_DOCS } from '../../src/scenario/field-docs.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { KNOWN_KEYS } from '../../src/scenario/schema.ts';
import { EFFECT_KEYS, OUTCOME_RANGES } from '../../src/sim/index.ts';

// docs/authoring.md is how facilitators learn the format: its example must load, what it
// says of the example's balance must be what scenario:report finds, and it must name every
// field, effect, parameter and outcome the format has.

const DOC = readFileSync(new URL('../../docs/authoring.md', import.meta.url), 'utf8');
const EXAMPLE_AT = DOC.indexOf('## A complete example');

function example() {
  const block = /```yaml\n([\s\S]*?)```/.exec(DOC.slice(EXAMPLE_AT));
  expect(block).not.toBeNull();
  return loadScenario(block![1]!, 'docs/authoring.md#example');
}

/** The guide's words on the example's balance: from its verdict to the advice after it. */
function balanceWords(): string {
  const from = DOC.indexOf('**It shows the format; it is not a balanced scenario.**', EXAMPLE_AT);
  const to = DOC.indexOf('Balancing it would take', from);
  expect(from).toBeGreaterThan(EXAMPLE_AT);
  expect(to).toBeGreaterThan(from);
  return DOC.slice(from, to).replace(/\s*\n\s*/g, ' ');
}

describe('the authoring guide', () => {
  it('has a complete example that loads without errors or warnings', () => {
    const result = example();
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(result.warnings).toEqual([]);
    if (!result.ok) return;
    expect(result.scenario.situations.length).toBeGreaterThanOrEqual(3);
    expect(result.scenario.events.length).toBeGreaterThan(0);
  });

  it('says which balance gates the example fails, and why, as scenario:report finds over 200 seeds', () => {
    const result = example();
    if (!result.ok) throw new Error('the example does not load');
    const seeds = seedList(200);
    const report = gateReport(result.scenario, seeds);
    const words = balanceWords();
    // one bullet per gate, "- **Judgement matters** fails: …", in the report's order
    const said = [...words.matchAll(/- \*\*([^*]+)\*\* (fails|passes)/g)].map((m) => ({
      name: m[1]!.toLowerCase(),
      pass: m[2] === 'passes',
    }));
    expect(said).toEqual(report.gates.map((g) => ({ name: g.name, pass: g.pass })));
    const failing = report.gates.filter((g) => !g.pass).length;
    expect(words).toContain(`${failing} of the ${report.gates.length} [balance gates]`);

    // the figures and the names behind each failing gate
    const policy = (p: string) => report.policies.find((l) => l.policy === p)!;
    expect(words).toContain(
      `ends ${policy('collaborative').gap.toFixed(1)} points under the best path`,
    );
    expect(policy('greedy').gap).toBeLessThan(0.05);
    expect(report.situations).toHaveLength(4);
    expect(report.situations.map((s) => s.usualWrong)).toEqual([0, 0, 0, 0]);
    const dead = report.situations.flatMap((s) =>
      s.replies
        .filter((r) => r.liveSeeds < GATE_TARGETS.liveChoiceSeeds * seeds.length)
        .map((r) => r.choice),
    );
    const deadSaid = /No dead choice\*\* fails: (\w+) replies [^(]*\(([^)]*)\)/.exec(words);
    expect(deadSaid).not.toBeNull();
    expect(deadSaid![1]).toBe(
      ['none', 'one', 'two', 'three', 'four', 'five', 'six', 'seven'][dead.length],
    );
    expect([...deadSaid![2]!.matchAll(/`([\w-]+)`/g)].map((m) => m[1]).sort()).toEqual(dead.sort());
    // and the scenario it sends the reader to instead passes every gate (tested under
    // other ids in tests/analysis/tutorial-renamed.test.ts)
    expect(DOC.slice(EXAMPLE_AT, DOC.indexOf('## Every field'))).toContain(
      'copy `scenarios/tutorial.yaml`, which passes every gate',
    );
  }, 120_000);

  it('names every key of the format', () => {
    const keys = [
      ...KNOWN_KEYS,
      ...EFFECT_KEYS,
      ...Object.keys(PARAM_DOCS),
      ...Object.keys(STYLE_DOCS),
      ...Object.keys(OUTCOME_RANGES),
    ];
    const missing = [...new Set(keys)].filter((k) => !DOC.includes(`\`${k}\``));
    expect(missing).toEqual([]);
  });

  it('tells how to check a file and how to get editor completion', () => {
    expect(DOC).toContain('npm run scenario:check -- ');
    expect(DOC).toContain('# yaml-language-server: $schema=../schema/scenario.schema.json');
    expect(DOC).toContain('redhat.vscode-yaml');
  });
});
