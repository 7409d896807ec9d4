import type { RopeViewHandle, RopeViewSource } from '../scenes/contract.ts';

// Phaser is big (~355 KB gzipped) and the first screen needs none of it: the rope view is
// fetched in a chunk of its own once the menu is up.
export async function loadRopeView(
  parent: HTMLElement,
  source: RopeViewSource,
): Promise<RopeViewHandle> {
  const { startRopeView } = await import('../scenes/index.ts');
  return startRopeView(parent, source);
}
