import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { jsonSchemaText } from '../../src/scenario/json-schema.ts';

describe('bundled scenarios', () => {
  const bundled = loadBundledScenarios();

  it('are all valid, with distinct ids', () => {
    expect(bundled.length).toBeGreaterThan(0);
    expect(new Set(bundled.map((b) => b.scenario.id)).size).toBe(bundled.length);
  });

  it('each point an editor at the published JSON Schema on their first line', () => {
    for (const b of bundled) {
      const first = readFileSync(b.file, 'utf8').split('\n')[0];
      expect(first, b.file).toBe('# yaml-language-server: $schema=../schema/scenario.schema.json');
    }
  });

  it('have a published JSON Schema that matches the zod schema (run npm run schema:write)', () => {
    const published = readFileSync(
      new URL('../../schema/scenario.schema.json', import.meta.url),
      'utf8',
    );
    expect(published).toBe(jsonSchemaText());
  });
});
