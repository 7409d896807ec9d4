import { type Document, isAlias, LineCounter, parseDocument, visit } from 'yaml';
import type { z } from 'zod';
import type { ScenarioDef } from '../sim/index.ts';
import { contentHash, toScenarioDef } from './define.ts';
import { duplicateKeys } from './duplicate-keys.ts';
import { formatPath, type ScenarioIssue } from './errors.ts';
import { knownKeysAt } from './expected.ts';
import { newerFormatWarning } from './format-features.ts';
import { type Failed, Issues, type Pending } from './issues.ts';
import { describeValue, messageFor, unknownKeyMessage } from './messages.ts';
import { pathAtOffset, positionOf } from './positions.ts';
import { documentProblems, markupFindings, sourceProblem } from './safety.ts';
import { scenarioSchema } from './schema.ts';
import { checkSemantics, situationLinksSound } from './semantics.ts';
import { closest } from './suggest.ts';
import { versionProblem } from './version.ts';
import { duplicateKeyMessage, yamlMessage } from './yaml-errors.ts';

// From the text of a YAML file to a checked ScenarioDef, or to a list of errors that each
// say where (file, line, column, path) and what to do. Nothing in the file is executed:
// only YAML's core types are read, tags that would build objects are refused, and the
// result is plain data. The checks run in layers (file, YAML, format version, schema,
// meaning), and a layer runs only when the one before it passed, so errors are never
// knock-on effects of an earlier one.

export { contentHash, toScenarioDef } from './define.ts';
export { MAX_ISSUES } from './issues.ts';

export type LoadResult =
  | { ok: true; scenario: ScenarioDef; hash: string; warnings: ScenarioIssue[] }
  | Failed;

const MAX_ALIASES = 100;
const LOCAL_YAML_ERRORS = new Set([
  'DUPLICATE_KEY',
  'TAB_AS_INDENT',
  'BAD_DQ_ESCAPE',
  'BAD_SCALAR_START',
]);

/**
 * "An id, or a mapping" given a mapping: the mapping's own issues (a key missing, a value
 * out of range) say more than "expected an id or a mapping".
 */
function intoUnions(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  return issues.flatMap((issue) => {
    const input = (issue as { input?: unknown }).input;
    if (issue.code !== 'invalid_union' || input === null || typeof input !== 'object') {
      return [issue];
    }
    const inside = issue.errors.find((branch) => branch.every((i) => i.path.length > 0));
    if (!inside) return [issue];
    return inside.map((i) => ({ ...i, path: [...issue.path, ...i.path] }) as z.core.$ZodIssue);
  });
}

/**
 * The schema's issues minus its knock-on ones: a value of the wrong type also fails its
 * length check, and a misspelt key also leaves the key it meant "missing".
 */
function usefulIssues(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const key = (path: readonly PropertyKey[]) => formatPath(path);
  const isMissing = (i: z.core.$ZodIssue) =>
    i.code === 'invalid_type' && (i as { input?: unknown }).input === undefined;
  const wrongType = new Set(
    issues.filter((i) => i.code === 'invalid_type').map((i) => key(i.path as PropertyKey[])),
  );
  // only a mapping that misses a key can hold its misspelling: look for hints there alone
  const missingIn = new Set(issues.filter(isMissing).map((i) => key(i.path.slice(0, -1))));
  const suggested = new Set<string>();
  for (const i of issues) {
    if (i.code !== 'unrecognized_keys' || !missingIn.has(key(i.path))) continue;
    const known = knownKeysAt(i.path as PropertyKey[]);
    for (const k of i.keys) {
      const hint = closest(k, known);
      if (hint) suggested.add(key([...(i.path as PropertyKey[]), hint]));
    }
  }
  return issues.filter((i) => {
    const at = key(i.path as PropertyKey[]);
    if (i.code !== 'invalid_type' && wrongType.has(at)) return false;
    return !(isMissing(i) && suggested.has(at));
  });
}

