import type * as Phaser from 'phaser';
import type { Layout } from './layout.ts';
import { type Marker, SCENE_COLOURS, SIDE_STYLES } from './palette.ts';
import type { VerletRope } from './verlet.ts';

// Drawing helpers on a Phaser Graphics: the fixed field and its scale, a rope along its
// Verlet points (solid or with the side's dash pattern), the marker shape that tells the
// sides apart without colour, and the dashed shapes of the what-if's ghost.

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

/**
 * The fixed field: the customer's row, and the scale along the bottom from their side
 * (0% of the customer's business) to ours (100%) with a tick every ten points, a pointer
 * under the customer and a mark at the share it usually gives us.
 */
export function drawField(g: G, layout: Layout): void {
  const { field, node, homeX } = layout;
  const { left, right, rulerY } = field;
  g.lineStyle(2, SCENE_COLOURS.track, 0.3);
  g.lineBetween(left, field.trackY, right, field.trackY);
  g.lineStyle(2, SCENE_COLOURS.track, 0.9);
  g.lineBetween(left, rulerY, right, rulerY);
  for (let k = 0; k <= 10; k++) {
    const x = left + ((right - left) * k) / 10;
    const tall = k % 5 === 0 ? 8 : 4;
    g.lineBetween(x, rulerY - tall, x, rulerY + tall);
  }
  // the share the customer usually gives us, where habits pull it back to
  g.lineStyle(3, SIDE_STYLES.habit.colour, 1);
  g.lineBetween(homeX, rulerY - 6, homeX, rulerY + 6);
  // from the customer down to its share on the scale
  g.lineStyle(1.5, SCENE_COLOURS.track, 0.7);
  strokeDashedLine(g, node.x, node.y + node.r, node.x, rulerY - 9, 4, 4);
  g.fillStyle(SCENE_COLOURS.ink, 1);
  g.fillTriangle(node.x, rulerY - 1, node.x - 6, rulerY - 10, node.x + 6, rulerY - 10);
}

export function strokeDashedLine(
  g: G,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  dash: number,
  gap: number,
): void {
  const len = Math.hypot(x1 - x0, y1 - y0);
  if (len < 1) return;
  const ux = (x1 - x0) / len;
  const uy = (y1 - y0) / len;
  g.beginPath();
  for (let d = 0; d < len; d += dash + gap) {
    const e = Math.min(len, d + dash);
    g.moveTo(x0 + ux * d, y0 + uy * d);
    g.lineTo(x0 + ux * e, y0 + uy * e);
  }
  g.strokePath();
}

/** A ring of twelve dashes: the what-if's customer. */
export function strokeDashedCircle(g: G, x: number, y: number, r: number): void {
  const n = 12;
  for (let i = 0; i < n; i++) {
    const a = (i / n) * Math.PI * 2;
    g.beginPath();
    g.arc(x, y, r, a, a + (Math.PI * 2) / n / 1.6);
    g.strokePath();
  }
}
