import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PARAM_DOCS, STYLE_DOCS } from '../../src/scenario/field-docs.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { KNOWN_KEYS } from '../../src/scenario/schema.ts';
import { EFFECT_KEYS, OUTCOME_RANGES } from '../../src/sim/index.ts';

// docs/authoring.md is how facilitators learn the format: its example must load, and it
// must name every field, effect, parameter and outcome the format has.

const DOC = readFileSync(new URL('../../docs/authoring.md', import.meta.url), 'utf8');

describe('the authoring guide', () => {
  it('has a complete example that loads without errors or warnings', () => {
    const start = DOC.indexOf('## A complete example');
    const block = /```yaml\n([\s\S]*?)```/.exec(DOC.slice(start));
    expect(block).not.toBeNull();
    const result = loadScenario(block![1]!, 'docs/authoring.md#example');
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(result.warnings).toEqual([]);
    if (!result.ok) return;
    expect(result.scenario.situations.length).toBeGreaterThanOrEqual(3);
    expect(result.scenario.events.length).toBeGreaterThan(0);
  });

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
