import { asRecord, decodeRecord, type ScenarioShelf } from '../record/code.ts';
import { type SessionRecord, sameRecord } from '../record/record.ts';
import { isSigned } from '../record/signed.ts';
import { findCodes } from './find-codes.ts';

// Everything a verifier may be handed, read into records: result codes (TOW1-…) in any
// text (pasted, in text files, in mail and chat logs), result files (JSON holding a record
// or a code), and the JSON that `npm run simulate` prints (its "record" field). Each piece
// keeps where it came from, so a bad one is reported by name and never drops the others.

export interface Intake {
  /** file name, "pasted text" …, with the code's line when one source holds several */
  source: string;
  record?: SessionRecord;
  error?: string;
  /** the scenario a code names when it could not be read without it (see code.ts) */
  scenario?: string;
  /**
   * What a result file that is not genuine says of itself in its readable part (its record
   * and code disagree, or its code is broken): shown as the file's claim, never trusted
   */
  claim?: Claim;
  /** a result file the server signed, whole, for its signature to be checked (src/record/signed.ts) */
  signed?: Record<string, unknown>;
}

/** Who and what a result file names, as the file claims it. */
export interface Claim {
  trainee: string;
  session: string;
  scenario: string;
  seed: string;
  attempt: number | null;
}

const claimOf = (r: SessionRecord): Claim => ({
  trainee: r.player ?? '',
  session: r.session ?? '',
  scenario: r.scenario,
  seed: r.seed,
  attempt: r.attempt ?? null,
});

/** More than any file or paste of results: refused before it is read. */
export const MAX_TEXT = 1024 * 1024;
/** A list of result files, each record's choices included, is four levels deep. */
const MAX_DEPTH = 32;
/** Results from one file or paste: five times the largest cohort HR reported. */
const MAX_PIECES = 10_000;

/** The verdict on a file too large to be read, or null when it may be read. */
export function tooLarge(source: string, size: number): Intake | null {
  if (size <= MAX_TEXT) return null;
  const mb = (size / (1024 * 1024)).toFixed(1);
  return { source, error: `${mb} MB, over the 1 MB cap for a file or paste of results: not read` };
}

const tooMany = (source: string): Intake => ({
  source,
  error: `holds more than ${MAX_PIECES.toLocaleString('en')} results, the cap for one file or paste: split it`,
});

/** Whether brackets nest deeper than `max` (outside strings); found before parsing. */
function nestsDeeper(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      if (++depth > max) return true;
    } else if (c === ']' || c === '}') depth--;
  }
  return false;
}

/** The parser's complaint as a line and column, which engines word differently. */
function whereJsonFails(text: string, err: unknown): string {
  const at = /position (\d+)/.exec(err instanceof Error ? err.message : '');
  if (!at) return '';
  const before = text.slice(0, Number(at[1])).split('\n');
  return ` (line ${before.length}, column ${before.at(-1)!.length + 1})`;
}

/** A code a program wrote all in small letters: its body's case is lost, and with it the code. */
const LOWERED =
  'the code came out all in small letters, as some mail and chat programs write it, and a code’s letters must keep their case: ask for the code again, or for the result file';

function fromCode(code: string, source: string, shelf?: ScenarioShelf): Intake {
  const decoded = decodeRecord(code, shelf);
  if (decoded.ok) return { source, record: decoded.record };
  const body = code.slice(5);
  const lowered = body.length > 20 && body === body.toLowerCase() && /[a-z]/.test(body);
  return {
    source,
    error: lowered ? LOWERED : decoded.error,
    ...(decoded.scenario ? { scenario: decoded.scenario } : {}),
  };
}

/** Codes found in text: named `lineName(line)` if given, else by line when there are several. */
function fromCodes(
  text: string,
  source: string,
  shelf: ScenarioShelf | undefined,
  lineName: ((line: number) => string) | undefined,
): Intake[] {
  const found = findCodes(text, MAX_PIECES);
  if (found.length > MAX_PIECES) return [tooMany(source)];
  const name =
    lineName ?? (found.length > 1 ? (line: number) => `${source}, line ${line}` : () => source);
  return found.map((f) =>
    f.error !== undefined
      ? { source: name(f.line), error: f.error }
      : fromCode(f.code, name(f.line), shelf),
  );
}

function fromJson(value: unknown, source: string, shelf?: ScenarioShelf): Intake[] {
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => fromJson(v, `${source} [${i + 1}]`, shelf));
  }
  // a list of codes, or a code inside a longer text, as a form tool might export them
  if (typeof value === 'string' && /TOW\d+-/i.test(value)) {
    return fromCodes(value, source, shelf, undefined);
  }
  if (typeof value === 'object' && value !== null) {
    const o = value as Record<string, unknown>;
    if (o.format !== undefined && (o.format !== 'tug-of-war-result' || o.v !== 1)) {
      return [{ source, error: 'not a Tug of War result file (or a newer format of one)' }];
    }
    if (typeof o.code === 'string' && o.record === undefined) {
      return [fromCode(o.code, source, shelf)];
    }
    if (typeof o.record === 'object' && o.record !== null) {
      const checked = asRecord(o.record);
      if (!checked.ok) return [{ source, error: checked.error }];
      // a result file may carry both; they must agree, or one of them was edited
      if (typeof o.code === 'string') {
        const decoded = decodeRecord(o.code, shelf);
        const claim = claimOf(checked.record);
        if (!decoded.ok)
          return [{ source, error: `the file\u2019s code: ${decoded.error}`, claim }];
        if (!sameRecord(decoded.record, checked.record)) {
          return [{ source, error: 'the file\u2019s record and its code disagree', claim }];
        }
      }
      return [{ source, record: checked.record, ...(isSigned(o) ? { signed: o } : {}) }];
    }
  }
  const checked = asRecord(value);
  return [checked.ok ? { source, record: checked.record } : { source, error: checked.error }];
}

function read(
  text: string,
  source: string,
  shelf: ScenarioShelf | undefined,
  lineName: ((line: number) => string) | undefined,
): Intake[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  let notJson = '';
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    if (nestsDeeper(trimmed, MAX_DEPTH)) {
      return [
        {
          source,
          error: `nested deeper than ${MAX_DEPTH} levels, the cap for a file of results: not read`,
        },
      ];
    }
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch (err) {
      // text that merely starts like JSON ("[External] …", "[10:42] Ana: TOW1-…")
      notJson = `the file is not valid JSON${whereJsonFails(trimmed, err)}`;
    }
    if (!notJson) {
      const read = fromJson(json, source, shelf);
      return read.length > MAX_PIECES ? [tooMany(source)] : read;
    }
  }
  const codes = fromCodes(text, source, shelf, lineName);
  if (codes.length > 0) return codes;
  return [{ source, error: notJson || 'no result code (TOW1-…) or record found' }];
}

/**
 * Reads one file's or one paste's text. Its codes are named `lineName(line)` if given;
 * otherwise by the source alone, or "source, line 4" when it holds several.
 */
export function readText(
  text: string,
  source: string,
  shelf?: ScenarioShelf,
  lineName?: (line: number) => string,
): Intake[] {
  const large = tooLarge(source, text.length);
  if (large) return [large];
  try {
    return read(text, source, shelf, lineName);
  } catch (err) {
    // a last guard: whatever one file holds, every other one still gets its verdict
    return [{ source, error: `could not be read: ${err instanceof Error ? err.message : err}` }];
  }
}
