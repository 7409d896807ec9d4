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

const safe = (s: string) => s.replace(/[^\w.-]+/g, '_').slice(0, 40);
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
