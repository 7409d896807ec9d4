import { asRecord, decodeRecord, type ScenarioShelf } from '../record/code.ts';
import type { SessionRecord } from '../record/record.ts';

// Everything a verifier may be handed, read into records: result codes (TOW1-…) pasted
// or in text files, result files (JSON holding a record or a code), and the JSON that
// `npm run simulate` prints (its "record" field). Each piece keeps where it came from,
// so a bad one is reported by name and never drops the others.

export interface Intake {
  /** file name, "pasted text" …, with the code's position when one source holds many */
  source: string;
  /** the text this record came from, to spot duplicates */
  raw: string;
  record?: SessionRecord;
  error?: string;
}

const CODE = /TOW1-[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g;

function fromJson(value: unknown, source: string, raw: string, shelf?: ScenarioShelf): Intake[] {
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => fromJson(v, `${source} [${i + 1}]`, JSON.stringify(v), shelf));
  }
  if (typeof value === 'object' && value !== null) {
    const o = value as Record<string, unknown>;
    if (o.format !== undefined && (o.format !== 'tug-of-war-result' || o.v !== 1)) {
      return [{ source, raw, error: 'not a Tug of War result file (or a newer format of one)' }];
    }
    if (typeof o.code === 'string' && o.record === undefined) {
      return [fromCode(o.code, source, shelf)];
    }
    if (typeof o.record === 'object' && o.record !== null) {
      // a result file may carry both; they must agree, or one of them was edited
      if (typeof o.code === 'string') {
        const decoded = decodeRecord(o.code, shelf);
        if (!decoded.ok) return [{ source, raw, error: `the file\u2019s code: ${decoded.error}` }];
        if (JSON.stringify(decoded.record) !== JSON.stringify(o.record)) {
          return [{ source, raw, error: 'the file\u2019s record and its code disagree' }];
        }
      }
      return fromJson(o.record, source, raw, shelf);
    }
  }
  const checked = asRecord(value);
  return [
    checked.ok ? { source, raw, record: checked.record } : { source, raw, error: checked.error },
  ];
}

function fromCode(code: string, source: string, shelf?: ScenarioShelf): Intake {
  const decoded = decodeRecord(code, shelf);
  return decoded.ok
    ? { source, raw: code.trim(), record: decoded.record }
    : { source, raw: code.trim(), error: decoded.error };
}

/** Reads one file's or one paste's text. */
export function readText(text: string, source: string, shelf?: ScenarioShelf): Intake[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch {
      return [{ source, raw: trimmed, error: 'the file is not valid JSON' }];
    }
    return fromJson(json, source, trimmed, shelf);
  }
  const codes = trimmed.match(CODE);
  if (!codes) {
    const hint = trimmed.includes('TOW1-')
      ? 'the result code is damaged (it may have been cut short when copied)'
      : 'no result code (TOW1-…) or record found';
    return [{ source, raw: trimmed, error: hint }];
  }
  // text around the codes (names, greetings in a mail) is ignored, but a code broken
  // across lines would be read as a shorter one and fail its checksum: say which
  return codes.map((c, i) => fromCode(c, codes.length > 1 ? `${source} #${i + 1}` : source, shelf));
}
