import * as Phaser from 'phaser';
import type { RopeViewHandle, StartRopeView } from './contract.ts';
import { SCENE_COLOURS } from './palette.ts';
import { chooseRenderer } from './renderer.ts';
import { RopeScene } from './rope-scene.ts';

// The one door into Phaser: a factory (no module singletons) that starts a game showing
// the rope view in `parent`, and a handle that takes it all down again. The app loads
// this module with a dynamic import, so Phaser stays in its own chunk.

export type { RopeViewHandle, RopeViewSource, RopeViewState, StartRopeView } from './contract.ts';
export { describeView, gustsOf } from './describe.ts';

function sizeOf(parent: HTMLElement): { width: number; height: number } {
  return {
    width: Math.max(320, parent.clientWidth || 360),
    height: Math.max(200, parent.clientHeight || 320),
  };
}

export const startRopeView: StartRopeView = (parent, source) =>
  new Promise<RopeViewHandle>((resolve, reject) => {
    let game: Phaser.Game | null = null;
    let observer: ResizeObserver | null = null;
    const destroy = () => {
      observer?.disconnect();
      observer = null;
      if (!game) return;
      const g = game;
      game = null;
      // Phaser tears a game down on its next frame: a sleeping loop must run once more
      g.loop.wake();
      g.destroy(true);
    };
    const ready = (scene: RopeScene) => {
      const g = scene.game;
      const canvas = g.canvas;
      canvas.setAttribute('role', 'img');
      // a picture needs a name even before there is a market to draw (a live room's join form)
      if (!canvas.hasAttribute('aria-label'))
        canvas.setAttribute(
          'aria-label',
          'Rope view: the market appears here once a game is open.',
        );
      // the view is a picture: the buttons and cards beside it take the focus
      canvas.tabIndex = -1;
      observer = new ResizeObserver(() => {
        if (!game) return;
        const { width, height } = sizeOf(parent);
        if (width !== game.scale.width || height !== game.scale.height) {
          game.scale.resize(width, height);
          scene.wake();
        }
      });
      observer.observe(parent);
      resolve({ destroy, game: g });
    };
    try {
      const { width, height } = sizeOf(parent);
      const renderer = chooseRenderer();
      game = new Phaser.Game({
        type: renderer === 'webgl' ? Phaser.WEBGL : Phaser.CANVAS,
        parent,
        width,
        height,
        backgroundColor: SCENE_COLOURS.background,
        banner: false,
        // Phaser must never take the keyboard or the focus from the HTML buttons
        autoFocus: false,
        input: { keyboard: false, gamepad: false },
        disableContextMenu: false,
        scale: { mode: Phaser.Scale.NONE, expandParent: false },
        render: { antialias: true },
        scene: new RopeScene(source, ready),
      });
    } catch (err) {
      destroy();
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });

export { PLAY_MS } from './playback.ts';
export type { RopeScene };
