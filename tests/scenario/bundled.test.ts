import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledScenarioLookup, loadBundledScenarios } from '../../src/scenario/bundled.ts';
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

  it('are each in a file named after their id, where the verifier looks for them first', () => {
    for (const b of bundled) expect(basename(b.file), b.file).toBe(`${b.scenario.id}.yaml`);
  });

  it('read one at a time give the verifier what reading them all gives, and nothing unknown', () => {
    const lookup = bundledScenarioLookup();
    for (const b of bundled) expect(lookup.get(b.scenario.id)).toEqual(b);
    expect(lookup.get('no-such-scenario')).toBeUndefined();
  });

  it('are still found by id in a file named otherwise', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tow-lookup-'));
    try {
      const silos = bundled.find((b) => b.scenario.id === 'silos')!;
      copyFileSync(silos.file, join(dir, 'renamed.yaml'));
      const found = bundledScenarioLookup(dir).get('silos');
      expect(found?.scenario).toEqual(silos.scenario);
      expect(found?.hash).toBe(silos.hash);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
