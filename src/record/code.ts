import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { deflateSync, inflateSync } from 'fflate';
import { fromBase64Url, toBase64Url, unpackJson } from '../links/links.ts';
import { otherModel, type ScenarioDef } from '../sim/index.ts';
import { ByteReader, ByteWriter } from './bytes.ts';
import { bigintToBytes, bytesToBigint, choicesToNumber, numberToChoices } from './choices.ts';
import { playedOn } from './edition.ts';
import { inFieldOrder, modelOf, type SessionRecord } from './record.ts';
import { dayNumber, dayText, termsProblem } from './terms.ts';
import { RECORD_VERSION } from './version.ts';

// A result code is a record a person can paste into a chat: "TOW1-", the record packed
// as bytes in base64url, ".", and a checksum. The fields are written in a fixed order
// with no names, the scenario's hash as 8 raw bytes and the choices as one number
// against the scenario (see choices.ts), so a 12-quarter game with a player id and a
// session fits in about 110 characters. The checksum catches any character changed by
// accident or by hand; replaying the record (verify) catches a forged result. The
// checksum is no signature: anyone with this code can re-encode an edited record, so
// the record's identity fields are only as trustworthy as the channel that carried it.

const PREFIX = 'TOW1-';
const MAX_CODE_LENGTH = 8192;
const RAW = 0;
const DEFLATED = 1;
const HASH_BYTES = 1;
const INDEXED = 2;
const HAS_ATTEMPT = 4;
const HAS_SCORE = 8;
const HAS_TERMS = 16;
const HAS_FINISHED = 32;
/** the model version, last of all; codes without it were made before it was kept: model 1 */
const HAS_MODEL = 64;
/** a flag beyond these was set by a newer game, for a field this one cannot read */
const KNOWN_FLAGS = 127;
const NEWER = 'the code was made by a newer game: update the game';

/** Scenarios by id, as the game and the verifier hold them. */
export type ScenarioShelf = Pick<ReadonlyMap<string, { scenario: ScenarioDef }>, 'get'>;

export type Decoded =
  | { ok: true; record: SessionRecord }
  /** `scenario`: the id the code names, when only its absence kept the decisions packed */
  | { ok: false; error: string; scenario?: string };

function checksum(body: string): string {
  return toBase64Url(sha256(utf8ToBytes(`tug-of-war|${body}`)).slice(0, 5));
}

/** The checksum of the first code format (JSON, ten hex digits), still read. */
function legacyChecksum(body: string): string {
  return bytesToHex(sha256(utf8ToBytes(`tug-of-war|${body}`))).slice(0, 10);
}

function packFields(record: SessionRecord, scenario: ScenarioDef | undefined): Uint8Array {
  const hashBytes = /^([0-9a-f]{2}){8}$/.test(record.hash);
  const packed =
    scenario && scenario.id === record.scenario ? choicesToNumber(scenario, record.choices) : null;
  const flags =
    (hashBytes ? HASH_BYTES : 0) |
    (packed !== null ? INDEXED : 0) |
    (record.attempt !== undefined ? HAS_ATTEMPT : 0) |
    (record.score !== undefined ? HAS_SCORE : 0) |
    (record.terms !== undefined ? HAS_TERMS : 0) |
    (record.finished !== undefined ? HAS_FINISHED : 0) |
    (record.model !== undefined ? HAS_MODEL : 0);
  const w = new ByteWriter().uint(record.v).uint(flags).text(record.game).text(record.scenario);
  if (hashBytes) {
    w.raw(Uint8Array.from(record.hash.match(/../g)!.map((h) => Number.parseInt(h, 16))));
  } else w.text(record.hash);
  w.text(record.seed).uint(record.choices.length);
  if (packed !== null) w.bytes(bigintToBytes(packed));
  else for (const c of record.choices) w.text(c);
  w.optionalText(record.player).optionalText(record.session);
  if (record.attempt !== undefined) w.uint(record.attempt);
  if (record.score !== undefined) w.uint(record.score);
  if (record.terms !== undefined) {
    const { passMark, attempts, due } = record.terms;
    // 0 for no due date, else its day + 1
    w.uint(passMark)
      .uint(attempts)
      .uint(due === undefined ? 0 : day(due) + 1);
  }
  if (record.finished !== undefined) w.uint(day(record.finished));
  if (record.model !== undefined) w.uint(record.model);
  return w.done();
}

function day(date: string): number {
  const n = dayNumber(date);
  if (n === null) throw new RangeError(`not a date from 2000 on (YYYY-MM-DD): ${date}`);
  return n;
}

/**
 * The record as a result code. Give the scenario it was played on and the choices are
 * packed against it (shorter); without it they travel as their ids.
 */
