import type * as Phaser from 'phaser';
import type { Marker } from './palette.ts';
import type { VerletRope } from './verlet.ts';

// Drawing helpers on a Phaser Graphics: a rope along its Verlet points (solid or with
// the side's dash pattern) and the marker shape that tells the sides apart without colour.

type G = Phaser.GameObjects.Graphics;

export function strokeRope(g: G, rope: VerletRope, dash: readonly number[]): void {
  const { count, x, y } = rope;
  g.beginPath();
  if (dash.length === 0) {
    g.moveTo(x[0]!, y[0]!);
    for (let i = 1; i < count; i++) g.lineTo(x[i]!, y[i]!);
    g.strokePath();
    return;
  }
  let k = 0; // which entry of the dash pattern we are in; even entries draw
  let left = dash[0]!;
  let penX = x[0]!;
  let penY = y[0]!;
  g.moveTo(penX, penY);
  for (let i = 1; i < count; i++) {
    const tx = x[i]!;
    const ty = y[i]!;
    let seg = Math.hypot(tx - penX, ty - penY);
    while (seg > 1e-6) {
      const take = Math.min(seg, left);
      const f = take / seg;
      penX += (tx - penX) * f;
      penY += (ty - penY) * f;
      if (k % 2 === 0) g.lineTo(penX, penY);
      else g.moveTo(penX, penY);
      seg -= take;
      left -= take;
      if (left <= 1e-6) {
        k = (k + 1) % dash.length;
        left = dash[k]!;
      }
    }
  }
  g.strokePath();
}

export function fillMarker(g: G, marker: Marker, x: number, y: number, size: number): void {
  switch (marker) {
    case 'circle':
      g.fillCircle(x, y, size);
      g.strokeCircle(x, y, size);
      return;
    case 'square':
      g.fillRect(x - size, y - size, size * 2, size * 2);
      g.strokeRect(x - size, y - size, size * 2, size * 2);
      return;
    case 'peg':
      g.fillTriangle(x, y - size * 1.2, x - size, y + size, x + size, y + size);
      g.strokeTriangle(x, y - size * 1.2, x - size, y + size, x + size, y + size);
      return;
    case 'diamond': {
      const s = size * 1.25;
      g.beginPath();
      g.moveTo(x, y - s);
      g.lineTo(x + s, y);
      g.lineTo(x, y + s);
      g.lineTo(x - s, y);
      g.closePath();
      g.fillPath();
      g.strokePath();
      return;
    }
  }
}

/** An arrow head pointing right (dir 1) or left (dir −1): the gusts' shape. */
export function strokeChevron(g: G, x: number, y: number, size: number, dir: 1 | -1): void {
  g.beginPath();
  g.moveTo(x - dir * size, y - size);
  g.lineTo(x, y);
  g.lineTo(x - dir * size, y + size);
  g.strokePath();
}
