import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, MAX_SCENARIO_CHARS } from '../../src/room/limits.ts';
import { openQuarter } from '../../src/room/pacing.ts';
import { codeSchema, createRoomRequestSchema, displayNameSchema } from '../../src/room/protocol.ts';
import { MAX_CHARS } from '../../src/scenario/safety.ts';
import { newJoinCode } from '../../src/server/rooms/secrets.ts';

describe('the room protocol', () => {
  it("caps an uploaded scenario at the scenario checker's own limit", () => {
    expect(MAX_SCENARIO_CHARS).toBe(MAX_CHARS);
  });

  it('makes join codes a person reads off a projector without mistaking a character', () => {
    for (const lookAlike of '0O1IL5S2Z8B') expect(CODE_ALPHABET).not.toContain(lookAlike);
    for (let i = 0; i < 200; i++) expect(codeSchema.safeParse(newJoinCode()).success).toBe(true);
  });

  it('tidies display names and refuses invisible or direction-changing characters', () => {
    expect(displayNameSchema.parse('  Ana   María ')).toBe('Ana María');
    for (const bad of ['', '   ', 'x'.repeat(41), 'Ali\u202Ece', 'Bo\u200B', 'Cy\u0007']) {
      expect(displayNameSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('fills the release flags in closed when a room is made without them', () => {
    const req = createRoomRequestSchema.parse({
      scenario: { kind: 'bundled', id: 'silos' },
      seed: '7',
      pacing: { mode: 'self' },
    });
    expect(req.release).toEqual({ debrief: false, bestPath: false, whatIf: false });
  });

  it('opens quarters by the pacing: all, by hand, or by the clock from the start', () => {
    const base = { quarters: 8, opened: 3, startedAt: null };
    expect(openQuarter({ ...base, pacing: { mode: 'self' } }, 0)).toBe(8);
    expect(openQuarter({ ...base, pacing: { mode: 'gated' } }, 0)).toBe(3);
    expect(openQuarter({ ...base, opened: 12, pacing: { mode: 'gated' } }, 0)).toBe(8);
    const timer = { ...base, pacing: { mode: 'timer' as const, seconds: 60 } };
    expect(openQuarter(timer, 1e12)).toBe(0);
    const started = { ...timer, startedAt: 1_000_000 };
    expect(openQuarter(started, 1_000_000)).toBe(1);
    expect(openQuarter(started, 1_000_000 + 59_999)).toBe(1);
    expect(openQuarter(started, 1_000_000 + 60_000)).toBe(2);
    expect(openQuarter(started, 1_000_000 + 3_600_000)).toBe(8);
  });
});