export function encodeRecord(record: SessionRecord, scenario?: ScenarioDef): string {
  const fields = packFields(record, scenario);
  const deflated = deflateSync(fields, { level: 9 });
  const bytes =
    deflated.length < fields.length
      ? Uint8Array.from([DEFLATED, ...deflated])
      : Uint8Array.from([RAW, ...fields]);
  const body = toBase64Url(bytes);
  return `${PREFIX}${body}.${checksum(body)}`;
}

function unpackFields(fields: Uint8Array, scenarios: ScenarioShelf | undefined): Decoded {
  const r = new ByteReader(fields);
  const v = r.uint();
  const flags = r.uint();
  if ((flags & ~KNOWN_FLAGS) !== 0) return { ok: false, error: NEWER };
  const game = r.text();
  const scenario = r.text();
  const hash = flags & HASH_BYTES ? bytesToHex(r.raw(8)) : r.text();
  const seed = r.text();
  const count = r.uint();
  if (count > 64) return { ok: false, error: 'the code holds more decisions than any game has' };
  // the choices are unpacked once the model is known (it comes last)
  const packedChoices = flags & INDEXED ? r.bytes() : null;
  const named: string[] = [];
  if (packedChoices === null) for (let i = 0; i < count; i++) named.push(r.text());
  const player = r.optionalText();
  const session = r.optionalText();
  const attempt = flags & HAS_ATTEMPT ? r.uint() : undefined;
  const score = flags & HAS_SCORE ? r.uint() : undefined;
  let terms: SessionRecord['terms'];
  if (flags & HAS_TERMS) {
    const passMark = r.uint();
    const attempts = r.uint();
    const due = r.uint();
    terms = { passMark, attempts, ...(due > 0 ? { due: dayText(due - 1) } : {}) };
  }
  const finished = flags & HAS_FINISHED ? dayText(r.uint()) : undefined;
  const model = flags & HAS_MODEL ? r.uint() : undefined;
  if (!r.finished) return { ok: false, error: 'the code has bytes left over: it is damaged' };
  // a code of another model is read when it can be (verify says why it cannot be replayed);
  // when its decisions cannot be unpacked here, the model is the reason to give
  const another = otherModel(modelOf({ model }), 'this code');
  let choices = named;
  if (packedChoices !== null) {
    const packed = bytesToBigint(packedChoices);
    const entry = scenarios ? playedOn(scenarios, scenario, hash) : undefined;
    if (!entry) {
      // another model's code says so; the scenario is named when it is the only reason
      if (another) return { ok: false, error: another };
      return {
        ok: false,
        error: `the code was made on scenario "${scenario}", which this game does not have`,
        scenario,
      };
    }
    try {
      choices = numberToChoices(entry.scenario, count, packed);
    } catch {
      return {
        ok: false,
        error:
          another ?? `the code's decisions do not fit scenario "${scenario}" as this game has it`,
      };
    }
  }
  return asRecord(
    inFieldOrder({
      v,
      game,
      ...(model !== undefined ? { model } : {}),
      scenario,
      hash,
      seed,
      choices,
      ...(player !== undefined ? { player } : {}),
      ...(session !== undefined ? { session } : {}),
      ...(attempt !== undefined ? { attempt } : {}),
      ...(terms !== undefined ? { terms } : {}),
      ...(finished !== undefined ? { finished } : {}),
      ...(score !== undefined ? { score } : {}),
    }),
  );
}

/** The checksum's length after the dot: 7 characters, or 10 in the first format. */
const CHECK_LENGTH = 7;
export const LONGEST_CHECK = 10;

// a reader looking for where a code ends asks about one body many times over
let lastBody: string | null = null;
let lastChecksum = '';
function checksumOnce(body: string): string {
  if (body !== lastBody) {
    lastBody = body;
    lastChecksum = checksum(body);
  }
  return lastChecksum;
}

/**
 * The whole result code that `text` starts with (prefix, body, dot and a matching checksum
 * of either format), or null; whatever follows the code is left alone.
 */
export function codeAtStart(text: string): string | null {
  if (!text.startsWith(PREFIX)) return null;
  const dot = text.indexOf('.');
  if (dot < 0 || dot > MAX_CODE_LENGTH) return null;
  const body = text.slice(PREFIX.length, dot);
  const end = dot + 1 + CHECK_LENGTH;
  if (text.length >= end && text.slice(dot + 1, end) === checksumOnce(body)) {
    return text.slice(0, end);
  }
  const legacyEnd = dot + 1 + LONGEST_CHECK;
  const legacy = text.slice(dot + 1, legacyEnd);
  return /^[0-9a-f]{10}$/.test(legacy) && legacy === legacyChecksum(body)
    ? text.slice(0, legacyEnd)
    : null;
}

