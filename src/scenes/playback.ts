import type { SimState } from '../sim/index.ts';
import type { RopeViewState } from './contract.ts';
import { blendFrames, frameOf, type ViewFrame } from './frame.ts';

// Decides what the view shows at each instant: the state at rest, or a quarter playing
// out from the previous state to the new one. Time comes in as an argument, so the
// rules (skip, reduced motion, one "done" per play) are unit-tested without a browser.

export const PLAY_MS = 3000;

interface Animation {
  playId: number;
  from: ViewFrame;
  to: ViewFrame;
  start: number;
}

export class Playback {
  private lastPlayId: number | null = null;
  private anim: Animation | null = null;
  private rest: ViewFrame | null = null;
  private cache: { state: SimState; frame: ViewFrame } | null = null;

  constructor(
    private readonly done: (playId: number) => void,
    private readonly duration = PLAY_MS,
  ) {}

  get playing(): boolean {
    return this.anim !== null;
  }

  /** 0..1 through the current animation, or 1 at rest. */
  progress(now: number): number {
    return this.anim ? Math.min(1, Math.max(0, (now - this.anim.start) / this.duration)) : 1;
  }

  sync(view: RopeViewState | null, now: number): void {
    if (!view) {
      this.finish();
      this.rest = null;
      return;
    }
    const target = this.frameFor(view);
    const instant = view.reducedMotion || view.skipped;
    if (this.lastPlayId === null || view.playId !== this.lastPlayId) {
      // a new quarter: finish any animation still running, then play this one from
      // wherever the picture is now, so nothing jumps
      const wasPlaying = this.anim !== null;
      const shown = this.frameAt(now);
      this.finish();
      this.lastPlayId = view.playId;
      if (view.previous && !instant) {
        const from = wasPlaying && shown ? shown : frameOf(view.scenario, view.previous);
        this.anim = { playId: view.playId, from, to: target, start: now };
      } else {
        this.rest = target;
        if (view.previous) this.done(view.playId);
      }
      return;
    }
    if (this.anim) {
      if (instant) {
        this.rest = target;
        this.finish();
      } else {
        this.anim.to = target;
      }
      return;
    }
    this.rest = target;
  }

  /** The frame to draw now; ends the animation (and reports it done) once its time is up. */
  frameAt(now: number): ViewFrame | null {
    if (!this.anim) return this.rest;
    const t = (now - this.anim.start) / this.duration;
    if (t >= 1) {
      this.rest = this.anim.to;
      this.finish();
      return this.rest;
    }
    return blendFrames(this.anim.from, this.anim.to, Math.max(0, t));
  }

  private finish(): void {
    const a = this.anim;
    if (!a) return;
    this.anim = null;
    this.rest = a.to;
    this.done(a.playId);
  }

  private frameFor(view: RopeViewState): ViewFrame {
    if (this.cache?.state !== view.state) {
      this.cache = { state: view.state, frame: frameOf(view.scenario, view.state) };
    }
    return this.cache.frame;
  }
}
