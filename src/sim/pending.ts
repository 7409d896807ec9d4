import type { PreparedChoice } from './prepared.ts';
import type { PendingEffect } from './state.ts';
import type { EffectSet } from './types.ts';

// Effects a reply sets off for later quarters, kept in the state as pending entries until
// they fall due. A reply made in a given quarter always schedules the same entries, so they
// are built once per reply and quarter and shared by every game that makes that reply then:
// the census makes each reply in each quarter thousands of times, and building them anew
// was most of what its step allocated. Entries are never changed once made (a state's list
// is replaced, never edited), so sharing them is safe.

const NO_PENDING: readonly PendingEffect[] = Object.freeze([]);
// an entry that only moves members (no `effects` in the file) changes no figure of the
// market: the quarter's step reads every pending entry's effects, so it gets an empty set
const NO_EFFECTS: EffectSet = Object.freeze({});

/** The entries `choice`, made in `quarter`, schedules, in the order the scenario lists them. */
export function scheduledBy(choice: PreparedChoice, quarter: number): readonly PendingEffect[] {
  const later = choice.later;
  if (later === null) return NO_PENDING;
  const known = choice.scheduled[quarter];
  if (known !== undefined) return known;
  const made: readonly PendingEffect[] = later.map((l) => ({
    due: quarter + l.after,
    effects: l.effects ?? NO_EFFECTS,
    ...(l.members ? { members: l.members } : {}),
    cause: {
      source: 'later' as const,
      ref: choice.id,
      origin: quarter,
      ...(l.note ? { note: l.note } : {}),
    },
  }));
  choice.scheduled[quarter] = made;
  return made;
}

/** Whether an entry of `pending` falls due in `quarter`. */
export function hasDue(pending: readonly PendingEffect[], quarter: number): boolean {
  for (let i = 0; i < pending.length; i++) if (pending[i]!.due === quarter) return true;
  return false;
}

/** The entries of `pending` not due in `quarter`, in their order. */
export function notDue(pending: readonly PendingEffect[], quarter: number): PendingEffect[] {
  const waiting: PendingEffect[] = [];
  for (let i = 0; i < pending.length; i++) {
    const x = pending[i]!;
    if (x.due !== quarter) waiting.push(x);
  }
  return waiting;
}
