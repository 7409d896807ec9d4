import { type Roster, type RosterEntry, rosterKey } from './roster.ts';

// Assignments made in this browser, remembered so the verifier checks results against
// them without HR having to load the links file again. Storage that is refused (private
// mode, full) just means HR loads the links file by hand.

const KEY = 'tow.hr.roster.v1';

export function loadRemembered(): Roster {
  const roster: Roster = new Map();
  try {
    const list: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    if (!Array.isArray(list)) return roster;
    for (const e of list as RosterEntry[]) {
      if (
        typeof e?.session === 'string' &&
        typeof e.trainee === 'string' &&
        typeof e.seed === 'string'
      ) {
        roster.set(rosterKey(e.session, e.trainee), e);
      }
    }
  } catch {
    // unreadable or refused: nothing remembered
  }
  return roster;
}

export function remember(entries: readonly RosterEntry[]): boolean {
  const roster = loadRemembered();
  for (const e of entries) roster.set(rosterKey(e.session, e.trainee), e);
  try {
    localStorage.setItem(KEY, JSON.stringify([...roster.values()]));
    return true;
  } catch {
    return false;
  }
}
