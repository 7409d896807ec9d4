import scenarios from 'virtual:scenarios';
import * as Phaser from 'phaser';
import type {
  RopeViewHandle,
  RopeViewSource,
  RopeViewState,
} from '../../../src/scenes/contract.ts';
import { startRopeView } from '../../../src/scenes/index.ts';
import { SCENE_COLOURS } from '../../../src/scenes/palette.ts';
import { chooseRenderer } from '../../../src/scenes/renderer.ts';
import type { RopeScene } from '../../../src/scenes/rope-scene.ts';
import { initialState, type ScenarioDef, type SimState, step } from '../../../src/sim/index.ts';

// A page for testing and benchmarking the rope view without the app: a store-less
// source built from a bundled scenario and the sim, driven from Playwright through
// window.__HARNESS__. It also starts an empty Phaser scene of the same size and config,
// the benchmark's baseline.

const params = new URLSearchParams(location.search);
const entry = scenarios.find((s) => s.scenario.id === (params.get('scenario') ?? 'tutorial'));
if (!entry) throw new Error(`no bundled scenario ${params.get('scenario')}`);
const scenario: ScenarioDef = entry.scenario;
const seed = params.get('seed') ?? '7';

let view: RopeViewState = {
  scenario,
  state: initialState(scenario, seed),
  previous: null,
  playId: 0,
  reducedMotion: params.get('reduced') === '1',
  skipped: false,
  ghost: null,
};
const listeners = new Set<() => void>();
const done: number[] = [];
const set = (patch: Partial<RopeViewState>) => {
  view = { ...view, ...patch };
  for (const l of listeners) l();
};

const source: RopeViewSource = {
  get: () => view,
  subscribe(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  animationDone(playId) {
    done.push(playId);
    if (playId === view.playId) set({ previous: null, skipped: false });
  },
};

/** Spreads or closes the team's fan by hand, to look at the picture at extremes. */
function withFan(state: SimState, angle: number): SimState {
  const n = state.members.length;
  return {
    ...state,
    forced: 0,
    members: state.members.map((m, i) => ({
      ...m,
      angle: n === 1 ? 0 : -angle + (2 * angle * i) / (n - 1),
    })),
  };
}

function play(choiceId?: string): number {
  const id = choiceId ?? firstChoice(view.state);
  if (!id) throw new Error('the game is over');
  set({
    previous: view.state,
    state: step(scenario, view.state, id),
    playId: view.playId + 1,
    skipped: false,
  });
  return view.playId;
}

function firstChoice(state: SimState): string | null {
  const s = scenario.situations.find((x) => x.id === state.situationId);
  return s?.choices[0]?.id ?? null;
}

const parent = document.getElementById('view')!;
// ?w=&h= sizes the view like the game's stage, so the benchmark compares like with like
const [qw, qh] = [Number(params.get('w')), Number(params.get('h'))];
if (qw > 0 && qh > 0) Object.assign(parent.style, { width: `${qw}px`, height: `${qh}px` });
let handle: RopeViewHandle | null = null;
let empty: Phaser.Game | null = null;

async function start(): Promise<void> {
  handle = await startRopeView(parent, source);
}

function startEmpty(): Promise<void> {
  return new Promise((resolve) => {
    class Empty extends Phaser.Scene {
      create() {
        resolve();
      }
    }
    empty = new Phaser.Game({
      type: chooseRenderer() === 'webgl' ? Phaser.WEBGL : Phaser.CANVAS,
      parent,
      width: parent.clientWidth,
      height: parent.clientHeight,
      backgroundColor: SCENE_COLOURS.background,
      banner: false,
      autoFocus: false,
      input: { keyboard: false, gamepad: false },
      scale: { mode: Phaser.Scale.NONE, expandParent: false },
      scene: new Empty({ key: 'empty' }),
    });
  });
}

function game(): Phaser.Game | null {
  return (handle?.game as Phaser.Game | undefined) ?? empty;
}

const harness = {
  start,
  startEmpty,
  stop() {
    handle?.destroy();
    handle = null;
    empty?.destroy(true);
    empty = null;
  },
  play,
  reset(newSeed = seed) {
    set({
      state: initialState(scenario, newSeed),
      previous: null,
      playId: view.playId + 1,
      ghost: null,
    });
  },
  skip: () => set({ skipped: true }),
  reduce: (on: boolean) => set({ reducedMotion: on }),
  /** Puts the customer at this share of its business (0–100), to look at the picture there. */
  share: (percent: number) =>
    set({
      state: { ...view.state, position: percent / 50 - 1 },
      previous: null,
      playId: view.playId + 1,
    }),
  /** A what-if that ends with the customer at this share (0–100), beside the real one. */
  ghostAt: (percent: number) => set({ ghost: { ...view.state, position: percent / 50 - 1 } }),
  fan: (angle: number) =>
    set({ state: withFan(view.state, angle), previous: null, playId: view.playId + 1 }),
  ghost: (choiceId: string | null) =>
    set({
      ghost:
        choiceId && view.previous === null && view.state.situationId
          ? step(scenario, view.state, choiceId)
          : null,
    }),
  done,
  view: () => view,
  game,
  frame: () => game()?.loop.frame ?? 0,
  /** stops (and restarts) this page's game loop, so that it does not compete while another is timed */
  sleep: () => game()?.loop.sleep(),
  wake: () => game()?.loop.wake(),
  renderType: () => game()?.config.renderType ?? 0,
  renderer: chooseRenderer,
  playing: () => {
    const g = handle?.game as Phaser.Game | undefined;
    return g ? (g.scene.getScene('ropes') as RopeScene | null)?.playing === true : false;
  },
};

declare global {
  interface Window {
    __HARNESS__: typeof harness;
  }
}
window.__HARNESS__ = harness;
if (params.get('auto') !== '0') void start();
