import { parseCsv, unguard } from '../lib/csv.ts';
import type { ROSTER_HEADER } from './assignment.ts';

// The links CSV that HR downloaded when assigning, read back: which seed each trainee was
// dealt, the pass mark and the attempts allowed. With it the verifier also catches a
// record moved to a seed of the forger's choosing, and attempts over the limit.

export interface RosterEntry {
  trainee: string;
  session: string;
  scenario: string;
  seed: string;
  passMark: number;
  attempts: number;
  due?: string;
}

export type Roster = Map<string, RosterEntry>;

export const rosterKey = (session: string, trainee: string) => `${session}\u0000${trainee}`;

export function parseRoster(text: string): { roster: Roster; error?: string } {
  const rows = parseCsv(text.replace(/^\uFEFF/, ''));
  const header = rows[0]?.map((h) => h.trim());
  const at = (name: (typeof ROSTER_HEADER)[number]) => header?.indexOf(name) ?? -1;
  const need = [
    'trainee',
    'assignment',
    'scenario',
    'seed',
    'pass_mark',
    'attempts_allowed',
  ] as const;
  const missing = need.filter((n) => at(n) < 0);
  const roster: Roster = new Map();
  if (missing.length > 0) {
    return { roster, error: `not an assignment links file: no column ${missing.join(', ')}` };
  }
  for (const row of rows.slice(1)) {
    if (row.every((c) => c.trim() === '')) continue;
    const cell = (n: (typeof ROSTER_HEADER)[number]) => unguard(row[at(n)] ?? '');
    const entry: RosterEntry = {
      trainee: cell('trainee'),
      session: cell('assignment'),
      scenario: cell('scenario'),
      seed: cell('seed'),
      passMark: Number(cell('pass_mark')),
      attempts: Number(cell('attempts_allowed')),
      ...(at('due') >= 0 && cell('due') !== '' ? { due: cell('due') } : {}),
    };
    roster.set(rosterKey(entry.session, entry.trainee), entry);
  }
  return { roster };
}
