import type * as Phaser from 'phaser';
import type { Align } from './labels.ts';

// Phaser Text objects re-render a canvas texture whenever their text changes, so the
// view keeps one per label and only touches what changed.

export interface TextSpec {
  text: string;
  x: number;
  y: number;
  align: Align;
  fontSize: number;
  colour?: string;
  bold?: boolean;
  alpha?: number;
  background?: string;
}

/** A label as drawn: its box in canvas px (CSS px: the canvas is not scaled). */
export interface ShownBox {
  id: string;
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  fontSize: number;
}

const ORIGIN_X: Record<Align, number> = { left: 0, center: 0.5, right: 1 };

export const LABEL_FONT = 'system-ui, sans-serif';

/** Measures label widths with the font the labels use (plus their padding), cached. */
export function canvasMeasure(): (text: string, fontSize: number, bold?: boolean) => number {
  const ctx = document.createElement('canvas').getContext('2d');
  const cache = new Map<string, number>();
  return (text, fontSize, bold = false) => {
    const key = `${bold ? 'b' : ''}${fontSize}|${text}`;
    let w = cache.get(key);
    if (w === undefined) {
      if (ctx) {
        ctx.font = `${bold ? 'bold ' : ''}${fontSize}px ${LABEL_FONT}`;
        w = ctx.measureText(text).width + 4;
      } else {
        w = text.length * fontSize * (bold ? 0.68 : 0.62) + 4;
      }
      cache.set(key, w);
    }
    return w;
  };
}

/** The font size in px of the font a Text's canvas actually drew with. */
function drawnSize(t: Phaser.GameObjects.Text): number {
  const m = /(\d+(?:\.\d+)?)px/.exec(t.context.font);
  return m ? Number(m[1]) : 0;
}

export class TextPool {
  private readonly items = new Map<string, Phaser.GameObjects.Text>();
  private seen = new Set<string>();

  constructor(private readonly scene: Phaser.Scene) {}

  begin(): void {
    this.seen = new Set();
  }

  put(key: string, spec: TextSpec): void {
    this.seen.add(key);
    let t = this.items.get(key);
    const colour = spec.colour ?? '#1d2430';
    if (!t) {
      // made off the display list: the scene draws labels into its surface itself
      t = this.scene.make.text(
        {
          x: 0,
          y: 0,
          text: spec.text,
          // family, size and weight each on their own: Phaser reads a `font` shorthand by
          // splitting on spaces, which a family list ("system-ui, sans-serif") breaks, and
          // the canvas then falls back to 10 px
          style: {
            fontFamily: LABEL_FONT,
            fontSize: `${spec.fontSize}px`,
            fontStyle: spec.bold ? 'bold' : 'normal',
            color: colour,
            ...(spec.background ? { backgroundColor: spec.background } : {}),
            padding: { x: 2, y: 1 },
          },
        },
        false,
      );
      this.items.set(key, t);
    }
    if (t.text !== spec.text) t.setText(spec.text);
    if (t.style.fontSize !== `${spec.fontSize}px`) t.setFontSize(spec.fontSize);
    if (t.style.color !== colour) t.setColor(colour);
    // a name on two lines has each line aligned as the label is
    if (t.style.align !== spec.align) t.setAlign(spec.align);
    t.setOrigin(ORIGIN_X[spec.align], 0);
    t.setPosition(Math.round(spec.x), Math.round(spec.y));
    t.setAlpha(spec.alpha ?? 1);
    t.setVisible(true);
  }

  /** Hides every label not put since begin(). */
  end(): void {
    for (const [key, t] of this.items) if (!this.seen.has(key)) t.setVisible(false);
  }

  /** The labels in use, in the order they were put. */
  shown(): Phaser.GameObjects.Text[] {
    return [...this.seen].map((k) => this.items.get(k)!).filter((t) => t.visible);
  }

  /** Where each shown label is drawn, as Phaser measured it: what the tests check for overlaps. */
  boxes(): ShownBox[] {
    return [...this.seen].flatMap((key) => {
      const t = this.items.get(key);
      if (!t?.visible) return [];
      return [
        {
          id: key,
          text: t.text,
          x: t.x - t.originX * t.width,
          y: t.y - t.originY * t.height,
          width: t.width,
          height: t.height,
          // the size the canvas drew with, not the one asked for: a font it cannot read
          // falls back to 10 px
          fontSize: drawnSize(t),
        },
      ];
    });
  }

  destroy(): void {
    for (const t of this.items.values()) t.destroy();
    this.items.clear();
  }
}
