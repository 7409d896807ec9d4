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
  try {
    const list = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(list) ? list.filter(isSaved) : [];
  } catch {
    return [];
  }
}

export function saveWorkshop(entry: SavedWorkshop): void {
  const rest = savedWorkshops().filter((w) => w.link.session !== entry.link.session);
  try {
    localStorage.setItem(KEY, JSON.stringify([entry, ...rest].slice(0, MAX)));
  } catch {
    // storage full or off: the link itself is what matters, and it is on screen
  }
}
