import type { WorkshopLink } from '../links/links.ts';

// Workshops made in this browser, so the dashboard can offer "the workshop you set up
// this morning" without the facilitator pasting its link again.

const KEY = 'tow.workshop.sessions.v1';
const MAX = 20;

export interface SavedWorkshop {
  link: WorkshopLink;
  url: string;
  created: string;
}

function isSaved(v: unknown): v is SavedWorkshop {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  const l = s.link as Record<string, unknown> | undefined;
  return (
    typeof s.url === 'string' &&
    typeof s.created === 'string' &&
    !!l &&
    l.kind === 'workshop' &&
    typeof l.session === 'string'
  );
}

export function savedWorkshops(): SavedWorkshop[] {
  return readList(KEY, isSaved);
}

export function saveWorkshop(entry: SavedWorkshop): void {
  // storage full or off: the link itself is what matters, and it is on screen
  keepFirst(KEY, entry, savedWorkshops(), (w) => w.link.session);
}

/** A list kept under `key`, only its entries that pass `valid`: [] when unreadable. */
function readList<T>(key: string, valid: (v: unknown) => v is T): T[] {
  try {
    const list = JSON.parse(localStorage.getItem(key) ?? '[]') as unknown;
    return Array.isArray(list) ? list.filter(valid) : [];
  } catch {
    return [];
  }
}

/** `entry` written first in `list` under `key`, replacing one of its session; the newest MAX. */
function keepFirst<T>(key: string, entry: T, list: readonly T[], session: (x: T) => string): void {
  const rest = list.filter((x) => session(x) !== session(entry));
  try {
    localStorage.setItem(key, JSON.stringify([entry, ...rest].slice(0, MAX)));
  } catch {
    // storage full or off: nothing is kept past this page
  }
}

// Workshops opened on the dashboard from a pasted link (made in another browser): kept as
// the ones made here are, so a reload finds them with their results. And which workshop the
// dashboard had open, so a reload reopens that one rather than the newest made here.

const OPENED = 'tow.workshop.opened.v1';
const OPEN_NOW = 'tow.workshop.dashboard.open.v1';

function isLink(v: unknown): v is WorkshopLink {
  if (typeof v !== 'object' || v === null) return false;
  const l = v as Record<string, unknown>;
  return (
    l.kind === 'workshop' &&
    typeof l.session === 'string' &&
    typeof l.name === 'string' &&
    typeof l.seed === 'string'
  );
}

/** Workshops opened from a pasted link in this browser, the latest first. */
export function openedWorkshops(): WorkshopLink[] {
  return readList(OPENED, isLink);
}

/** Keeps a workshop opened from its link (once per session: the latest link wins). */
export function keepOpenedWorkshop(link: WorkshopLink): void {
  // storage full or off: the workshop stays open until the page is closed
  keepFirst(OPENED, link, openedWorkshops(), (l) => l.session);
}

/** The workshop the dashboard had open in this browser, by its session, or null. */
export function openOnDashboard(): string | null {
  try {
    return localStorage.getItem(OPEN_NOW);
  } catch {
    return null;
  }
}

export function setOpenOnDashboard(session: string): void {
  try {
    localStorage.setItem(OPEN_NOW, session);
  } catch {
    // storage off: a reload opens the newest workshop made here, as before
  }
}

/** A workshop this browser knows, made here or opened from its link, by its session. */
export function knownWorkshop(session: string): WorkshopLink | null {
  return (
    savedWorkshops().find((w) => w.link.session === session)?.link ??
    openedWorkshops().find((l) => l.session === session) ??
    null
  );
}
