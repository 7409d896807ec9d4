import { paceAt } from '../room/pacing.ts';
import type { GameState } from '../store/types.ts';

// A timed room's clock while the trainee plays: when the room's next quarter opens, shown
// beside the room bar to everyone on the game's screen (the one who decided sees it on the
// waiting screen). Said aloud only at a few moments, never every second.

/** The line the bar shows at `deviceNow`, or null outside a timed room's play. */
export function timedLine(
  s: GameState,
  deviceNow: number,
): { text: string; msLeft: number; next: number } | null {
  const r = s.room?.room;
  if (!r || !s.sim || s.screen !== 'play' || s.sim.situationId === null) return null;
  if (r.pacing.mode !== 'timer' || r.startedAt === null) return null;
  const { open, nextInMs } = paceAt(r, deviceNow + (s.room?.skew ?? 0));
  if (nextInMs === null) return null;
  const deciding = s.sim.quarter + 1;
  const behind = deciding < open ? `The room is on quarter ${open} · ` : '';
  return {
    text: `${behind}Quarter ${open + 1} opens in ${clockText(nextInMs)}`,
    msLeft: nextInMs,
    next: open + 1,
  };
}

/** m:ss, rounded up: "0:01" until the moment itself */
export function clockText(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** the moments (seconds left) a screen reader hears how long is left */
const MOMENTS = [60, 30, 10];

/**
 * What to say aloud as the time left goes from `beforeMs` to `nowMs`: the moment it passed,
 * if any ("30 seconds left…"), else null. `beforeMs` null: just shown, said once.
 */
export function momentToSay(beforeMs: number | null, nowMs: number, next: number): string | null {
  const left = Math.ceil(nowMs / 1000);
  if (beforeMs === null) return `Quarter ${next} opens in ${spoken(left)}.`;
  const before = Math.ceil(beforeMs / 1000);
  const passed = MOMENTS.find((m) => before > m && left <= m);
  return passed === undefined ? null : `${spoken(passed)} left before quarter ${next} opens.`;
}

function spoken(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  const min = `${m} minute${m === 1 ? '' : 's'}`;
  return s === 0 ? min : `${min} ${s} second${s === 1 ? '' : 's'}`;
}
