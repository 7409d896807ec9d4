import { z } from 'zod';
import { secretSchema } from '../../room/protocol.ts';

// A trainee's seat in a room, kept in this browser's storage: the player token the server
// gave when they joined, so a reload, a closed tab or a sleeping phone rejoins the same
// game rather than joining again under another name.

const KEY = 'tow.room.v1.';

const seatSchema = z.strictObject({ token: secretSchema, name: z.string(), playerId: z.string() });
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
