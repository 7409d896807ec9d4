import { scenarioSchema } from './schema.ts';

// What the format accepts at a given place in the file, read from the zod schema itself,
// so an error says "expected a number from 0 to 1" and stays true when a bound changes.

interface Check {
  check?: string;
  value?: number;
  minimum?: number;
  maximum?: number;
  format?: string;
}

interface Def {
  type?: string;
  options?: unknown[];
  shape?: Record<string, unknown>;
  element?: unknown;
  keyType?: unknown;
  valueType?: unknown;
  innerType?: unknown;
  entries?: Record<string, string>;
  checks?: { _zod: { def: Check } }[];
}

function defOf(schema: unknown): Def | undefined {
  return (schema as { def?: Def } | undefined)?.def;
}

function unwrap(schema: unknown): unknown {
  let s = schema;
  for (let d = defOf(s); d && ['optional', 'nullable', 'default'].includes(d.type ?? ''); ) {
    s = d.innerType;
    d = defOf(s);
  }
  return s;
}

/** Of "an id or a mapping", the mapping: the part that has keys to go into. */
function mappingOf(schema: unknown): unknown {
  const def = defOf(schema);
  if (def?.type !== 'union') return schema;
  return def.options?.find((o) => defOf(unwrap(o))?.type === 'object') ?? schema;
}

/** The schema that applies at `path` in the data, or undefined off the map. */
export function schemaAt(path: readonly PropertyKey[]): unknown {
  let schema: unknown = scenarioSchema;
  for (const p of path) {
    const def = defOf(mappingOf(unwrap(schema)));
    if (def?.type === 'object' && def.shape) schema = def.shape[String(p)];
    else if (def?.type === 'array') schema = def.element;
    else if (def?.type === 'record') schema = def.valueType;
    else return undefined;
    if (schema === undefined) return undefined;
  }
  return unwrap(schema);
}

/** Keys a mapping accepts at `path`: an object's fields, or an enum-keyed record's keys. */
export function knownKeysAt(path: readonly PropertyKey[]): string[] {
  const def = defOf(mappingOf(schemaAt(path)));
  if (def?.shape) return Object.keys(def.shape);
  const keyDef = defOf(def?.keyType);
  if (def?.type === 'record' && keyDef?.entries) return Object.keys(keyDef.entries);
  return [];
}

function checks(def: Def): Check[] {
  return (def.checks ?? []).map((c) => c._zod.def);
}

function range(lo: number | undefined, hi: number | undefined): string {
  if (lo !== undefined && hi !== undefined) return `from ${lo} to ${hi}`;
  if (lo !== undefined) return `of at least ${lo}`;
  if (hi !== undefined) return `of at most ${hi}`;
  return '';
}

/** A plain-words description of what belongs at `path`, such as "a number from 0 to 1". */
export function expectedAt(path: readonly PropertyKey[]): string | undefined {
  const schema = schemaAt(path);
  const def = defOf(schema);
  if (!def) return undefined;
  const cs = checks(def);
  const min = (names: string[]) =>
    cs.find((c) => names.includes(c.check ?? ''))?.[
      names[0] === 'greater_than' ? 'value' : 'minimum'
    ];
  const max = (names: string[]) =>
    cs.find((c) => names.includes(c.check ?? ''))?.[names[0] === 'less_than' ? 'value' : 'maximum'];
  switch (def.type) {
    case 'number': {
      const whole = (schema as { isInt?: boolean }).isInt === true;
      const r = range(min(['greater_than']), max(['less_than']));
      return `${whole ? 'a whole number' : 'a number'}${r ? ` ${r}` : ''}`;
    }
    case 'string': {
      if (cs.some((c) => c.format === 'regex')) {
        return 'an id (lower-case letters, digits and dashes, such as "first-call")';
      }
      const hi = max(['max_length']);
      return hi === undefined ? 'text' : `text of at most ${hi} characters`;
    }
    case 'boolean':
      return 'true or false';
    case 'enum':
      return `one of ${Object.keys(def.entries ?? {}).join(', ')}`;
    case 'array': {
      const lo = min(['min_length']);
      const hi = max(['max_length']);
      if (lo !== undefined && hi !== undefined) return `a list of ${lo} to ${hi} items`;
      if (hi !== undefined) return `a list of at most ${hi} items`;
      return lo !== undefined && lo > 0
        ? `a list of at least ${lo} item${lo > 1 ? 's' : ''}`
        : 'a list';
    }
    case 'object':
    case 'record':
      return 'a mapping of keys and values';
    case 'union':
      return `an id, or a mapping with ${knownKeysAt(path).join(', ')}`;
    default:
      return undefined;
  }
}
