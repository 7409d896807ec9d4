import { codeSchema, secretSchema } from '../../room/protocol.ts';

// The facilitator's keys to their rooms, kept in this browser so a reload (or coming back
// tomorrow) finds the room again. The server keeps only a hash of each: lose the key and
// the room cannot be run, which is why the page asks the facilitator to keep its link too.

const KEY = 'tow.room.admin.v1';

export interface RoomKey {
  code: string;
  /** the admin secret; '' for a room opened from the server's list, run on the sign-in (never kept) */
  secret: string;
  title: string;
  created: number;
}

export function keptRooms(): RoomKey[] {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    if (!Array.isArray(list)) return [];
    return list.filter(
      (k): k is RoomKey =>
        codeSchema.safeParse(k?.code).success &&
        secretSchema.safeParse(k?.secret).success &&
        typeof k?.title === 'string' &&
        typeof k?.created === 'number',
    );
  } catch {
    return [];
  }
}

function write(list: RoomKey[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(list));
  } catch {
    // storage refused: the admin link shown on the page is then the only key
  }
}

export function keepRoom(key: RoomKey): void {
  write([key, ...keptRooms().filter((k) => k.code !== key.code)]);
}

export function forgetRoom(code: string): void {
  write(keptRooms().filter((k) => k.code !== code));
}

/** The capability link: the page with the room and its key after "#", which no server sees. */
export function adminLink(key: Pick<RoomKey, 'code' | 'secret'>): string {
  const url = new URL(window.location.href);
  url.hash = `live=${key.code}.${key.secret}`;
  return url.toString();
}

/** A key from this page's address (an admin link opened), or null. */
export function keyFromAddress(hash: string): { code: string; secret: string } | null {
  const m = /^#live=([A-Z0-9]+)\.([A-Za-z0-9_-]+)$/.exec(hash);
  if (!m) return null;
  const code = codeSchema.safeParse(m[1]);
  const secret = secretSchema.safeParse(m[2]);
  return code.success && secret.success ? { code: code.data, secret: secret.data } : null;
}

/** The link trainees join with: the game page with the room's code. */
export function joinLink(code: string): string {
  return new URL(`./index.html?room=${code}`, document.baseURI).toString();
}
