import { readdirSync, readFileSync } from 'node:fs';
// ajv comes with workbox-build (vite-plugin-pwa); it stands in for the editor's validator
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// The published JSON Schema is what an editor checks as the author types. It must accept
// every valid scenario, and flag the faults it can see on its own (types, ranges, keys).

const schema = JSON.parse(
  readFileSync(new URL('../../schema/scenario.schema.json', import.meta.url), 'utf8'),
) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const read = (url: URL) => parse(readFileSync(url, 'utf8')) as unknown;

describe('the published JSON Schema', () => {
  it('accepts every bundled scenario and the frozen tutorial', () => {
    const dir = new URL('../../scenarios/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    for (const f of files) {
      expect(validate(read(new URL(f, dir))), `${f}: ${JSON.stringify(validate.errors)}`).toBe(
        true,
      );
    }
    expect(validate(read(new URL('./base-scenario.yaml', import.meta.url)))).toBe(true);
  });

  it('flags in the editor what does not need the whole file to see', () => {
    const bad = new URL('../fixtures/bad-scenarios/', import.meta.url);
    for (const f of [
      'typo-effect',
      'wrong-type',
      'out-of-range',
      'bad-enum',
      'bad-id',
      'missing-key',
      'weights-typo',
      'too-few-choices',
    ]) {
      expect(validate(read(new URL(`${f}.yaml`, bad))), f).toBe(false);
    }
  });

  it('describes the main fields, so hovering over them explains them', () => {
    const root = schema as { properties: Record<string, { description?: string }> };
    for (const key of [
      'schemaVersion',
      'quarters',
      'styles',
      'team',
      'customer',
      'params',
      'situations',
      'events',
      'rubric',
    ]) {
      expect(root.properties[key]?.description, key).toBeTruthy();
    }
    const text = JSON.stringify(schema);
    expect(text).toContain('Lines the team up (+) or splits it (-)');
    expect(text).toContain('the weights must add up to 1');
    expect(text).toContain('Chance per quarter');
  });
});
