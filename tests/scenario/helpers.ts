import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { type LoadResult, loadScenario } from '../../src/scenario/load.ts';

// A frozen copy of the tutorial, so these tests do not change when the shipped tutorial
// does, and small edits of it.

export const BASE = readFileSync(new URL('./base-scenario.yaml', import.meta.url), 'utf8');

/** The base scenario with each `old` text (which must occur exactly once) replaced. */
export function edited(...edits: [old: string, replacement: string][]): string {
  let text = BASE;
  for (const [old, replacement] of edits) {
    expect(text.split(old).length - 1, `"${old}" occurs once in the base scenario`).toBe(1);
    text = text.replace(old, replacement);
  }
  return text;
}

/** The edit that declares format 1.1, which the parts of the format added since 1.0 need. */
export const IN_FORMAT_1_1: [old: string, replacement: string] = [
  'schemaVersion: "1.0"',
  'schemaVersion: "1.1"',
];

export function load(text: string): LoadResult {
  return loadScenario(text, 'test.yaml');
}

/** The messages of a failed load, as `line:col: path: message`. */
export function errors(result: LoadResult): string[] {
  expect(result.ok, 'the load fails').toBe(false);
  return result.ok ? [] : result.issues.map((i) => `${i.line}:${i.col}: ${i.path}: ${i.message}`);
}
