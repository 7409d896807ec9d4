import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { DEFAULT_PARAMS, NEUTRAL_STYLE, type ScenarioDef, type StyleParams } from '../sim/index.ts';
import { formatPath, type ScenarioIssue } from './errors.ts';
import { positionOf } from './positions.ts';
import { MIN_SCHEMA_VERSION, SCHEMA_VERSION, type ScenarioFile, scenarioSchema } from './schema.ts';
import { checkSemantics, DEFAULT_STYLES } from './semantics.ts';
import { closest, didYouMean } from './suggest.ts';

// From the text of a YAML file to a checked ScenarioDef, or to a list of errors that each
// say where (file, line, column, path) and what to do. Nothing in the file is executed:
// YAML's core schema knows no tags that build objects, and the result is plain data.

export type LoadResult =
  | { ok: true; scenario: ScenarioDef; hash: string; warnings: ScenarioIssue[] }
  | { ok: false; issues: ScenarioIssue[]; warnings: ScenarioIssue[] };

const MAX_BYTES = 512 * 1024;

function versionParts(v: string): [number, number] | null {
  const m = /^(\d+)\.(\d+)$/.exec(v);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

function compareVersions(a: [number, number], b: [number, number]): number {
  return a[0] - b[0] || a[1] - b[1];
}

function describeValue(v: unknown): string {
  if (v === null) return 'nothing (null)';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the text "${v.length > 30 ? `${v.slice(0, 30)}…` : v}"`;
  return `${typeof v} ${String(v)}`;
}

function messageFor(issue: z.core.$ZodIssue, parentPath: readonly PropertyKey[]): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) {
        return `missing: expected ${issue.expected === 'array' ? 'a list' : issue.expected} here`;
      }
      if (issue.expected === 'string' && typeof issue.input === 'object' && issue.input !== null) {
        return `expected text, got ${describeValue(issue.input)}: a colon followed by a space starts a key in YAML; put the text in quotes`;
      }
      return `expected ${issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a mapping' : issue.expected}, got ${describeValue(issue.input)}`;
    case 'invalid_value': {
      const options = issue.values.map(String);
      const got = String(issue.input);
      return `expected one of ${options.join(', ')}, got "${got}"${didYouMean(got, options)}`;
    }
    case 'unrecognized_keys':
      return 'unknown key';
    default:
      void parentPath;
      return issue.message;
  }
}

/** Keys a mapping accepts at `path`, by asking the schema what it would accept there. */
function knownKeysAt(path: readonly PropertyKey[]): string[] {
  // walk the zod schema along the data path; arrays and records step into their element
  let schema: unknown = scenarioSchema;
  for (const p of path) {
    schema = unwrap(schema);
    const def = (
      schema as {
        def?: {
          type?: string;
          shape?: Record<string, unknown>;
          element?: unknown;
          valueType?: unknown;
        };
      }
    ).def;
    if (!def) return [];
    if (def.type === 'object' && def.shape) schema = def.shape[String(p)];
    else if (def.type === 'array') schema = def.element;
    else if (def.type === 'record') schema = def.valueType;
    else return [];
  }
  const def = (unwrap(schema) as { def?: { shape?: Record<string, unknown> } }).def;
  return def?.shape ? Object.keys(def.shape) : [];
}

function unwrap(schema: unknown): unknown {
  let s = schema as { def?: { type?: string; innerType?: unknown } } | undefined;
  while (
    s?.def &&
    (s.def.type === 'optional' || s.def.type === 'nullable' || s.def.type === 'default')
  ) {
    s = s.def.innerType as typeof s;
  }
  return s;
}

export function contentHash(scenario: ScenarioDef): string {
  return bytesToHex(sha256(utf8ToBytes(JSON.stringify(scenario)))).slice(0, 16);
}

function mergeStyles(file: ScenarioFile, styles: string[]): Record<string, StyleParams> {
  const out: Record<string, StyleParams> = {};
  for (const style of styles) {
    const base = DEFAULT_PARAMS.styles[style] ?? NEUTRAL_STYLE;
    const given = file.params?.styles?.[style] ?? {};
    out[style] = { ...base, ...(given as Partial<StyleParams>) };
  }
  return out;
}

/** The validated file, with every default filled in: what the sim plays. */
export function toScenarioDef(file: ScenarioFile): ScenarioDef {
  const styles = file.styles ?? DEFAULT_STYLES;
  const { styles: _ignored, ...overrides } = file.params ?? {};
  return {
    schemaVersion: file.schemaVersion,
    id: file.id,
    title: file.title,
    summary: file.summary,
    goals: file.goals,
    quarters: file.quarters,
    styles,
    team: file.team,
    competitors: file.competitors,
    customer: file.customer,
    params: { ...DEFAULT_PARAMS, ...overrides, styles: mergeStyles(file, styles) },
    situations: file.situations,
    events: file.events ?? [],
    rubric: { grading: 'both', ...file.rubric },
    debrief: file.debrief,
  } as ScenarioDef;
}

export function loadScenario(source: string, file: string): LoadResult {
  const issues: ScenarioIssue[] = [];
  const warnings: ScenarioIssue[] = [];
  const fail = (line: number, col: number, path: string, message: string): LoadResult => ({
    ok: false,
    issues: [...issues, { file, line, col, path, message }],
    warnings,
  });

  if (source.length > MAX_BYTES)
    return fail(
      1,
      1,
      '',
      `the file is larger than ${MAX_BYTES / 1024} KB; a scenario is a few pages of text`,
    );
  // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for binary content is the point
  if (/[\u0000-\u0008\u000e-\u001f]/.test(source) || source.includes('\ufffd')) {
    return fail(
      1,
      1,
      '',
      'this is not a text file: it holds binary bytes; save the scenario as UTF-8 text',
    );
  }
  if (source.trim() === '' || /^(\s*#.*\n?)*\s*$/.test(source)) {
    return fail(
      1,
      1,
      '',
      'the file is empty; a scenario starts with schemaVersion: "1.0" and an id (see docs/authoring.md)',
    );
  }

  const lines = new LineCounter();
  const doc = parseDocument(source, {
    lineCounter: lines,
    uniqueKeys: true,
    schema: 'core',
    prettyErrors: false,
  });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const { line, col } = lines.linePos(e.pos[0]);
      issues.push({
        file,
        line,
        col,
        path: '',
        message: `YAML syntax: ${e.message.split('\n')[0]}`,
      });
    }
    return { ok: false, issues, warnings };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (err) {
    return fail(1, 1, '', `YAML: ${(err as Error).message}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return fail(
      1,
      1,
      '',
      `expected a mapping of keys such as schemaVersion, id, title; got ${describeValue(data)}`,
    );
  }

  const version = (data as Record<string, unknown>).schemaVersion;
  const vPos = positionOf(doc, lines, ['schemaVersion']);
  if (typeof version === 'number') {
    return fail(
      vPos.line,
      vPos.col,
      'schemaVersion',
      `write the version in quotes, as "${SCHEMA_VERSION}": unquoted, 1.10 would read as 1.1`,
    );
  }
  if (typeof version === 'string') {
    const v = versionParts(version);
    if (!v)
      return fail(
        vPos.line,
        vPos.col,
        'schemaVersion',
        `expected a version such as "${SCHEMA_VERSION}", got "${version}"`,
      );
    if (compareVersions(v, versionParts(SCHEMA_VERSION)!) > 0) {
      return fail(
        vPos.line,
        vPos.col,
        'schemaVersion',
        `this scenario needs format ${version}; this game reads formats ${MIN_SCHEMA_VERSION} to ${SCHEMA_VERSION}: update the game`,
      );
    }
    if (compareVersions(v, versionParts(MIN_SCHEMA_VERSION)!) < 0) {
      return fail(
        vPos.line,
        vPos.col,
        'schemaVersion',
        `format ${version} is older than this game reads (${MIN_SCHEMA_VERSION}); see docs/authoring.md for what changed`,
      );
    }
  }

  const parsed = scenarioSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path as PropertyKey[];
      if (issue.code === 'unrecognized_keys') {
        const known = knownKeysAt(path);
        const inEffects = path.at(-1) === 'effects';
        for (const key of issue.keys) {
          const pos = positionOf(doc, lines, [...path, key], true);
          const hint = closest(key, known);
          issues.push({
            file,
            ...pos,
            path: formatPath([...path, key]),
            message: `unknown ${inEffects ? 'effect' : 'key'}${hint ? `; did you mean ${hint}?` : `; expected one of ${known.join(', ')}`}`,
          });
        }
        continue;
      }
      const pos = positionOf(doc, lines, path);
      issues.push({
        file,
        ...pos,
        path: formatPath(path),
        message: messageFor(issue, path.slice(0, -1)),
      });
    }
    return { ok: false, issues, warnings };
  }

  for (const s of checkSemantics(parsed.data)) {
    const pos = positionOf(doc, lines, s.path, s.atKey ?? false);
    const entry = { file, ...pos, path: formatPath(s.path), message: s.message };
    (s.warning ? warnings : issues).push(entry);
  }
  if (issues.length > 0) return { ok: false, issues, warnings };
  const scenario = toScenarioDef(parsed.data);
  return { ok: true, scenario, hash: contentHash(scenario), warnings };
}
