import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { dayNumber } from '../record/terms.ts';

// Links that start a game in a given market: a workshop link for a whole room, and an
// assignment link for one trainee. No server is involved: the settings (and a
// facilitator's own scenario, compressed) travel in the URL itself.

export interface WorkshopLink {
  kind: 'workshop';
  /** shown to everyone in the room, e.g. "Berlin sales academy, 3 March" */
  name: string;
  /** id of the workshop session: records made from this link carry it */
  session: string;
  seed: string;
  /** a bundled scenario's id … */
  scenario?: string;
  /** … or the facilitator's own scenario, as YAML text */
  yaml?: string;
}

export interface AssignmentLink {
  kind: 'assignment';
  /** id of the assignment: records made from this link carry it */
  session: string;
  scenario: string;
  seed: string;
  trainee: string;
  attempts: number;
  passMark: number;
  /** ISO date (YYYY-MM-DD) after which the attempt is late, if any */
  due?: string;
}

export type GameLink = WorkshopLink | AssignmentLink;

export type LinkResult = { ok: true; link: GameLink } | { ok: false; error: string };

const PARAM = { workshop: 'w', assignment: 'a' } as const;

export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function packJson(value: unknown): string {
  return toBase64Url(deflateSync(strToU8(JSON.stringify(value)), { level: 9 }));
}

export function unpackJson(text: string): unknown {
  return JSON.parse(strFromU8(inflateSync(fromBase64Url(text))));
}

/** The query string (without "?") that opens this link's game. */
export function linkQuery(link: GameLink): string {
  return `${PARAM[link.kind]}=${packJson(link)}`;
}

/** The game's address with this link in its fragment (src/links/address.ts says why). */
export function linkUrl(base: string, link: GameLink): string {
  const url = new URL(base);
  url.search = '';
  url.hash = linkQuery(link);
  return url.toString();
}

const isText = (v: unknown, max: number) =>
  typeof v === 'string' && v.length > 0 && v.length <= max;

function check(value: unknown, kind: GameLink['kind']): LinkResult {
  if (typeof value !== 'object' || value === null)
    return { ok: false, error: 'the link holds no settings' };
  const v = value as Record<string, unknown>;
  if (v.kind !== kind) return { ok: false, error: `expected a ${kind} link` };
  if (!isText(v.session, 80) || !isText(v.seed, 40))
    return { ok: false, error: 'the link has no session or seed' };
  if (kind === 'workshop') {
    if (!isText(v.name, 120)) return { ok: false, error: 'the workshop link has no name' };
    const hasId = isText(v.scenario, 48);
    const hasYaml = isText(v.yaml, 256 * 1024);
    if (hasId === hasYaml) return { ok: false, error: 'the workshop link must name one scenario' };
    return { ok: true, link: v as unknown as WorkshopLink };
  }
  if (!isText(v.scenario, 48) || !isText(v.trainee, 120)) {
    return { ok: false, error: 'the assignment link has no scenario or trainee id' };
  }
  if (
    typeof v.attempts !== 'number' ||
    !Number.isInteger(v.attempts) ||
    v.attempts < 1 ||
    v.attempts > 99
  ) {
    return { ok: false, error: 'the assignment link has no valid number of attempts' };
  }
  // the result carries both in its code (src/record/terms.ts), which holds only whole
  // marks and real dates
  if (
    typeof v.passMark !== 'number' ||
    !Number.isInteger(v.passMark) ||
    v.passMark < 0 ||
    v.passMark > 100
  ) {
    return { ok: false, error: 'the assignment link has no valid pass mark' };
  }
  if (v.due !== undefined && !(typeof v.due === 'string' && dayNumber(v.due) !== null)) {
    return { ok: false, error: 'the assignment link has an invalid due date' };
  }
  return { ok: true, link: v as unknown as AssignmentLink };
}

/** The link in an address's parameters (linkParams), if any; an error says what is wrong with it. */
export function readLink(search: string): LinkResult | null {
  const params = new URLSearchParams(search);
  for (const kind of ['workshop', 'assignment'] as const) {
    const packed = params.get(PARAM[kind]);
    if (packed === null) continue;
    let value: unknown;
    try {
      value = unpackJson(packed);
    } catch {
      return {
        ok: false,
        error: `this ${kind} link is damaged (it was probably cut short when copied)`,
      };
    }
    return check(value, kind);
  }
  return null;
}
