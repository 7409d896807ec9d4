import * as Phaser from 'phaser';
import { type SimState, sharePercent } from '../sim/index.ts';
import type { RopeViewSource, RopeViewState } from './contract.ts';
import { describeView, type Gust, gustsOf } from './describe.ts';
import { fillMarker, strokeChevron, strokeRope } from './draw.ts';
import { frameOf, type ViewFrame } from './frame.ts';
import { type Layout, layoutFrame, placeCaption, type RopeGeom } from './layout.ts';
import { cssColour, LABEL_GROUND, SCENE_COLOURS, SIDE_STYLES, type Side } from './palette.ts';
import { Playback } from './playback.ts';
import { canvasMeasure, TextPool } from './text-pool.ts';
import { createRope, settleRope, stepRope, type VerletRope } from './verlet.ts';

// The rope view: draws the frame the playback gives (the sim's ropes, blended between
// quarters), with every rope a Verlet chain between its puller and the customer. It only
// reads the source and reports finished animations; it holds no game truth.

const STEP_MS = 1000 / 60;
const DRAW_ORDER: Record<Side, number> = { habit: 0, outside: 1, competitor: 2, team: 3 };
const INK = cssColour(SCENE_COLOURS.ink);

/** Gust notes sit in the top band, under the alignment figure. */
function gustRowY(fontSize: number, row: number): number {
  return 8 + (row + 1) * Math.round(fontSize * 1.35);
}

interface Ghost {
  state: SimState;
  width: number;
  height: number;
  layout: Layout;
  ropes: Map<string, VerletRope>;
}

export class RopeScene extends Phaser.Scene {
  private readonly playback: Playback;
  private view: RopeViewState | null = null;
  private unsubscribe: (() => void) | null = null;
  private surface!: Phaser.GameObjects.RenderTexture;
  private back!: Phaser.GameObjects.Graphics;
  private ghostG!: Phaser.GameObjects.Graphics;
  private ropeG!: Phaser.GameObjects.Graphics;
  private front!: Phaser.GameObjects.Graphics;
  private texts!: TextPool;
  private readonly chains = new Map<string, VerletRope>();
  private ghost: Ghost | null = null;
  private gusts: Gust[] = [];
  private layout: Layout | null = null;
  private lastFrame: ViewFrame | null = null;
  private lastSize = '';
  private acc = 0;
  private dirty = true;
  private idleFrames = 0;
  private readonly measure = canvasMeasure();

  constructor(
    private readonly source: RopeViewSource,
    private readonly onReady: (scene: RopeScene) => void,
  ) {
    super({ key: 'ropes' });
    // the store may act on "done" at once; never re-enter it from inside its own notify
    this.playback = new Playback((id) => queueMicrotask(() => this.source.animationDone?.(id)));
  }

  /** true while a quarter plays out (for tests and the benchmark) */
  get playing(): boolean {
    return this.playback.playing;
  }

