import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { packJson, unpackJson } from '../links/links.ts';
import type { SessionRecord } from './record.ts';

// A result code is a record a person can paste into a chat: "TOW1-" then the record as
// deflated, base64url JSON, then a checksum. The checksum catches any character changed
// by accident or by hand; replaying the record (verify) catches a forged result.

const PREFIX = 'TOW1-';
const CHECK_LENGTH = 10;

export type Decoded = { ok: true; record: SessionRecord } | { ok: false; error: string };

function checksum(body: string): string {
  return bytesToHex(sha256(utf8ToBytes(`tug-of-war|${body}`))).slice(0, CHECK_LENGTH);
}

export function encodeRecord(record: SessionRecord): string {
  const body = packJson(record);
  return `${PREFIX}${body}.${checksum(body)}`;
}

const STRING_FIELDS = ['game', 'scenario', 'hash', 'seed'] as const;

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
    if (r[f] !== undefined && (typeof r[f] !== 'number' || !Number.isInteger(r[f]))) {
      return { ok: false, error: `not a session record: "${f}" must be a whole number` };
    }
  }
  const known = new Set([
    'v',
    ...STRING_FIELDS,
    'choices',
    'player',
    'session',
    'attempt',
    'score',
  ]);
  const extra = Object.keys(r).find((k) => !known.has(k));
  if (extra) return { ok: false, error: `not a session record: unexpected field "${extra}"` };
  return { ok: true, record: r as unknown as SessionRecord };
}

export function decodeRecord(code: string): Decoded {
  const trimmed = code.trim().replace(/\s+/g, '');
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
  if (check !== checksum(body)) {
    return {
      ok: false,
      error: 'the checksum does not match: the code was changed or cut short when copied',
    };
  }
  let json: unknown;
  try {
    json = unpackJson(body);
  } catch {
    return { ok: false, error: 'the code cannot be unpacked: it is damaged' };
  }
  return asRecord(json);
}