// Mail sent as quoted-printable wraps long lines at 76 characters and ends each wrapped
// line with "=" (a soft line break); a mail program that shows the raw text leaves them
// in. A code never holds "=", so one before a line's end is always such a break.
const SOFT_BREAK = /=[ \t]*(?=\r\n|\r|\n)/g;

/** `text` without quoted-printable soft breaks' "=", its lines (and line numbers) kept. */
export function withoutSoftBreaks(text: string): string {
  return text.replace(SOFT_BREAK, '');
}

/** Reads a result code; `scenarios` is needed for codes whose choices were packed. */
export function decodeRecord(code: string, scenarios?: ScenarioShelf): Decoded {
  // a real code is a few hundred characters at most; refuse to inflate anything larger
  if (code.length > MAX_CODE_LENGTH) {
    return { ok: false, error: `this is too long to be a result code (${code.length} characters)` };
  }
  const trimmed = withoutSoftBreaks(code).trim().replace(/\s+/g, '');
  if (!trimmed.startsWith(PREFIX)) {
    return {
      ok: false,
      error: `a result code starts with ${PREFIX}; this one starts with "${trimmed.slice(0, 5)}"`,
    };
  }
  const dot = trimmed.lastIndexOf('.');
  if (dot < 0) return { ok: false, error: 'the code is cut short: its checksum is missing' };
  const body = trimmed.slice(PREFIX.length, dot);
  const check = trimmed.slice(dot + 1);
  const legacy = check.length === 10 && check === legacyChecksum(body);
  if (!legacy && check !== checksum(body)) {
    return {
      ok: false,
      error: 'the checksum does not match: the code was changed or cut short when copied',
    };
  }
  try {
    if (legacy) return asRecord(unpackJson(body));
    const bytes = fromBase64Url(body);
    const rest = bytes.subarray(1);
    if (bytes[0] === DEFLATED) return unpackFields(inflateSync(rest), scenarios);
    if (bytes[0] === RAW) return unpackFields(rest, scenarios);
    return { ok: false, error: NEWER };
  } catch {
    return { ok: false, error: 'the code cannot be unpacked: it is damaged' };
  }
}

const STRING_FIELDS = ['game', 'scenario', 'hash', 'seed'] as const;
const KNOWN = new Set([
  'v',
  ...STRING_FIELDS,
  'model',
  'choices',
  'player',
  'session',
  'attempt',
  'terms',
  'finished',
  'score',
]);

/** Checks the shape of anything claiming to be a record (from a code, a file or JSON). */
export function asRecord(value: unknown): Decoded {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: 'not a session record: expected an object' };
  }
  const r = value as Record<string, unknown>;
  if (typeof r.v !== 'number' || !Number.isInteger(r.v))
    return { ok: false, error: 'not a session record: no format version "v"' };
  for (const f of STRING_FIELDS) {
    if (typeof r[f] !== 'string' || (r[f] as string).length > 200) {
      return { ok: false, error: `not a session record: "${f}" must be text` };
    }
  }
  if (
    !Array.isArray(r.choices) ||
    r.choices.length > 64 ||
    !r.choices.every((c) => typeof c === 'string' && c.length <= 64)
  ) {
    return { ok: false, error: 'not a session record: "choices" must be a list of choice ids' };
  }
  for (const f of ['player', 'session'] as const) {
    if (r[f] !== undefined && (typeof r[f] !== 'string' || (r[f] as string).length > 200)) {
      return { ok: false, error: `not a session record: "${f}" must be text` };
    }
  }
  for (const f of ['attempt', 'score'] as const) {
    const x = r[f];
    if (x !== undefined && (typeof x !== 'number' || !Number.isInteger(x) || x < 0)) {
      return { ok: false, error: `not a session record: "${f}" must be a whole number` };
    }
  }
  const extra = Object.keys(r).find((k) => !KNOWN.has(k));
  if (extra && r.v > RECORD_VERSION) {
    return {
      ok: false,
      error: `the record was made by a newer game (format ${r.v}, field "${extra}"): update the game`,
    };
  }
  if (extra) return { ok: false, error: `not a session record: unexpected field "${extra}"` };
  const terms = termsProblem(r.terms, r.finished);
  if (terms) return { ok: false, error: `not a session record: ${terms}` };
  // one field order, whatever the source: the same game from a file and from a code
  // compares equal (duplicates, src/hr/grade.ts)
  return { ok: true, record: inFieldOrder(r as unknown as SessionRecord) };
}
