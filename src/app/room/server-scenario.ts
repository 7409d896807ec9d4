import type { ScenarioEntry } from '../../store/types.ts';
import { jitlessLoader } from '../url.ts';
import { RoomApiError } from './api.ts';

// The scenario the server replays (a room's or an assessed assignment's), as the server
// sent its text: loaded and checked here, so the page plays exactly what the server
// replays, or says it cannot.

export async function checkedServerScenario(
  text: string,
  hash: string,
  what: string,
): Promise<ScenarioEntry> {
  const { loadScenario } = await jitlessLoader();
  const loaded = loadScenario(text, `${what} scenario`);
  if (!loaded.ok || loaded.hash !== hash)
    throw new RoomApiError(
      `This page cannot read the ${what}'s scenario (another version of the game?).`,
      'internal',
    );
  return { scenario: loaded.scenario, hash, yaml: text };
}
