import type { RopeViewHandle, RopeViewSource, StartRopeView } from '../scenes/contract.ts';

// Phaser is big (~355 KB gzipped) and the first screen needs none of it: the rope view is
// fetched in a chunk of its own once the menu is up. import.meta.glob keeps the build
// working on a tree where the view has not landed yet (the map is then empty).
const views = import.meta.glob<{ startRopeView: StartRopeView }>('../scenes/index.ts');

export async function loadRopeView(
  parent: HTMLElement,
  source: RopeViewSource,
): Promise<RopeViewHandle | null> {
  const load = views['../scenes/index.ts'];
  if (!load) return null;
  const { startRopeView } = await load();
  return startRopeView(parent, source);
}
