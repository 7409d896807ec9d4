import * as Phaser from 'phaser';
import { type SimState, sharePercent } from '../sim/index.ts';
import { arrowHead } from './arrow-head.ts';
import type { RopeViewSource, RopeViewState } from './contract.ts';
import { PLATE_PAD } from './customer-name.ts';
import { describeView, type Gust, gustNote, gustsOf, sideNames } from './describe.ts';
import {
  drawField,
  fillMarker,
  strokeChevron,
  strokeDashedCircle,
  strokeDashedLine,
  strokeRope,
} from './draw.ts';
import { frameOf, type ViewFrame } from './frame.ts';
import { ghostCaptionText, ghostRing } from './ghost-ring.ts';
import {
  type Label,
  type Layout,
  type LayoutWords,
  layoutFrame,
  leftEdge,
  placeCaption,
  type RopeGeom,
} from './layout.ts';
import { cssColour, LABEL_GROUND, SCENE_COLOURS, SIDE_STYLES, type Side } from './palette.ts';
import { Playback } from './playback.ts';
import { canvasMeasure, type ShownBox, TextPool } from './text-pool.ts';
import { createRope, settleRope, stepRope, type VerletRope } from './verlet.ts';

// The rope view: draws the frame the playback gives (the sim's ropes, blended between
// quarters), with every rope a Verlet chain between its puller and the customer. It only
// reads the source and reports finished animations; it holds no game truth.

const STEP_MS = 1000 / 60;
const DRAW_ORDER: Record<Side, number> = { habit: 0, outside: 1, competitor: 2, team: 3 };
const INK = cssColour(SCENE_COLOURS.ink);

const WHITE = '#ffffff';

/** How opaque a name's plate is: the ropes under it show faintly, so the picture stays whole. */
const PLATE_ALPHA = 0.88;

