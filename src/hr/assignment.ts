import { toCsv } from '../lib/csv.ts';
import { marketShort } from '../lib/market-number.ts';
import { type AssignmentLink, linkUrl } from '../links/links.ts';
import { dayNumber } from '../record/terms.ts';
import { traineeSeed } from './binding.ts';
import type { RosterEntry } from './roster.ts';

// HR's side of an assignment: one link per trainee, and the roster HR keeps to check
// results against (which seed each trainee was dealt, the pass mark, attempts allowed).

export interface AssignmentSettings {
  /** id of the assignment; records made from its links carry it */
  session: string;
  scenario: string;
  /** the assignment's seed; with per-trainee markets each trainee's is derived from it */
  seed: string;
  /** true: each trainee plays a market of their own, bound to their id (recommended) */
  perTrainee: boolean;
  passMark: number;
  attempts: number;
  due?: string;
}

export interface IssuedLink {
  trainee: string;
  /** the seed of the game this trainee plays */
  gameSeed: string;
  link: AssignmentLink;
  url: string;
}

export type TraineeList = { ids: string[]; problems: string[] };

const MAX_ID = 120;

/** Trainee ids from a pasted list: one per line, or separated by commas, semicolons or tabs. */
export function parseTrainees(text: string): TraineeList {
  const ids: string[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const raw of text.split(/[\r\n,;\t]+/)) {
    const id = raw.trim();
    if (id === '') continue;
    if (id.length > MAX_ID) {
      problems.push(`"${id.slice(0, 20)}…" is longer than ${MAX_ID} characters`);
    } else if (seen.has(id)) {
      problems.push(`"${id}" appears more than once; one link is made`);
    } else {
      seen.add(id);
      ids.push(id);
    }
  }
  return { ids, problems };
}

/** The form's fields a setting's problem is shown at. */
export type SettingField = 'session' | 'seed' | 'passMark' | 'attempts' | 'due';

/** Letters of any alphabet (accented ones too), digits and . : _ -: what links, file names and records carry safely. */
const SESSION_ID = /^[\p{L}\p{M}\p{N}_.:-]+$/u;
export const MAX_SESSION = 80;

/** Each bad setting, with the field it belongs to. */
export function settingsProblemsAt(
  s: AssignmentSettings,
): { field: SettingField; problem: string }[] {
  const out: { field: SettingField; problem: string }[] = [];
  const at = (field: SettingField, problem: string) => out.push({ field, problem });
  // the game reads at most 80 characters of it from a link (src/links/links.ts)
  if (s.session.length === 0 || s.session.length > MAX_SESSION || !SESSION_ID.test(s.session))
    at(
      'session',
      `the assignment id may hold letters (accented ones too), digits and . : _ - but no spaces or other signs, at most ${MAX_SESSION} characters`,
    );
  if (!/^[\w-]{1,28}$/.test(s.seed))
    at(
      'seed',
      'the seed may hold letters a–z (no accents), digits, _ and - (at most 28 characters)',
    );
  if (!Number.isInteger(s.passMark) || s.passMark < 0 || s.passMark > 100)
    at('passMark', 'the pass mark is a whole number from 0 to 100');
  if (!Number.isInteger(s.attempts) || s.attempts < 1 || s.attempts > 99)
    at('attempts', 'attempts allowed is a whole number from 1 to 99');
  // the link and every result carry it (src/record/terms.ts): it must be a real day
  if (s.due !== undefined && dayNumber(s.due) === null)
    at('due', 'the due date is a date (YYYY-MM-DD) from 2000 on');
  return out;
}

export function settingsProblems(s: AssignmentSettings): string[] {
  return settingsProblemsAt(s).map((p) => p.problem);
}

/**
 * One trainee's link, from the seed of the game they were dealt and the assignment's terms:
 * how links are made, and how a remembered assignment's links are made again, the same.
 */
export function linkOf(entry: RosterEntry, gameUrl: string): IssuedLink {
  const link: AssignmentLink = {
    kind: 'assignment',
    session: entry.session,
    scenario: entry.scenario,
    seed: entry.seed,
    trainee: entry.trainee,
    attempts: entry.attempts,
    passMark: entry.passMark,
    ...(entry.due !== undefined ? { due: entry.due } : {}),
  };
  return { trainee: entry.trainee, gameSeed: entry.seed, link, url: linkUrl(gameUrl, link) };
}

export function issueLinks(
  settings: AssignmentSettings,
  trainees: readonly string[],
  gameUrl: string,
): IssuedLink[] {
  return trainees.map((trainee) =>
    linkOf(
      {
        trainee,
        session: settings.session,
        scenario: settings.scenario,
        seed: settings.perTrainee
          ? traineeSeed(settings.session, settings.seed, trainee)
          : settings.seed,
        passMark: settings.passMark,
        attempts: settings.attempts,
        ...(settings.due !== undefined ? { due: settings.due } : {}),
      },
      gameUrl,
    ),
  );
}

export const ROSTER_HEADER = [
  'trainee',
  'assignment',
  'scenario',
  'seed',
  'pass_mark',
  'attempts_allowed',
  'due',
  'link',
  'market',
] as const;

/** The links as CSV: HR mails them out, and gives the file back to the verifier. */
export function linksCsv(links: readonly IssuedLink[]): string {
  return toCsv(
    ROSTER_HEADER,
    links.map((l) => [
      l.trainee,
      l.link.session,
      l.link.scenario,
      l.gameSeed,
      l.link.passMark,
      l.link.attempts,
      l.link.due ?? '',
      l.url,
      marketShort(l.gameSeed),
    ]),
  );
}

/** A random id or seed, from the browser's or Node's crypto. */
export function randomToken(length: number): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}
