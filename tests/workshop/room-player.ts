import type { PlayerView } from '../../src/room/protocol.ts';

/** A trainee of a live room as the facilitator's view lists them, with these choices. */
export const player = (name: string, choices: string[]): PlayerView => ({
  id: name,
  name,
  connected: true,
  choices,
  situationId: null,
  score: null,
});
