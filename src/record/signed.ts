import { ed25519 } from '@noble/curves/ed25519.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { ResultFile } from './result-file.ts';

// A result the room server signed: the result file (record and code) plus what only the
// server saw (the assignment, the trainee, when each decision arrived by its clock, the
// grade), and an Ed25519 signature over all of it as canonical JSON. Anyone holding the
// server's public keys (GET /.well-known/jwks.json, saved to a file or fetched) checks it
// offline: an edit anywhere in the file, even one byte, breaks the signature. This module
// is shared by the server (which signs), `npm run verify` and hr.html (which check).

export const SIGNATURE_ALG = 'EdDSA';

export interface SignedDecision {
  quarter: number;
  situationId: string;
  choiceId: string;
  /** the server's clock when the decision arrived (ISO 8601) */
  at: string;
}

/** What the server attests beside the record: its own clock and its own grade. */
export interface ServerAttestation {
  assignment: string;
  title: string;
  trainee: string;
  attempt: number;
  attemptsAllowed: number;
  due: string | null;
  startedAt: string;
  finishedAt: string;
  decisions: SignedDecision[];
  score: number;
  /** the percentile among every strategy on the market, in tenths of a per cent (whole numbers only are signed) */
  percentileTenths: number;
  /** the number the pass mark applies to: the fair score, unless the rubric grades the raw score */
  fairScore: number;
  passMark: number;
  passed: boolean;
}

export interface ResultSignature {
  alg: typeof SIGNATURE_ALG;
  kid: string;
  /** the Ed25519 signature, base64url */
  value: string;
}

/** A result file as the server hands it out: signed over everything but the signature. */
export interface SignedResultFile extends ResultFile {
  server: ServerAttestation;
  signature: ResultSignature;
}

/** One public key as JWKS publishes it (RFC 8037: an OKP key on Ed25519). */
export interface Ed25519Jwk {
  kty: 'OKP';
  crv: 'Ed25519';
  kid: string;
  /** the 32-byte public key, base64url */
  x: string;
  alg?: string;
  use?: string;
}

export interface KeySet {
  keys: Ed25519Jwk[];
}

export type SignatureVerdict =
  | { kind: 'signed'; kid: string }
  | { kind: 'edited'; kid: string }
  | { kind: 'unknown-key'; kid: string }
  | { kind: 'unsigned' }
  | { kind: 'malformed'; reason: string };

export function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The bytes of base64url text, or null when it is not base64url in its one canonical
 * spelling: the last character may carry unused bits, and a signature whose text was
 * changed there must not pass as unchanged.
 */
export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  return toBase64Url(bytes) === text ? bytes : null;
}

/**
 * JSON with object keys sorted and no spaces: the one spelling of a value, so signer and
 * checker hash the same bytes however a file was re-indented. For the values a result holds
 * (strings, whole numbers, booleans, null, lists, objects) this is RFC 8785's canonical JSON.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string')
    return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`not a whole number: ${value}`);
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  throw new Error(`cannot be signed: a ${typeof value}`);
}

/** The bytes a signature covers: the whole file except the signature itself. */
export function signedBytes(file: Record<string, unknown>): Uint8Array {
  const { signature: _omitted, ...rest } = file;
  return utf8ToBytes(canonicalJson(rest));
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The keys of a JWKS document that are Ed25519 public keys; others are skipped. */
export function parseKeySet(value: unknown): KeySet | { error: string } {
  if (!isObject(value) || !Array.isArray(value.keys))
    return { error: 'not a key set: expected {"keys": [...]} as /.well-known/jwks.json serves' };
  const keys = value.keys.filter(
    (k): k is Ed25519Jwk =>
      isObject(k) &&
      k.kty === 'OKP' &&
      k.crv === 'Ed25519' &&
      typeof k.kid === 'string' &&
      typeof k.x === 'string' &&
      fromBase64Url(k.x)?.length === 32,
  );
  if (keys.length === 0) return { error: 'the key set holds no Ed25519 public key' };
  return { keys };
}

/** Whether `file` carries a signature at all (then it must check out). */
export const isSigned = (file: unknown): boolean => isObject(file) && 'signature' in file;

/** Checks a result file's signature against a key set. */
export function checkSignature(file: unknown, keySet: KeySet): SignatureVerdict {
  if (!isObject(file) || !('signature' in file)) return { kind: 'unsigned' };
  const sig = file.signature;
  if (!isObject(sig) || typeof sig.kid !== 'string' || typeof sig.value !== 'string')
    return { kind: 'malformed', reason: "its signature is not of the server's shape" };
  const kid = sig.kid;
  // the signature is the one part it does not cover: anything added to it is an edit too
  const extra = Object.keys(sig).some((k) => k !== 'alg' && k !== 'kid' && k !== 'value');
  if (sig.alg !== SIGNATURE_ALG || extra) return { kind: 'edited', kid };
  const key = keySet.keys.find((k) => k.kid === kid);
  if (!key) return { kind: 'unknown-key', kid };
  const signature = fromBase64Url(sig.value);
  const publicKey = fromBase64Url(key.x);
  if (signature?.length !== 64 || !publicKey) return { kind: 'edited', kid };
  let message: Uint8Array;
  try {
    message = signedBytes(file);
  } catch {
    return { kind: 'edited', kid };
  }
  try {
    return ed25519.verify(signature, message, publicKey)
      ? { kind: 'signed', kid }
      : { kind: 'edited', kid };
  } catch {
    return { kind: 'edited', kid };
  }
}

/** The verdict in the words the verifier prints. */
export function describeSignature(v: SignatureVerdict): string {
  switch (v.kind) {
    case 'signed':
      return `signed by this server (key ${v.kid})`;
    case 'edited':
      return `edited after signing: the signature (key ${v.kid}) does not match the file`;
    case 'unknown-key':
      return `signed by an unknown key (${v.kid}): not one of the keys given`;
    case 'unsigned':
      return 'not signed';
    case 'malformed':
      return `edited after signing: ${v.reason}`;
  }
}
