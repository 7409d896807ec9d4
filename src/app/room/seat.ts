import { z } from 'zod';
import { secretSchema } from '../../room/protocol.ts';

// A trainee's seat in a room, kept in this browser's storage: the player token the server
// gave when they joined, so a reload, a closed tab or a sleeping phone rejoins the same
// game rather than joining again under another name.

const KEY = 'tow.room.v1.';
/** a seat older than this is not offered on the title: the server deletes rooms after 72 h by default */
const OFFER_MS = 72 * 3600_000;

const seatSchema = z.strictObject({
  token: secretSchema,
  name: z.string(),
  playerId: z.string(),
  /** when it was kept (ms since the epoch); seats kept before it was written have none */
  keptAt: z.number().optional(),
});
export type Seat = z.infer<typeof seatSchema>;

export function readSeat(code: string): Seat | null {
  try {
    const raw = localStorage.getItem(KEY + code);
    if (raw === null) return null;
    const parsed = seatSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function keepSeat(code: string, seat: Seat): void {
  try {
    localStorage.setItem(KEY + code, JSON.stringify(seat));
  } catch {
    // storage refused (private browsing): the seat lasts as long as this page
  }
}

export function dropSeat(code: string): void {
  try {
    localStorage.removeItem(KEY + code);
  } catch {
    // nothing kept, nothing to drop
  }
}

/** The room this browser joined last, within the days a room lives: the title offers a way back. */
export function newestSeat(now: number): { code: string; name: string } | null {
  let best: { code: string; name: string; keptAt: number } | null = null;
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key?.startsWith(KEY)) continue;
      const code = key.slice(KEY.length);
      const seat = readSeat(code);
      if (!seat?.keptAt || now - seat.keptAt > OFFER_MS) continue;
      if (!best || seat.keptAt > best.keptAt) best = { code, name: seat.name, keptAt: seat.keptAt };
    }
  } catch {
    return null;
  }
  return best && { code: best.code, name: best.name };
}