/** Offset of the first alias, where a failure to expand aliases is best shown. */
function firstAlias(doc: Document): number {
  let offset = 0;
  visit(doc, {
    Alias(_key, node) {
      if (isAlias(node)) offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

function parse(
  source: string,
  out: Issues,
  lines: LineCounter,
): { doc: Document; data: unknown } | undefined {
  const doc = parseDocument(source, {
    lineCounter: lines,
    // keys written twice are found by duplicateKeys, in one pass: the parser's own check
    // is quadratic in the keys of a mapping
    uniqueKeys: false,
    schema: 'core',
    resolveKnownTags: false,
    prettyErrors: false,
  });
  // the parser's later complaints are mostly knock-on effects of its first one; keep
  // the first, and later ones only of the kinds that stand on their own
  const yamlErrors = doc.errors
    .filter((e, i) => i === 0 || LOCAL_YAML_ERRORS.has(e.code))
    .map((e) => ({ offset: e.pos[0], message: `YAML: ${yamlMessage(e, source)}` }));
  const duplicates = duplicateKeys(doc).map((d) => ({
    offset: d.offset,
    message: `YAML: ${duplicateKeyMessage(d.key)}`,
  }));
  if (yamlErrors.length + duplicates.length > 0) {
    out.atOffsets([...yamlErrors, ...duplicates], (o) => pathAtOffset(doc, source, o));
    return undefined;
  }
  for (const f of documentProblems(doc, source)) out.at(f.offset, f.path, f.message);
  if (out.errors.length > 0) return undefined;
  for (const f of markupFindings(doc)) out.at(f.offset, f.path, f.message, true);
  try {
    return { doc, data: doc.toJS({ maxAliasCount: MAX_ALIASES }) };
  } catch (err) {
    const message = (err as Error).message;
    out.at(
      firstAlias(doc),
      [],
      /alias count/i.test(message)
        ? `aliases (*name) here expand into too much data; a scenario has no need to repeat a part more than ${MAX_ALIASES} times`
        : `YAML: ${message.split('\n')[0]}`,
    );
    return undefined;
  }
}

function check(source: string, file: string): LoadResult {
  const early = sourceProblem(source);
  if (early) {
    const out = new Issues(file, source, null);
    out.at(early.offset, [], early.message);
    return out.result('file');
  }

  const lines = new LineCounter();
  const out = new Issues(file, source, lines);
  const parsed = parse(source, out, lines);
  if (!parsed) return out.result('yaml');
  const { doc, data } = parsed;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    out.at(
      0,
      [],
      `expected a mapping of keys such as schemaVersion, id and title; got ${describeValue(data)}`,
    );
    return out.result('fields');
  }
  const where = (path: readonly PropertyKey[], atKey = false) =>
    positionOf(doc, lines, path, atKey);

  const version = versionProblem((data as Record<string, unknown>).schemaVersion);
  if (version) {
    out.push({ ...where(['schemaVersion']), path: ['schemaVersion'], message: version });
    return out.result('version');
  }

  const valid = scenarioSchema.safeParse(data, { reportInput: true });
  if (!valid.success) {
    const found: Pending[] = [];
    for (const issue of usefulIssues(intoUnions(valid.error.issues))) {
      const path = issue.path as PropertyKey[];
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const at = [...path, key];
          found.push({
            ...where(at, true),
            describe: () => ({ path: at, message: unknownKeyMessage(path, key) }),
          });
        }
      } else {
        found.push({ ...where(path), describe: () => ({ path, message: messageFor(issue) }) });
      }
    }
    out.pending(found);
    return out.result('fields');
  }

  // a warning, not an error: 1.0 files that use 1.1's parts are kept in rooms and links
  const newer = newerFormatWarning(valid.data, where);
  if (newer) out.push({ ...newer, warning: true });
  for (const s of checkSemantics(valid.data)) {
    out.push({ ...where(s.path, s.atKey ?? false), ...s });
  }
  // broken links stop the paths' checks: their errors come once the links are mended
  if (out.errors.length > 0)
    return out.result(situationLinksSound(valid.data) ? 'meaning' : 'links');
  const scenario = toScenarioDef(valid.data);
  return {
    ok: true,
    scenario,
    hash: contentHash(scenario),
    warnings: out.sortedWarnings(),
  };
}

/**
 * Checks a scenario file's text. Never throws: a failure of the checker itself is
 * reported as an error on the file, so that a facilitator still sees a message.
 */
export function loadScenario(source: string, file: string): LoadResult {
  try {
    return check(source, file);
  } catch (err) {
    const deep = err instanceof RangeError;
    return {
      ok: false,
      issues: [
        {
          file,
          line: 1,
          col: 1,
          path: '',
          message: deep
            ? 'the lists or mappings in this file nest far too deeply to be a scenario'
            : `the checker failed on this file (${(err as Error).message}); this is a bug in the game: please report it with the file`,
        },
      ],
      warnings: [],
      problems: 1,
      // a failure of the checker itself promises no later checks
      stage: 'meaning',
    };
  }
}