/** The colour of each caption the layout places; ink where none is named. */
const CAPTION_COLOUR: Record<string, string> = { share: WHITE };

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
  private words: LayoutWords | null = null;
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

  /** The ids of the ropes drawn now: the tests check that nearly all keep their names. */
  ropeIds(): string[] {
    return (this.layout?.ropes ?? []).filter((r) => r.presence >= 0.05).map((r) => r.id);
  }

  /** Every label as drawn, in canvas px: the tests check that none covers another. */
  labelBoxes(): ShownBox[] {
    return this.texts?.boxes() ?? [];
  }

  /**
   * Where the ropes' markers and the customer's node are drawn (ids 'marker:<rope>' and
   * 'node'), in canvas px: the tests check they stay on the canvas and clear of the labels.
   */
  markerBoxes(): ShownBox[] {
    return (this.layout?.markers ?? []).map((m) => ({
      id: m.id,
      text: '',
      x: leftEdge(m),
      y: m.y,
      width: m.width,
      height: m.height,
      fontSize: 0,
    }));
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
      this.words = {
        customer: view.scenario.customer.name,
        ...sideNames(view.scenario),
        gusts: this.gusts.map(gustNote),
      };
      this.layout = null;
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
      this.layout = layoutFrame(frame, w, h, this.words ?? undefined, this.measure);
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
      // the field is fixed, so the ghost's node stands where its share would put it
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
      g.lineStyle(Math.max(2, r.thickness * 0.7), SIDE_STYLES[r.side].colour, 0.55);
      strokeRope(g, ropes.get(r.id)!, [7, 5]);
    }
  }

  /** The what-if's customer, in front of the ropes: a dashed ring, and a line from the real one. */
  private drawGhostNode(layout: Layout): void {
    const ghost = this.ghost;
    if (!ghost) return;
    const g = this.front;
    const real = layout.node;
    const ring = ghostRing(real, ghost.layout.node);
    g.lineStyle(2, SCENE_COLOURS.ghost, 0.9);
    strokeDashedLine(g, real.x, real.y, ring.x, ring.y, 5, 4);
    // a ring round the real node is left unfilled: the node shows through it
    if (!ring.around) {
      g.fillStyle(SCENE_COLOURS.background, 0.6);
      g.fillCircle(ring.x, ring.y, ring.r);
    }
    g.lineStyle(3, SCENE_COLOURS.ghost, 1);
    strokeDashedCircle(g, ring.x, ring.y, ring.r);
    // its share on the scale too, an open pointer beside the real one's filled pointer
    const at = ghost.layout.node.x;
    const y = layout.field.rulerY;
    g.lineStyle(2, SCENE_COLOURS.ghost, 1);
    g.strokeTriangle(at, y + 1, at - 5, y + 8, at + 5, y + 8);
  }

  private ghostCaption(layout: Layout): void {
    const ghost = this.ghost;
    if (!ghost) return;
    const ring = ghostRing(layout.node, ghost.layout.node);
    const fs = layout.fontSize - 1;
    const real = this.lastFrame?.position ?? ghost.state.position;
    const text = ghostCaptionText(
      sharePercent(real),
      sharePercent(ghost.state.position),
      ring.around,
    );
    // above the ghost's ring, unless other labels are there
    const at = placeCaption(layout, text, ring.x, ring.y - ring.r - fs * 1.8, fs, this.measure);
    if (!at) return;
    this.putLabel('ghost', at, { colour: cssColour(SCENE_COLOURS.ghost) });
  }

  private drawScene(layout: Layout, view: RopeViewState, time: number): void {
    const { back, ropeG, front } = this;
    const { node } = layout;
    back.clear();
    ropeG.clear();
    front.clear();

    drawField(back, layout);
    if (layout.power) {
      const p = layout.power;
      const alpha = 0.15 + 0.45 * p.alignment ** 4;
      back.lineStyle(p.width, SCENE_COLOURS.powerLine, alpha);
      back.lineBetween(node.x, node.y, p.x, p.y);
      // an arrow head: the direction the team's pulls add up to (names keep clear of it)
      const [tip, left, right] = arrowHead(node, p, p.width);
      back.fillStyle(SCENE_COLOURS.powerLine, alpha);
      back.fillTriangle(tip.x, tip.y, left.x, left.y, right.x, right.y);
    }

    const order = [...layout.ropes].sort((a, b) => DRAW_ORDER[a.side] - DRAW_ORDER[b.side]);
    for (const r of order) this.drawRope(r);
    // a name with no place off the ropes lies on a plate over them, under the markers
    this.drawPlates(layout);
    for (const r of order) {
      const style = SIDE_STYLES[r.side];
      front.fillStyle(r.colour, r.presence);
      front.lineStyle(1.5, SCENE_COLOURS.ink, r.presence);
      fillMarker(front, style.marker, r.ax, r.ay, 4 + r.thickness * 0.5);
    }
    // the what-if's customer under the real one, which stays whole where the two meet
    this.drawGhostNode(layout);
    front.fillStyle(SCENE_COLOURS.node, 1);
    front.fillCircle(node.x, node.y, node.r);
    front.lineStyle(3, SCENE_COLOURS.background, 1);
    front.strokeCircle(node.x, node.y, node.r);

    this.drawGusts(layout, view, time);
    this.drawTexts(layout);
  }

  private drawPlates(layout: Layout): void {
    const g = this.ropeG;
    for (const l of [...layout.labels, ...layout.captions]) {
      if (!l.plate) continue;
      const alpha = layout.ropes.find((r) => r.id === l.id)?.presence ?? 1;
      g.fillStyle(SCENE_COLOURS.background, PLATE_ALPHA * Math.max(0.35, alpha));
      g.fillRoundedRect(
        leftEdge(l) - PLATE_PAD,
        l.y - PLATE_PAD,
        l.width + 2 * PLATE_PAD,
        l.height + 2 * PLATE_PAD,
        PLATE_PAD + 3,
      );
    }
  }

  private drawRope(r: RopeGeom): void {
    const rope = this.chains.get(r.id);
    if (!rope || r.presence < 0.02) return;
    // distrust's friction: a pale sheath as thick as the pull would be if the customer
    // trusted us, around the rope as thick as the pull it feels
    // trusted us: a hollow tube, its walls drawn, that the rope inside does not fill
    if (r.sheath > r.thickness + 0.5) {
      this.ropeG.lineStyle(r.sheath + 3, SCENE_COLOURS.friction, r.presence);
      strokeRope(this.ropeG, rope, []);
      this.ropeG.lineStyle(r.sheath, SCENE_COLOURS.frictionFill, r.presence);
      strokeRope(this.ropeG, rope, []);
    }
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
      const note = layout.captions.find((c) => c.id === `gust:${j}`);
      // at rest (and with reduced motion) the gust is three still chevrons by its note
      if (note) {
        const y0 = note.y + note.height / 2;
        g.lineStyle(2, colour, 0.9);
        for (let i = 0; i < 3; i++) strokeChevron(g, 12 + i * 7, y0, 4, dir);
      }
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

  private putLabel(
    key: string,
    l: Label,
    extra: { alpha?: number; colour?: string; ground?: boolean } = {},
  ): void {
    this.texts.put(key, {
      text: l.text,
      x: l.x,
      y: l.y,
      align: l.align,
      fontSize: l.fontSize,
      bold: l.bold ?? false,
      alpha: extra.alpha ?? 1,
      colour: extra.colour ?? INK,
      // on a light ground of their own, so a rope or marker crossing a label never hides it
      ...(extra.ground === false ? {} : { background: LABEL_GROUND }),
    });
  }

  private drawTexts(layout: Layout): void {
    this.texts.begin();
    for (const l of layout.labels) {
      const alpha = layout.ropes.find((r) => r.id === l.id)?.presence ?? 1;
      this.putLabel(`rope:${l.id}`, l, { alpha: Math.max(0.35, alpha) });
    }
    for (const c of layout.captions) {
      const colour = CAPTION_COLOUR[c.id];
      // the share sits on the dark node: white, on no ground of its own
      this.putLabel(c.id, c, colour ? { colour, ground: false } : {});
    }
    this.ghostCaption(layout);
    this.texts.end();
  }
}
