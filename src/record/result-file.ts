import type { ScenarioDef } from '../sim/index.ts';
import { encodeRecord } from './code.ts';
import type { SessionRecord } from './record.ts';

// The result file a trainee hands in: the record, readable, and the same record as a
// result code. The code's checksum catches a careless edit of the readable part; replay
// and the trainee binding catch a deliberate one (src/hr/grade.ts).

export interface ResultFile {
  format: 'tug-of-war-result';
  v: 1;
  record: SessionRecord;
  code: string;
}

export function resultFile(record: SessionRecord, scenario?: ScenarioDef): ResultFile {
  return { format: 'tug-of-war-result', v: 1, record, code: encodeRecord(record, scenario) };
}

/**
 * A part of a file name: letters and digits of every alphabet are kept (Zoë Ünal stays Zoë
 * Ünal); only what file systems refuse (/ \\ : * ? " < > |, control characters) and spaces
 * become `_`, and a dot or `_` at either end goes. At most 40 characters, never cut inside one.
 */
export function fileNamePart(s: string): string {
  const cleaned = s
    .normalize('NFC')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what file systems refuse
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|\s]+/gu, '_');
  const cut = Array.from(cleaned).slice(0, 40).join('');
  return cut.replace(/^[._]+|[._]+$/gu, '') || '_';
}
const safe = fileNamePart;
const two = (n: number) => String(n).padStart(2, '0');

/**
 * The file's name in the trainee's Downloads. An assessed or workshop result is named by
 * its session, player and attempt; a practice result by its scenario, market and the time
 * it was saved (`now`, the device's clock), so two practice games never overwrite each other.
 */
export function resultFileName(record: SessionRecord, now: Date): string {
  if (record.session === undefined) {
    const day = `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
    const time = `${two(now.getHours())}${two(now.getMinutes())}${two(now.getSeconds())}`;
    return `tow-practice-${safe(record.scenario)}-${safe(record.seed)}-${day}-${time}.json`;
  }
  return `tow-${safe(record.session)}-${safe(record.player ?? 'player')}-${record.attempt ?? 1}.json`;
}
