import { type IssuedLink, linkOf } from './assignment.ts';
import { type Roster, type RosterEntry, rosterKey } from './roster.ts';

// Assignments made in this browser, remembered so the verifier checks results against
// them without HR having to load the links file again, and so HR can list them, download
// their links again or forget one. Storage that is refused (private mode, full) just means
// HR loads the links file by hand.
//
// Each trainee's entry keeps what their link was made of (the game's address, the seed
// they were dealt, the terms), so the links are rebuilt exactly as they were made.
// Assignments remembered by an earlier version of this page (tow.hr.roster.v1) kept the
// seeds but not the game's address: they are still checked against, and listed, but their
// links are not offered again, since the page cannot know where they pointed.

const KEY = 'tow.hr.assignments.v2';
const OLD_KEY = 'tow.hr.roster.v1';

/** One trainee of a remembered assignment, and the game address their link pointed to. */
export interface RememberedEntry extends RosterEntry {
  gameUrl?: string;
}

export interface RememberedAssignment {
  session: string;
  scenario: string;
  /** when the links were (last) made, as an ISO time; absent for an earlier version's */
  made?: string;
  entries: RememberedEntry[];
}

const isEntry = (e: unknown): e is RememberedEntry => {
  const o = e as Record<string, unknown> | null;
  return (
    typeof o?.session === 'string' &&
    typeof o.trainee === 'string' &&
    typeof o.scenario === 'string' &&
    typeof o.seed === 'string' &&
    typeof o.passMark === 'number' &&
    typeof o.attempts === 'number' &&
    (o.due === undefined || typeof o.due === 'string') &&
    (o.gameUrl === undefined || typeof o.gameUrl === 'string')
  );
};

function readList(key: string): unknown[] {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(list) ? list : [];
  } catch {
    // unreadable or refused: nothing remembered
    return [];
  }
}

/** Every assignment this browser remembers, the last made first. */
export function rememberedAssignments(): RememberedAssignment[] {
  const out = new Map<string, RememberedAssignment>();
  for (const a of readList(KEY)) {
    const o = a as Record<string, unknown> | null;
    if (typeof o?.session !== 'string' || typeof o.scenario !== 'string') continue;
    if (!Array.isArray(o.entries)) continue;
    out.set(o.session, {
      session: o.session,
      scenario: o.scenario,
      ...(typeof o.made === 'string' ? { made: o.made } : {}),
      entries: o.entries.filter(isEntry).filter((e) => e.session === o.session),
    });
  }
  // an earlier version's: one flat list of trainees, grouped here by assignment (once saved
  // in this version's list, that copy is the one read)
  const saved = new Set(out.keys());
  for (const e of readList(OLD_KEY)) {
    if (!isEntry(e) || saved.has(e.session)) continue;
    const a = out.get(e.session) ?? { session: e.session, scenario: e.scenario, entries: [] };
    a.entries.push(e);
    out.set(e.session, a);
  }
  return [...out.values()]
    .filter((a) => a.entries.length > 0)
    .sort((a, b) => (b.made ?? '').localeCompare(a.made ?? ''));
}

/** The trainees of the given remembered assignments, as the verifier checks against them. */
export function rosterOf(assignments: readonly RememberedAssignment[]): Roster {
  const roster: Roster = new Map();
  for (const a of assignments) {
    for (const { gameUrl: _, ...e } of a.entries) roster.set(rosterKey(e.session, e.trainee), e);
  }
  return roster;
}

/** Every remembered trainee, of every assignment. */
export function loadRemembered(): Roster {
  return rosterOf(rememberedAssignments());
}

function save(list: readonly RememberedAssignment[]): boolean {
  try {
    localStorage.setItem(KEY, JSON.stringify(list));
    return true;
  } catch {
    return false;
  }
}

/**
 * Remembers the links just made, stamped `made`. Links made again under the same
 * assignment id replace those trainees' entries and keep the others.
 */
export function remember(links: readonly IssuedLink[], gameUrl: string, made: Date): boolean {
  const first = links[0];
  if (!first) return true;
  const list = rememberedAssignments();
  const session = first.link.session;
  const old = list.find((a) => a.session === session);
  const fresh: RememberedEntry[] = links.map((l) => ({
    trainee: l.trainee,
    session: l.link.session,
    scenario: l.link.scenario,
    seed: l.gameSeed,
    passMark: l.link.passMark,
    attempts: l.link.attempts,
    ...(l.link.due !== undefined ? { due: l.link.due } : {}),
    gameUrl,
  }));
  const named = new Set(fresh.map((e) => e.trainee));
  const kept = (old?.entries ?? []).filter((e) => !named.has(e.trainee));
  const next: RememberedAssignment = {
    session,
    scenario: first.link.scenario,
    made: made.toISOString(),
    entries: [...kept, ...fresh],
  };
  return save([next, ...list.filter((a) => a.session !== session)]);
}

/** Forgets one assignment: its results are no longer checked against it in this browser. */
export function forget(session: string): boolean {
  const ok = save(rememberedAssignments().filter((a) => a.session !== session));
  try {
    const old = readList(OLD_KEY);
    if (old.length > 0) {
      const left = old.filter((e) => !isEntry(e) || e.session !== session);
      localStorage.setItem(OLD_KEY, JSON.stringify(left));
    }
  } catch {
    return false;
  }
  return ok;
}

/**
 * The links of a remembered assignment, rebuilt from what was kept: the same seeds and
 * the same addresses as when they were made. Null when the page cannot rebuild them (an
 * earlier version remembered them without the game's address).
 */
export function rebuiltLinks(a: RememberedAssignment): IssuedLink[] | null {
  if (a.entries.some((e) => e.gameUrl === undefined)) return null;
  return a.entries.map((e) => linkOf(e, e.gameUrl!));
}
