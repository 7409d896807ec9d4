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

export function resultFileName(record: SessionRecord): string {
  const safe = (s: string) => s.replace(/[^\w.-]+/g, '_').slice(0, 40);
  return `tow-${safe(record.session ?? 'practice')}-${safe(record.player ?? 'player')}-${record.attempt ?? 1}.json`;
}
