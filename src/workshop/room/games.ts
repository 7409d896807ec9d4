import { makeRecord, replay } from '../../record/record.ts';
import type { PlayerView } from '../../room/protocol.ts';
import type { ScenarioDef } from '../../sim/index.ts';
import { playChoices } from '../../sim/index.ts';
import type { Accepted } from '../dashboard/intake.ts';

// A live room's games in the shape the class dashboard's charts take (the same leaderboard,
// splits and style scatter), replayed here from the choices the server accepted.

export function roomGames(
  scenario: ScenarioDef,
  hash: string,
  seed: string,
  players: readonly PlayerView[],
): Accepted[] {
  return players.map((p) => {
    const record = makeRecord(scenario, hash, playChoices(scenario, seed, p.choices), {
      player: p.name.slice(0, 60),
    });
    return { source: 'room', player: p.name, record, replay: replay(scenario, record) };
  });
}
