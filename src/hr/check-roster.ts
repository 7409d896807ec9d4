import type { Intake } from './intake.ts';
import { type RememberedAssignment, rosterOf } from './remembered.ts';
import type { Roster } from './roster.ts';

// Which assigned trainees a check of results is held against. A links file given means
// that file's trainees only. Without one, the assignments this browser remembers that the
// checked results name, never every assignment ever made here: results of assignment A
// must not list the trainees of B as having sent nothing. The status line says which.

export interface AssignmentChecked {
  session: string;
  scenario: string;
  trainees: number;
  /** when a remembered assignment's links were made (ISO), if known */
  made?: string;
}

export interface CheckRoster {
  roster: Roster;
  /** where the roster came from: the links files given, this browser's memory, or nowhere */
  from: 'links file' | 'remembered' | 'none';
  /** the links files read, by name */
  files: string[];
  assignments: AssignmentChecked[];
  /** assignments the results name that neither a links file nor this browser knows */
  unknown: string[];
}

/** The assignments the checked items name: their record's, or what an unreadable file claims. */
export function namedSessions(items: readonly Intake[]): Set<string> {
  const out = new Set<string>();
  for (const i of items) {
    const s = i.record?.session ?? i.claim?.session;
    if (s) out.add(s);
  }
  return out;
}

function assignmentsIn(roster: Roster): AssignmentChecked[] {
  const by = new Map<string, AssignmentChecked>();
  for (const e of roster.values()) {
    const a = by.get(e.session) ?? { session: e.session, scenario: e.scenario, trainees: 0 };
    a.trainees++;
    by.set(e.session, a);
  }
  return [...by.values()];
}

export function checkRoster(
  items: readonly Intake[],
  linksFiles: readonly { name: string; roster: Roster }[],
  remembered: readonly RememberedAssignment[],
): CheckRoster {
  const named = namedSessions(items);
  if (linksFiles.length > 0) {
    const roster: Roster = new Map();
    for (const f of linksFiles) for (const [k, v] of f.roster) roster.set(k, v);
    const assignments = assignmentsIn(roster);
    const known = new Set(assignments.map((a) => a.session));
    return {
      roster,
      from: 'links file',
      files: linksFiles.map((f) => f.name),
      assignments,
      unknown: [...named].filter((s) => !known.has(s)),
    };
  }
  const chosen = remembered.filter((a) => named.has(a.session));
  const known = new Set(chosen.map((a) => a.session));
  return {
    roster: rosterOf(chosen),
    from: chosen.length > 0 ? 'remembered' : 'none',
    files: [],
    assignments: chosen.map((a) => ({
      session: a.session,
      scenario: a.scenario,
      trainees: a.entries.length,
      ...(a.made !== undefined ? { made: a.made } : {}),
    })),
    unknown: [...named].filter((s) => !known.has(s)),
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function listed(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

const named = (a: AssignmentChecked) =>
  `${a.session} (${a.scenario}, ${plural(a.trainees, 'trainee')})`;

/** The status line's sentence on what the results were checked against. */
export function checkedAgainstText(c: CheckRoster): string {
  const unknown =
    c.unknown.length > 0
      ? ` ${listed(c.unknown)} ${c.unknown.length === 1 ? 'is' : 'are'} in no links file given${c.from === 'links file' ? '' : ' and not remembered in this browser'}: ${c.unknown.length === 1 ? 'its results are' : 'their results are'} ${c.from === 'links file' ? 'listed apart: replayed, not graded' : 'checked by replay only'}.`
      : '';
  if (c.from === 'links file') {
    return ` Checked against the links file${c.files.length === 1 ? '' : 's'} ${listed(c.files)}: ${c.assignments.length === 1 ? 'assignment' : 'assignments'} ${listed(c.assignments.map(named))}.${unknown}`;
  }
  if (c.from === 'remembered') {
    return ` No links file: checked against the ${c.assignments.length === 1 ? 'assignment' : 'assignments'} this browser remembers that the results name, ${listed(c.assignments.map(named))}.${unknown}`;
  }
  return ' No links file, and no assignment remembered in this browser that the results name: results are checked by replay only, each on the pass mark its assignment link gave it.';
}
