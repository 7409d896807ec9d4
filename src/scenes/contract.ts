import type { ScenarioDef, SimState } from '../sim/index.ts';

// What the rope view (Phaser, loaded after the first HTML screen) needs from the app, and
// what it gives back. The app's store adapts itself to this; the view holds no game truth.

export interface RopeViewState {
  scenario: ScenarioDef;
  /** the state to show once the current animation ends */
  state: SimState;
  /** the state the animation starts from; null shows `state` at rest */
  previous: SimState | null;
  /** goes up by one each time a quarter is played, which starts its animation */
  playId: number;
  /** no animation: ropes jump to their new places */
  reducedMotion: boolean;
  /** the player asked to skip the current animation */
  skipped: boolean;
  /** a second line to draw faintly beside the first (the what-if comparison), if any */
  ghost?: SimState | null;
}

export interface RopeViewSource {
  get(): RopeViewState | null;
  subscribe(listener: () => void): () => void;
  /** called by the view when a quarter's animation has finished or was skipped */
  animationDone?(playId: number): void;
}

export interface RopeViewHandle {
  destroy(): void;
  /** the Phaser game, for tests and benchmarks (window.__TEST__) */
  readonly game: unknown;
}

export type StartRopeView = (
  parent: HTMLElement,
  source: RopeViewSource,
) => Promise<RopeViewHandle>;
