import type { z } from 'zod';
import { expectedAt, knownKeysAt } from './expected.ts';
import { closest, didYouMean } from './suggest.ts';
import { SCHEMA_VERSION } from './version.ts';

// Turns a schema issue into one line a facilitator can act on: what was expected, what
// the file holds instead, and, for the usual slips (quotes around a number, "yes" for
// true, a colon inside text, a misspelt key), what to write instead.

/** The value as it would read in the file, short and on one line. */
export function describeValue(v: unknown): string {
  if (v === null) return 'nothing (an empty value)';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') {
    const short = v.length > 40 ? `${v.slice(0, 40)}…` : v;
    return `the text ${JSON.stringify(short)}`;
  }
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return '.nan (not a number)';
    if (!Number.isFinite(v)) return `${v > 0 ? '' : '-'}.inf (a number too large to use)`;
    return String(v);
  }
  return String(v);
}

/** An extra hint for a value of the wrong type, when the slip is a common one. */
function hintFor(expected: string, input: unknown): string {
  if (input === null) return '; write a value after the colon, or remove the key';
  if (expected.includes('number') && typeof input === 'string') {
    return Number.isFinite(Number(input)) && input.trim() !== ''
      ? '; remove the quotes around the number'
      : '';
  }
  if (expected === 'true or false' && typeof input === 'string') {
    return '; write true or false without quotes';
  }
  if (expected.startsWith('text') && input !== null && typeof input === 'object') {
    return Array.isArray(input)
      ? '; text that starts with [ or - must be put in quotes'
      : '; a colon followed by a space starts a key in YAML: put the whole text in quotes';
  }
  if (expected.startsWith('text') && (typeof input === 'number' || typeof input === 'boolean')) {
    return '; put it in quotes to make it text';
  }
  return '';
}

/** An id that would be valid, made from what the author wrote. */
function asId(v: string): string | undefined {
  const id = v
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return id === '' ? undefined : id;
}

function keyName(path: readonly PropertyKey[]): string {
  return String(path.at(-1) ?? '');
}

/** One message per unknown key, with a suggestion when one is close. */
export function unknownKeyMessage(path: readonly PropertyKey[], key: string): string {
  const known = knownKeysAt(path);
  const what = path.at(-1) === 'effects' ? 'effect' : 'key';
  const hint = closest(key, known);
  if (hint) return `unknown ${what}; did you mean ${hint}?`;
  if (key === '__proto__' || key === '<<') {
    return `unknown ${what}: "${key}" has no meaning in a scenario; remove it`;
  }
  return known.length > 0
    ? `unknown ${what}; expected one of ${known.join(', ')}`
    : `unknown ${what}`;
}

/** Ids that point at something declared elsewhere in the file, said as such. */
const REFERENCES: Record<string, string> = {
  style:
    "the id of one of the scenario's styles (directive or collaborative unless styles lists others)",
  next: 'the id of a situation',
};

export function messageFor(issue: z.core.$ZodIssue): string {
  const path = issue.path as PropertyKey[];
  const expected = REFERENCES[keyName(path)] ?? expectedAt(path) ?? 'something else';
  const input = (issue as { input?: unknown }).input;
  if (input === undefined && issue.code !== 'invalid_type') {
    return `missing: add ${keyName(path)} here, with ${expected}`;
  }
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined && path.length === 1 && path[0] === 'schemaVersion') {
        return `missing: start the file with schemaVersion: "${SCHEMA_VERSION}"`;
      }
      if (input === undefined) return `missing: add ${keyName(path)} here, with ${expected}`;
      return `expected ${expected}, got ${describeValue(input)}${hintFor(expected, input)}`;
    case 'too_small':
    case 'too_big':
      if (Array.isArray(input)) {
        return `expected ${expected}, got ${input.length} item${input.length === 1 ? '' : 's'}`;
      }
      if (typeof input === 'string') {
        return input === ''
          ? `expected ${expected}, got empty text`
          : `expected ${expected}, got ${input.length} characters; shorten it`;
      }
      if (
        typeof input === 'number' &&
        expected === 'a number from 0 to 1' &&
        input >= 5 &&
        input <= 100
      ) {
        return `expected ${expected}, got ${input}; write ${input}% as ${input / 100}`;
      }
      return `expected ${expected}, got ${describeValue(input)}`;
    case 'invalid_value': {
      const options = issue.values.map(String);
      const got = describeValue(input);
      // the portraits are pictures: point at the gallery rather than list two dozen ids
      if (keyName(path) === 'portrait') {
        return `no portrait ${JSON.stringify(String(input))} in the game's set${didYouMean(String(input), options)}; the portraits and their ids are in assets/portraits/README.md`;
      }
      return `expected one of ${options.join(', ')}, got ${got}${didYouMean(String(input), options)}`;
    }
    case 'invalid_format': {
      // a new id can be made up; a reference (a style, a next) must match an existing one
      const fix = typeof input === 'string' && keyName(path) === 'id' ? asId(input) : undefined;
      return `expected ${expected}, got ${describeValue(input)}${fix && fix !== input ? `; try ${fix}` : ''}`;
    }
    case 'invalid_key': {
      const fix = typeof input === 'string' ? asId(input) : undefined;
      return `"${String(input)}" is not an id (lower-case letters, digits and dashes)${fix ? `; try ${fix}` : ''}`;
    }
    case 'invalid_union':
      return `expected ${expected}, got ${describeValue(input)}`;
    default:
      return issue.message;
  }
}
