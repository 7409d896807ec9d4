import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clientMessageSchema } from '../../src/room/protocol.ts';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { openDatabase } from '../../src/server/db/open.ts';
import { playChoices, situationById } from '../../src/sim/index.ts';
import { serveDuringSuite } from './harness.ts';
import { createRoom, join, type Live } from './helpers.ts';

// The message schemas fuzzed against a running server: whatever a client sends (random
// JSON, near-misses of real messages, text that is not JSON), the server answers it with
// one protocol message, refuses everything the schema refuses, stores only decisions its
// replay accepts, and keeps serving.

const silos = loadBundledScenarios().find((b) => b.scenario.id === 'silos')!.scenario;
const ids = silos.situations.flatMap((s) => [s.id, ...s.choices.map((c) => c.id)]);

const nearMiss = fc.record(
  {
    type: fc.constantFrom('decide', 'hello', 'ping', 'Decide', ''),
    quarter: fc.oneof(
      fc.integer({ min: -2, max: 12 }),
      fc.double(),
      fc.string(),
      fc.constant(null),
    ),
    situationId: fc.oneof(fc.constantFrom(...ids), fc.string({ maxLength: 90 })),
    choiceId: fc.oneof(fc.constantFrom(...ids), fc.string({ maxLength: 90 })),
    role: fc.constantFrom('player', 'facilitator', 'admin'),
    token: fc.string(),
    extra: fc.jsonValue({ maxDepth: 2 }),
  },
  { requiredKeys: [] },
);
const message = fc.oneof(
  // the player's real next decision (reply number n), so games move on and the checks of
  // order, duplicates and the end of the game are reached too
  fc.nat().map((n) => ({ next: n })),
  nearMiss.map((m) => JSON.stringify(m)),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
);

describe('fuzzing the message schemas against a running server', () => {
  const server = serveDuringSuite(() => openDatabase({}), { wsRate: 100_000 });

  it('answers every message with one protocol message and stores only what the replay accepts', async () => {
    const room = await createRoom(server.base, { seed: '5' });
    const me = await join(server.base, room.code, 'Fuzz');
    const sock: Live = await server.live(room.code);
    await sock.ask({ type: 'hello', role: 'player', token: me.token }, 'welcome');
    const accepted: string[] = [];
    await fc.assert(
      fc.asyncProperty(message, async (m) => {
        const text = typeof m === 'string' ? m : nextDecision(accepted, m.next);
        sock.send(text);
        const answer = await sock.any();
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          expect(answer).toMatchObject({ type: 'error', error: 'malformed' });
          return;
        }
        const valid = clientMessageSchema.safeParse(parsed);
        if (!valid.success) {
          expect(answer).toMatchObject({ type: 'error', error: 'malformed' });
          return;
        }
        if (answer.type === 'accepted') {
          accepted.push((valid.data as { choiceId: string }).choiceId);
          expect(answer.game.choices).toEqual(accepted);
        } else if (valid.data.type === 'ping') expect(answer).toEqual({ type: 'pong' });
        else expect(answer.type).toBe('error');
      }),
      { numRuns: 300 },
    );
    expect(sock.closed).toBeNull();
    expect(accepted).toHaveLength(room.quarters);
    const stored = await server.db.query<{ choice_id: string }>(
      'SELECT choice_id FROM decisions d JOIN players p ON p.id = d.player_id WHERE p.name = $1 ORDER BY quarter',
      ['Fuzz'],
    );
    expect(stored.map((r) => r.choice_id)).toEqual(accepted);
    expect(() => playChoices(silos, '5', accepted)).not.toThrow();
    // and a newcomer is served as usual
    const other = await server.live(room.code);
    expect(await other.ask({ type: 'ping' }, 'pong')).toEqual({ type: 'pong' });
    other.close();
    sock.close();
  });
});

/** The decision that is valid now (quarter, situation waiting, reply n of it), or once the
 * game is over, one for a quarter after the last. */
function nextDecision(accepted: readonly string[], n: number): string {
  const state = playChoices(silos, '5', accepted);
  if (state.situationId === null) {
    return JSON.stringify({
      type: 'decide',
      quarter: accepted.length + 1,
      situationId: 'x',
      choiceId: 'y',
    });
  }
  const situation = situationById(silos, state.situationId);
  const choice = situation.choices[n % situation.choices.length]!;
  return JSON.stringify({
    type: 'decide',
    quarter: accepted.length + 1,
    situationId: situation.id,
    choiceId: choice.id,
  });
}
