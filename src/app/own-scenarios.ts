import type { SaveBook } from '../save/saves.ts';
import type { GameStore } from '../store/game-store.ts';
import { jitlessLoader } from './url.ts';

// Saved games of a workshop's own scenario carry its YAML. To offer them on the title
// screen without the link, the scenario is checked again here (the loader is loaded
// only when such a save exists).
export async function restoreOwnScenarios(store: GameStore, saves: SaveBook): Promise<void> {
  // by content hash: a workshop's edited copy of a bundled scenario keeps the bundled id
  const known = new Set(store.getState().scenarios.map((e) => e.hash));
  const texts = new Set<string>();
  for (const { parsed } of saves.list()) {
    if (parsed.ok && parsed.save.yaml !== undefined && !known.has(parsed.save.hash)) {
      texts.add(parsed.save.yaml);
    }
  }
  if (texts.size === 0) return;
  const { loadScenario } = await jitlessLoader();
  for (const yaml of texts) {
    const loaded = loadScenario(yaml, 'saved workshop scenario');
    if (loaded.ok)
      store.getState().addScenario({ scenario: loaded.scenario, hash: loaded.hash, yaml });
  }
  store.getState().refreshSaves();
}