  create(): void {
    // everything is drawn off the display list into one surface, and only when the
    // picture changes (at most 60 times a second); each frame then costs one blit
    this.back = this.make.graphics({}, false);
    this.ghostG = this.make.graphics({}, false);
    this.ropeG = this.make.graphics({}, false);
    this.front = this.make.graphics({}, false);
    this.texts = new TextPool(this);
    this.surface = this.add
      .renderTexture(0, 0, this.scale.width, this.scale.height)
      .setOrigin(0, 0);
    this.unsubscribe = this.source.subscribe(() => this.pull());
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.cleanup());
    this.events.once(Phaser.Scenes.Events.DESTROY, () => this.cleanup());
    this.pull();
    this.onReady(this);
  }

  private cleanup(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.texts?.destroy();
    for (const g of [this.back, this.ghostG, this.ropeG, this.front]) g?.destroy();
    this.chains.clear();
    this.ghost = null;
    this.view = null;
  }

  /** Restarts the game loop if it went to sleep while the picture was still. */
  wake(): void {
    this.idleFrames = 0;
    this.game.loop.wake();
  }

  /**
   * A still picture needs no frames: after a short quiet spell the loop sleeps (no CPU,
   * no battery, the last frame stays on screen) until the source or the size changes.
   */
  private idle(): void {
    if (++this.idleFrames > 20) this.game.loop.sleep();
  }

  private pull(): void {
    this.wake();
    const prev = this.view;
    const view = this.source.get();
    this.view = view;
    this.playback.sync(view, this.game.loop.time);
    this.dirty = true;
    if (view && (view.state !== prev?.state || view.scenario !== prev?.scenario)) {
      this.gusts = gustsOf(view.scenario, view.state);
      this.game.canvas.setAttribute(
        'aria-label',
        `Rope view. ${describeView(view.scenario, view.state)}`,
      );
    }
  }

  override update(time: number, delta: number): void {
    if (this.paint(time, delta)) this.compose();
  }

  /** Renders the picture's parts into the surface the scene shows. */
  private compose(): void {
    const s = this.surface;
    const w = this.scale.width;
    const h = this.scale.height;
    if (s.width !== w || s.height !== h) s.resize(w, h);
    s.clear();
    s.draw([this.back, this.ghostG, this.ropeG, this.front, ...this.texts.shown()]);
    s.render();
  }

  /**
   * Brings the picture's parts up to date; returns whether anything changed.
   */
  private paint(time: number, delta: number): boolean {
    // the picture changes at most 60 times a second: on a faster (or uncapped) display the
    // frames in between keep what is drawn and cost nothing here
    this.acc += Math.min(delta, 100);
    const size = `${this.scale.width}x${this.scale.height}`;
    if (this.acc < STEP_MS && !this.dirty && size === this.lastSize) return false;
    const frame = this.playback.frameAt(time);
    const view = this.view;
    if (!frame || !view) {
      this.acc = 0;
      const drew = this.dirty;
      if (this.dirty) this.clearAll();
      this.dirty = false;
      this.idle();
      return drew;
    }
    const w = this.scale.width;
    const h = this.scale.height;
    let changed = this.dirty;
    if (frame !== this.lastFrame || size !== this.lastSize || !this.layout) {
      this.layout = layoutFrame(frame, w, h, view.scenario.customer.name, this.measure);
      this.lastFrame = frame;
      this.lastSize = size;
      changed = true;
    }
    const layout = this.layout;
    const moving = this.simulate(layout, view.reducedMotion, changed);
    const gusting = this.playback.playing && this.gusts.length > 0 && !view.reducedMotion;
    if (!(moving || changed || gusting || this.playback.playing)) {
      this.idle();
      return false;
    }
    this.idleFrames = 0;
    this.dirty = false;
    this.drawGhost(view);
    this.drawScene(layout, view, time);
    return true;
  }

  /** Steps every rope towards its place; returns whether any is still moving. */
  private simulate(layout: Layout, reduced: boolean, changed: boolean): boolean {
    const { node } = layout;
    const live = new Set<string>();
    let fastest = 0;
    const still = reduced && changed;
    for (const g of layout.ropes) {
      live.add(g.id);
      const t = { ax: g.ax, ay: g.ay, bx: node.x, by: node.y, slack: g.slack };
      let rope = this.chains.get(g.id);
      if (!rope) {
        rope = createRope(14, t);
        settleRope(rope, t);
        this.chains.set(g.id, rope);
      }
      if (still) settleRope(rope, t);
    }
    for (const id of this.chains.keys()) if (!live.has(id)) this.chains.delete(id);
    if (still) {
      this.acc = 0;
      return false;
    }
    let steps = 0;
    while (this.acc >= STEP_MS && steps < 4) {
      for (const g of layout.ropes) {
        const t = { ax: g.ax, ay: g.ay, bx: node.x, by: node.y, slack: g.slack };
        fastest = Math.max(fastest, stepRope(this.chains.get(g.id)!, t, STEP_MS / 1000));
      }
      this.acc -= STEP_MS;
      steps++;
    }
    if (steps === 4) this.acc = 0;
    return fastest > 0.03;
  }

  private clearAll(): void {
    for (const g of [this.back, this.ghostG, this.ropeG, this.front]) g.clear();
    this.texts.begin();
    this.texts.end();
  }

  private drawGhost(view: RopeViewState): void {
    const g = this.ghostG;
    g.clear();
    const ghostState = view.ghost ?? null;
    if (!ghostState) {
      this.ghost = null;
      return;
    }
    const w = this.scale.width;
    const h = this.scale.height;
    if (this.ghost?.state !== ghostState || this.ghost.width !== w || this.ghost.height !== h) {
      const layout = layoutFrame(frameOf(view.scenario, ghostState), w, h);
      const ropes = new Map<string, VerletRope>();
      for (const r of layout.ropes) {
        const t = { ax: r.ax, ay: r.ay, bx: layout.node.x, by: layout.node.y, slack: r.slack };
        const rope = createRope(14, t);
        settleRope(rope, t);
        ropes.set(r.id, rope);
      }
      this.ghost = { state: ghostState, width: w, height: h, layout, ropes };
    }
    const { layout, ropes } = this.ghost;
    for (const r of layout.ropes) {
      g.lineStyle(Math.max(1.5, r.thickness * 0.6), SIDE_STYLES[r.side].colour, 0.3);
      strokeRope(g, ropes.get(r.id)!, [6, 5]);
    }
    g.lineStyle(2.5, SCENE_COLOURS.ink, 0.5);
    g.strokeCircle(layout.node.x, layout.node.y, layout.node.r);
  }

  private ghostCaption(layout: Layout, fs: number): void {
    const ghost = this.ghost;
    if (!ghost) return;
    const { node } = ghost.layout;
    const share = sharePercent(ghost.state.position);
    const text = `what-if ${share}%`;
    // above the ghost node, unless the ropes' labels are there
    const at = placeCaption(layout, text, node.x, node.y - node.r - fs * 1.6, fs - 1, this.measure);
    this.texts.put('ghost', {
      text,
      x: at.x,
      y: at.y,
      align: 'center',
      fontSize: fs - 1,
      alpha: 0.8,
      background: LABEL_GROUND,
    });
  }

  private drawScene(layout: Layout, view: RopeViewState, time: number): void {
    const { back, ropeG, front } = this;
    const { node } = layout;
    back.clear();
    ropeG.clear();
    front.clear();

    back.lineStyle(2, SCENE_COLOURS.track, 0.5);
    back.lineBetween(layout.trackLeft, layout.trackY, layout.trackRight, layout.trackY);
    for (const x of [
      layout.trackLeft,
      (layout.trackLeft + layout.trackRight) / 2,
      layout.trackRight,
    ]) {
      back.lineBetween(x, layout.trackY - 7, x, layout.trackY + 7);
    }
    if (layout.power) {
      const p = layout.power;
      const alpha = 0.15 + 0.45 * p.alignment ** 4;
      back.lineStyle(p.width, SCENE_COLOURS.powerLine, alpha);
      back.lineBetween(node.x, node.y, p.x, p.y);
      // an arrow head: the direction the team's pulls add up to
      const a = Math.atan2(p.y - node.y, p.x - node.x);
      const s = p.width * 0.9 + 6;
      back.fillStyle(SCENE_COLOURS.powerLine, alpha);
      back.fillTriangle(
        p.x + Math.cos(a) * s,
        p.y + Math.sin(a) * s,
        p.x + Math.cos(a + 2.2) * s,
        p.y + Math.sin(a + 2.2) * s,
        p.x + Math.cos(a - 2.2) * s,
        p.y + Math.sin(a - 2.2) * s,
      );
    }

    const order = [...layout.ropes].sort((a, b) => DRAW_ORDER[a.side] - DRAW_ORDER[b.side]);
    for (const r of order) this.drawRope(r);
    for (const r of order) {
      const style = SIDE_STYLES[r.side];
      front.fillStyle(r.colour, r.presence);
      front.lineStyle(1.5, SCENE_COLOURS.ink, r.presence);
      fillMarker(front, style.marker, r.ax, r.ay, 4 + r.thickness * 0.5);
    }
    front.fillStyle(SCENE_COLOURS.node, 1);
    front.fillCircle(node.x, node.y, node.r);
    front.lineStyle(3, SCENE_COLOURS.background, 1);
    front.strokeCircle(node.x, node.y, node.r);

    this.drawGusts(layout, view, time);
    this.drawTexts(layout, view);
  }

  private drawRope(r: RopeGeom): void {
    const rope = this.chains.get(r.id);
    if (!rope || r.presence < 0.02) return;
    // dashes grow with the rope's thickness, but stay short enough to read on a short rope
    const scale =
      Math.max(1, r.thickness / 4) *
      Math.min(1, Math.max(0.5, (this.layout?.ropeLength ?? 250) / 250));
    const dash = SIDE_STYLES[r.side].dash.map((d) => d * scale);
    this.ropeG.lineStyle(r.thickness, r.colour, r.presence);
    strokeRope(this.ropeG, rope, dash);
  }

  private drawGusts(layout: Layout, view: RopeViewState, time: number): void {
    if (this.gusts.length === 0) return;
    const g = this.front;
    const moving = this.playback.playing && !view.reducedMotion;
    const fade = moving ? Math.sin(Math.PI * this.playback.progress(time)) : 0;
    this.gusts.forEach((gust, j) => {
      const dir = gust.direction === 'for' ? 1 : -1;
      const colour = gust.direction === 'for' ? SCENE_COLOURS.gustFor : SCENE_COLOURS.gustAgainst;
      const y0 = gustRowY(layout.fontSize, j) + layout.fontSize * 0.7;
      // at rest (and with reduced motion) the gust is three still chevrons by its label
      g.lineStyle(2, colour, 0.9);
      for (let i = 0; i < 3; i++) strokeChevron(g, 12 + i * 7, y0, 4, dir);
      if (!moving) return;
      const w = layout.width;
      const rows = [layout.height * 0.22, layout.height * 0.5, layout.height * 0.78];
      g.lineStyle(2, colour, 0.55 * fade);
      for (let i = 0; i < 9; i++) {
        const speed = 0.22 + (i % 3) * 0.05;
        const x = (((dir * time * speed + (i * w) / 9) % w) + w) % w;
        const y = rows[i % 3]! + ((i * 37) % 23) - 11 + j * 9;
        g.lineBetween(x - dir * 26, y, x, y);
        strokeChevron(g, x, y, 5, dir as 1 | -1);
      }
    });
  }

  private drawTexts(layout: Layout, view: RopeViewState): void {
    const t = this.texts;
    const fs = layout.fontSize;
    const { node } = layout;
    t.begin();
    for (const l of layout.labels) {
      const alpha = layout.ropes.find((r) => r.id === l.id)?.presence ?? 1;
      // on a light ground of their own, so a rope or marker crossing a label never hides it
      t.put(`rope:${l.id}`, {
        text: l.text,
        x: l.x,
        y: l.y,
        align: l.align,
        fontSize: fs,
        alpha,
        background: LABEL_GROUND,
      });
    }
    const share = sharePercent(this.lastFrame?.position ?? 0);
    t.put('share', {
      text: `${share}%`,
      x: node.x,
      y: node.y - fs * 0.7,
      align: 'center',
      fontSize: fs - 1,
      colour: '#ffffff',
      bold: true,
    });
    t.put('customer', {
      text: view.scenario.customer.name,
      x: node.x,
      y: node.y + node.r + 4,
      align: 'center',
      fontSize: fs,
      bold: true,
      background: LABEL_GROUND,
    });
    if (layout.power) {
      t.put('alignment', {
        text: `Team alignment ${Math.round(layout.power.alignment * 100)}%`,
        x: layout.width - 8,
        y: 8,
        align: 'right',
        fontSize: fs,
        bold: true,
      });
    }
    const rivals = view.scenario.competitors;
    const theirs = rivals.length === 1 ? `${rivals[0]!.name}'s side` : 'their side';
    const bottom = Math.min(layout.height - fs * 1.6, layout.trackY + layout.ropeLength + fs);
    t.put('left', { text: `◀ ${theirs}`, x: 8, y: bottom, align: 'left', fontSize: fs - 1 });
    t.put('right', {
      text: 'our side ▶',
      x: layout.width - 8,
      y: bottom,
      align: 'right',
      fontSize: fs - 1,
    });
    this.ghostCaption(layout, fs);
    this.gusts.forEach((gust, j) => {
      const y = gustRowY(fs, j);
      const how = gust.direction === 'for' ? 'for us' : 'against us';
      t.put(`gust:${gust.id}`, {
        text: `${gust.title} (${how})`,
        x: 36,
        y,
        align: 'left',
        fontSize: fs - 1,
        colour: INK,
      });
    });
    t.end();
  }
}
