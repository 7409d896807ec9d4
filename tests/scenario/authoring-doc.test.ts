import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seedList } from '../../src/analysis/balance.ts';
import { gateReport } from '../../src/analysis/gates.ts';
import { PARAM_DOCS, STYLE_DOCS } from '../../src/scenario/field-docs.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { KNOWN_KEYS } from '../../src/scenario/schema.ts';
import { EFFECT_KEYS, OUTCOME_RANGES } from '../../src/sim/index.ts';

// docs/authoring.md is how facilitators learn the format: its example must load and pass
// the balance gates the guide says it passes, and the guide must name every field, effect,
// parameter and outcome the format has.

const DOC = readFileSync(new URL('../../docs/authoring.md', import.meta.url), 'utf8');
const EXAMPLE_AT = DOC.indexOf('## A complete example');

/** The text of the guide's complete example, as a reader copies it. */
function exampleSource(): string {
  const block = /```yaml\n([\s\S]*?)```/.exec(DOC.slice(EXAMPLE_AT));
  expect(block).not.toBeNull();
  return block![1]!;
}

function example() {
  return loadScenario(exampleSource(), 'docs/authoring.md#example');
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

  it('has an example that passes every balance gate over 200 seeds, as the guide says', () => {
    const result = example();
    if (!result.ok) throw new Error('the example does not load');
    // the guide offers it as a starting point because it is balanced: the report a
    // facilitator runs on it (npm run scenario:report, 200 seeds) must agree
    const words = DOC.slice(EXAMPLE_AT, DOC.indexOf('```yaml', EXAMPLE_AT)).replace(/\s+/g, ' ');
    expect(words).toContain('passes all four [balance gates](#the-balance-gates)');
    const report = gateReport(result.scenario, seedList(200));
    expect(report.gates.filter((g) => !g.pass).map((g) => `${g.name}: ${g.why}`)).toEqual([]);
    expect(report.gates).toHaveLength(4);
    // its market variants do what they are for: a colleague's replies do not carry over
    expect(report.copying.pass).toBe(true);
    // "about 8.5 points under the best path" for the player who looks one quarter ahead
    const greedy = report.policies.find((p) => p.policy === 'greedy')!;
    expect(words).toContain('ends about 8.5 points under the best path');
    expect(Math.abs(greedy.gap - 8.5)).toBeLessThan(0.25);
  }, 120_000);

  // a market's luck is drawn from the id: the copies the guide names pass too
  for (const id of ['harbour', 'harbour-lunch']) {
    it(`passes every gate copied under the id ${id}, as the guide says`, () => {
      const source = exampleSource().replace(/^id: harbour-example /m, `id: ${id} `);
      expect(DOC.replace(/\s+/g, ' ')).toContain(`\`${id}\``);
      const result = loadScenario(source, `${id}.yaml`);
      if (!result.ok) throw new Error('the renamed example does not load');
      expect(result.scenario.id).toBe(id);
      const report = gateReport(result.scenario, seedList(200));
      expect(report.gates.filter((g) => !g.pass).map((g) => `${g.name}: ${g.why}`)).toEqual([]);
    }, 120_000);
  }

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
