import type { ShownBox } from '../../../src/scenes/text-pool.ts';

// The boxes the rope view drew (its labels and markers), as its tests read them.

export type Box = ShownBox;

export function intersect(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
